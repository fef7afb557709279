import { sql } from 'kysely';
import { enqueueJob, type Job } from '../../jobs/job-queue.js';
import { RosterError } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import { offboardingCandidates } from './offboarding-candidates.js';
import { byRoster } from './offboarding-methods.js';
import { currentEmployeeRecord, dayOf, personOfPrimary } from './offboarding-person.js';
import { runOffboardingTasks } from './offboarding-runner.js';
import { startOffboarding } from './offboarding-start.js';

export const offboardingTasksJobKind = 'offboarding.tasks';

/** Queues acting on an offboarding's tasks, once however often it is asked, and wakes the worker. */
export async function queueOffboardingTasks(roster: Roster, offboardingId: number): Promise<void> {
  await enqueueJob(roster.database, {
    kind: offboardingTasksJobKind,
    payload: { offboardingId },
    dedupeKey: `offboarding:${offboardingId}`,
  });
  roster.wakeJobs?.();
}

export function offboardingTasksHandler(roster: Roster) {
  return async (job: Job) => {
    const { offboardingId } = job.payload as { offboardingId: number };
    await runOffboardingTasks(roster, offboardingId);
  };
}

/**
 * Before each poll: offboardings with tasks Roster can act on now — a task whose process stopped, or an
 * automatic task that waited while its person was current and whose person has now left — are queued.
 */
export async function queueRunnableOffboardings(roster: Roster, now = new Date()): Promise<number> {
  const { db } = roster.database;
  const { rows } = await sql<{
    id: number;
    user_id: number;
    email: string;
    forced: boolean;
    waiting_only: boolean;
  }>`
    select o.id, o.user_id, u.email, o.forced_reason is not null as forced,
           bool_and(t.status = 'pending' and t.method = 'automatic' and t.note is not null) as waiting_only
    from offboardings o join users u on u.id = o.user_id
    join offboarding_tasks t on t.offboarding_id = o.id
    where (t.status = 'pending' and t.method in ('automatic', 'ticket', 'notify-owner'))
       or (t.status = 'in_progress' and t.lease_expires_at < ${now}::timestamptz)
    group by o.id, u.email
    limit 100`.execute(db);
  let queued = 0;
  for (const row of rows) {
    if (row.waiting_only && !row.forced) {
      const person = await personOfPrimary(db, { id: row.user_id, email: row.email });
      if (await currentEmployeeRecord(db, person, dayOf(now))) continue;
    }
    await queueOffboardingTasks(roster, row.id);
    queued++;
  }
  return queued;
}

/**
 * With the organisation's automatic offboarding on: each new offboarding candidate's offboarding starts by
 * itself, recorded as started by Roster, and its tasks are queued. Answers how many started.
 */
export async function startCandidateOffboardings(roster: Roster, now = new Date()): Promise<number> {
  const { db } = roster.database;
  const settings = await db.selectFrom('organisation_settings').select('auto_offboarding').executeTakeFirst();
  if (!settings?.auto_offboarding) return 0;
  let started = 0;
  for (const candidate of await offboardingCandidates(db, dayOf(now))) {
    try {
      const result = await startOffboarding(roster, byRoster, { email: candidate.primaryEmail }, { now });
      if (result.dryRun) continue;
      await queueOffboardingTasks(roster, result.id);
      started++;
    } catch (error) {
      // Another process started it in the meantime: nothing to do.
      if (!(error instanceof RosterError && error.code === 'conflict')) throw error;
    }
  }
  return started;
}
