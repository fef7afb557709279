import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { defaultLease, Heartbeat } from '../../lib/lease.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';
import { recordOffboardingEvent } from '../workflows/offboarding-events.js';
import { deprovisionTask } from './deprovision-task.js';
import type { FindKind } from './deprovisioning-sources.js';
import { notifyOwner } from './notify-owner.js';
import { byRoster } from './offboarding-methods.js';
import { currentEmployeeRecord, dayOf, personOfPrimary } from './offboarding-person.js';
import { createTicket } from './ticket-method.js';

/** A task a runner holds, with what acting on it needs. */
export interface ClaimedTask {
  id: number;
  offboarding_id: number;
  account_id: number;
  method: 'automatic' | 'ticket' | 'notify-owner';
  source_id: number | null;
  account_status: 'active' | 'suspended' | 'deleted';
  app_id: number;
  instance_id: number;
  app: string;
  email: string;
}

/** How a task ended: done (with what was done), waiting on someone else (a ticket, an owner), or failed. */
export type TaskOutcome =
  | { status: 'done'; note: string; calls: CallRecord[] }
  | {
      status: 'waiting';
      note: string;
      calls: CallRecord[];
      ticketKey?: string;
      notifiedTo?: string;
      tokenHash?: string;
    }
  | { status: 'failed'; note: string; calls: CallRecord[] };

export interface CallRecord {
  at: string;
  method: string;
  url: string;
  status: number | null;
  detail?: string;
}

export interface RunOptions {
  signal?: AbortSignal;
  findKind?: FindKind;
  now?: () => Date;
  /** Tasks acted on at once; each provider's own rate limits are honoured by its client. */
  concurrency?: number;
}

/**
 * Acts on the pending tasks of one offboarding that Roster can act on: automatic (the integration
 * deprovisions), ticket (a Jira issue is created) and notify-owner (the owner is emailed). Each task is
 * claimed with a lease, so two processes never act on the same task, and a task whose process stopped is
 * taken up again (deprovisioning is idempotent). Automatic actions wait while the employee source of truth
 * says the person is current, unless an admin forced the offboarding with a reason.
 */
