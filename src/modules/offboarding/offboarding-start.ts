import { conflict, invalidInput } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';
import { recordOffboardingEvent } from '../workflows/offboarding-events.js';
import type { FindKind } from './deprovisioning-sources.js';
import { currentEmployeeRecord, dayOf, findPerson } from './offboarding-person.js';
import { type PlannedTask, planTasks } from './offboarding-plan.js';

export interface StartInput {
  email: string;
  dryRun?: boolean;
  /** Runs automatic actions although the employee source of truth says the person is current. */
  force?: { reason: string };
}

export interface StartPreview {
  dryRun: true;
  primaryEmail: string;
  emails: string[];
  /** Set when the employee source of truth says the person is current: automatic actions would wait. */
  current: { email: string; source: string } | null;
  tasks: PlannedTask[];
}

/**
 * Starts the offboarding of a person (any of their emails): one task per account of every email, in every
 * app, whatever the account's status. A dry run answers the same list, with every request an automatic task
 * would make, and writes nothing. Answers the new offboarding's id; its tasks run next (`runOffboardingTasks`).
 */
export async function startOffboarding(
  roster: Roster,
  actor: string,
  input: StartInput,
  options: { now?: Date; findKind?: FindKind } = {},
): Promise<StartPreview | { dryRun: false; id: number }> {
  const { db } = roster.database;
  const now = options.now ?? new Date();
  const reason = input.force?.reason.trim();
  if (input.force && !reason)
    throw invalidInput('Say why automatic actions should run for a current employee', [
      { field: 'force.reason', message: 'must not be empty' },
    ]);
  const person = await findPerson(db, input.email);
  const tasks = await planTasks(db, person, options.findKind);
  const current = await currentEmployeeRecord(db, person, dayOf(now));
  if (input.dryRun)
    return { dryRun: true, primaryEmail: person.primaryEmail, emails: person.emails, current, tasks };

  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('offboardings')
      .select(['id', 'status'])
      .where('user_id', '=', person.userId)
      .forUpdate()
      .executeTakeFirst();
    if (existing)
      throw conflict(
        existing.status === 'in_progress'
          ? `The offboarding of ${person.primaryEmail} is already in progress`
          : `${person.primaryEmail} was already offboarded: re-open that offboarding to act again`,
      );
    const row = await trx
      .insertInto('offboardings')
      .values({
        user_id: person.userId,
        status: 'in_progress',
        started_at: now,
        started_by: actor,
        forced_reason: reason ?? null,
        forced_by: reason ? actor : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (tasks.length)
      await trx
        .insertInto('offboarding_tasks')
        .values(
          tasks.map((t) => ({
            offboarding_id: row.id,
            account_id: t.accountId,
            account_status: t.accountStatus,
            method: t.method,
            source_id: t.sourceId,
            action: t.action,
            // An ignored app is listed, never acted on, and counts as done.
            status: t.method === 'ignore' ? 'skipped' : 'pending',
            ...(t.method === 'ignore' ? { done_by: actor, done_at: now } : {}),
          })),
        )
        .execute();
    await writeAudit(trx, {
      actor,
      action: 'offboarding.start',
      targetType: 'person',
      targetId: person.primaryEmail,
      after: {
        emails: person.emails,
        tasks: tasks.length,
        ...(reason ? { forced: { reason, current } } : {}),
      },
    });
    await recordOffboardingEvent(trx, 'offboarding.started', { id: row.id, userId: person.userId, at: now });
    return { dryRun: false as const, id: row.id };
  });
}