export async function runOffboardingTasks(
  roster: Roster,
  offboardingId: number,
  options: RunOptions = {},
): Promise<{ ran: number }> {
  const { db } = roster.database;
  const now = options.now ?? (() => new Date());
  const lease = roster.config.lease ?? defaultLease;
  const offboarding = await db
    .selectFrom('offboardings as o')
    .innerJoin('users as u', 'u.id', 'o.user_id')
    .select(['o.id', 'o.status', 'o.forced_reason', 'u.id as userId', 'u.email'])
    .where('o.id', '=', offboardingId)
    .executeTakeFirst();
  if (!offboarding) return { ran: 0 };
  const person = await personOfPrimary(db, { id: offboarding.userId, email: offboarding.email });
  const current = offboarding.forced_reason ? null : await currentEmployeeRecord(db, person, dayOf(now()));
  if (current)
    await db
      .updateTable('offboarding_tasks')
      .set({
        note: `Waiting: ${current.email} is a current employee in ${current.source}. Roster deprovisions once they leave, or now if an admin forces the offboarding with a reason.`,
      })
      .where('offboarding_id', '=', offboardingId)
      .where('method', '=', 'automatic')
      .where('status', '=', 'pending')
      .execute();

  let ran = 0;
  const worker = async () => {
    for (;;) {
      if (options.signal?.aborted) return;
      const task = await claimTask(db, offboardingId, now(), lease.durationMs, { automatic: !current });
      if (!task) return;
      ran++;
      const heartbeat = new Heartbeat(async () => {
        await db
          .updateTable('offboarding_tasks')
          .set({ lease_expires_at: new Date(now().getTime() + lease.durationMs) })
          .where('id', '=', task.id)
          .where('status', '=', 'in_progress')
          .execute();
      }, lease.renewEveryMs);
      heartbeat.start();
      let outcome: TaskOutcome;
      try {
        outcome = await actOn(roster, task, options, now);
      } catch (error) {
        outcome = { status: 'failed', note: (error as Error).message, calls: [] };
      } finally {
        await heartbeat.stop();
      }
      await finishTask(db, task, outcome, now());
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return { ran };
}

function actOn(
  roster: Roster,
  task: ClaimedTask,
  options: RunOptions,
  now: () => Date,
): Promise<TaskOutcome> {
  switch (task.method) {
    case 'automatic':
      return deprovisionTask(roster, task, options, now);
    case 'notify-owner':
      return notifyOwner(roster, task, now);
    case 'ticket':
      return createTicket(roster, task, options, now);
  }
}

async function claimTask(
  db: Kysely<DB>,
  offboardingId: number,
  now: Date,
  leaseMs: number,
  allow: { automatic: boolean },
): Promise<ClaimedTask | undefined> {
  const methods = allow.automatic ? ['automatic', 'ticket', 'notify-owner'] : ['ticket', 'notify-owner'];
  const { rows } = await sql<ClaimedTask>`
    with next as (
      select t.id from offboarding_tasks t join offboardings o on o.id = t.offboarding_id
      where t.offboarding_id = ${offboardingId} and t.method = any (${methods}::text[])
        and (t.status = 'pending' or (t.status = 'in_progress' and t.lease_expires_at < ${now}::timestamptz))
      order by t.id limit 1
      for update of t skip locked)
    update offboarding_tasks t
    set status = 'in_progress', attempts = t.attempts + 1, note = null,
        lease_expires_at = ${new Date(now.getTime() + leaseMs)}::timestamptz
    from next, accounts ac, apps a, users u
    where t.id = next.id and ac.id = t.account_id and a.id = ac.app_id and u.id = ac.user_id
    returning t.id, t.offboarding_id, t.account_id, t.method, t.source_id, t.account_status, a.id as app_id,
              ac.instance_id,
              a.name as app, u.email`.execute(db);
  return rows[0];
}

/**
 * Records how a task ended, with every request it made. When the last remaining task finishes through the
 * automatic method, the offboarding completes by itself, and says so.
 */
async function finishTask(db: Kysely<DB>, task: ClaimedTask, outcome: TaskOutcome, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const calls = JSON.stringify(outcome.calls);
    const common = { lease_expires_at: null, note: outcome.note };
    const update =
      outcome.status === 'done'
        ? { ...common, status: 'done' as const, done_by: byRoster, done_at: now }
        : outcome.status === 'waiting'
          ? {
              ...common,
              ticket_key: outcome.ticketKey ?? null,
              notified_to: outcome.notifiedTo ?? null,
              notify_token_hash: outcome.tokenHash ?? null,
            }
          : { ...common, status: 'failed' as const };
    const written = await trx
      .updateTable('offboarding_tasks')
      .set({ ...update, calls: sql`calls || ${calls}::jsonb` })
      .where('id', '=', task.id)
      .where('status', '=', 'in_progress')
      .executeTakeFirst();
    if (written.numUpdatedRows === 0n) return;
    if (outcome.status === 'done' && task.method === 'automatic')
      await completeIfLast(trx, task.offboarding_id, now);
  });
}

async function completeIfLast(trx: Transaction<DB>, offboardingId: number, now: Date): Promise<void> {
  // Two tasks of one offboarding finishing at once would each see the other still running and neither
  // complete it. Holding the offboarding's row makes the second wait for the first to commit; its check
  // below then runs on a fresh snapshot that sees the first task done.
  await trx.selectFrom('offboardings').select('id').where('id', '=', offboardingId).forUpdate().execute();
  const completed = await trx
    .updateTable('offboardings')
    .set({ status: 'completed', completed_at: now, completed_by: byRoster, completed_how: 'automatic' })
    .where('id', '=', offboardingId)
    .where('status', '=', 'in_progress')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('offboarding_tasks')
            .select('id')
            .where('offboarding_id', '=', offboardingId)
            .where('status', 'in', ['pending', 'in_progress', 'failed']),
        ),
      ),
    )
    .returning('user_id')
    .executeTakeFirst();
  if (completed)
    await recordOffboardingEvent(trx, 'offboarding.completed', {
      id: offboardingId,
      userId: completed.user_id,
      at: now,
      how: 'automatic',
    });
  if (completed)
    await writeAudit(trx, {
      actor: byRoster,
      action: 'offboarding.complete',
      targetType: 'offboarding',
      targetId: offboardingId,
      after: { how: 'automatic', reason: 'the last remaining task finished through the automatic method' },
    });
}
