import { sql } from 'kysely';
import { normaliseEmail } from '../../lib/email.js';
import { conflict, invalidInput, notFound, RosterError } from '../../lib/errors.js';
import { hashToken } from '../../lib/tokens.js';
import type { Roster } from '../../roster.js';
import { unmanagedInstance } from '../accounts/account-facts.js';
import { writeAudit } from '../audit/audit.repo.js';
import { recordOffboardingEvent } from '../workflows/offboarding-events.js';
import { findPerson } from './offboarding-person.js';

/** An admin marks the offboarding done on the person's page; tasks finishing later are still recorded. */
export async function completeOffboarding(roster: Roster, actor: string, email: string, now = new Date()) {
  const { db } = roster.database;
  const person = await findPerson(db, email);
  const done = await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('offboardings')
      .set({ status: 'completed', completed_at: now, completed_by: actor, completed_how: 'manual' })
      .where('user_id', '=', person.userId)
      .where('status', '=', 'in_progress')
      .returning('id')
      .executeTakeFirst();
    if (!row) return null;
    await recordOffboardingEvent(trx, 'offboarding.completed', {
      id: row.id,
      userId: person.userId,
      at: now,
      how: 'manual',
    });
    const open = await trx
      .selectFrom('offboarding_tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('offboarding_id', '=', row.id)
      .where('status', 'in', ['pending', 'in_progress', 'failed'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      actor,
      action: 'offboarding.complete',
      targetType: 'offboarding',
      targetId: row.id,
      after: { how: 'manual', person: person.primaryEmail, openTasks: Number(open.n) },
    });
    return row.id;
  });
  if (done === null) throw await notOpen(roster, person.userId, person.primaryEmail);
  return done;
}

/** Re-opens a completed offboarding: its tasks stay as they are, and can be retried or marked done. */
export async function reopenOffboarding(roster: Roster, actor: string, email: string, now = new Date()) {
  const { db } = roster.database;
  const person = await findPerson(db, email);
  const id = await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('offboardings')
      .select(['id', 'completed_at', 'completed_by', 'completed_how'])
      .where('user_id', '=', person.userId)
      .where('status', '=', 'completed')
      .forUpdate()
      .executeTakeFirst();
    if (!before) return null;
    await trx
      .updateTable('offboardings')
      .set({
        status: 'in_progress',
        completed_at: null,
        completed_by: null,
        completed_how: null,
        reopened_at: now,
        reopened_by: actor,
      })
      .where('id', '=', before.id)
      .execute();
    await writeAudit(trx, {
      actor,
      action: 'offboarding.reopen',
      targetType: 'offboarding',
      targetId: before.id,
      before: {
        completedAt: before.completed_at,
        completedBy: before.completed_by,
        how: before.completed_how,
      },
    });
    return before.id;
  });
  if (id === null) {
    const existing = await db
      .selectFrom('offboardings')
      .select('status')
      .where('user_id', '=', person.userId)
      .executeTakeFirst();
    throw existing
      ? conflict(`The offboarding of ${person.primaryEmail} is not completed`)
      : notFound(`${person.primaryEmail} has no offboarding`);
  }
  return id;
}

async function notOpen(roster: Roster, userId: number, email: string) {
  const existing = await roster.database.db
    .selectFrom('offboardings')
    .select('status')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return existing
    ? conflict(`The offboarding of ${email} is already completed`)
    : notFound(`${email} has no offboarding: start one first`);
}

export interface TaskRef {
  app: string;
  /** The instance (its direct source's name, or `unmanaged`) when the person has accounts in several. */
  instance?: string;
  /** Which of the person's emails, when the person has accounts in the app under several. */
  email?: string;
}

/**
 * Finds one task of a person's offboarding by app, instance and email; ambiguity is an error that lists the
 * choices, never a guess.
 */
export async function findTask(roster: Roster, personEmail: string, ref: TaskRef) {
  const { db } = roster.database;
  const person = await findPerson(db, personEmail);
  const { rows } = await sql<{
    id: number;
    offboarding_id: number;
    status: string;
    instance: string;
    email: string;
  }>`
    select t.id, t.offboarding_id, t.status, coalesce(isrc.name, ${unmanagedInstance}) as instance, u.email
    from offboardings o join offboarding_tasks t on t.offboarding_id = o.id
    join accounts ac on ac.id = t.account_id join apps a on a.id = ac.app_id join users u on u.id = ac.user_id
    join app_instances ai on ai.id = ac.instance_id left join sources isrc on isrc.id = ai.source_id
    where o.user_id = ${person.userId} and lower(a.name) = ${ref.app.trim().toLowerCase()}`.execute(db);
  let matches = rows;
  if (ref.instance)
    matches = matches.filter((r) => r.instance.toLowerCase() === ref.instance?.trim().toLowerCase());
  const wanted = ref.email ? normaliseEmail(ref.email) : undefined;
  if (matches.length > 1 && wanted) matches = matches.filter((r) => r.email === wanted);
  if (matches.length === 0)
    throw notFound(
      `The offboarding of ${person.primaryEmail} has no task for ${ref.app}${ref.instance ? ` (${ref.instance})` : ''}`,
    );
  if (matches.length > 1)
    throw invalidInput(
      `${person.primaryEmail} has several accounts in ${ref.app}: name the instance or the email`,
      [
        {
          field: 'instance',
          message: matches.map((m) => `${m.instance} (${m.email})`).join(', '),
        },
      ],
    );
  return { ...(matches[0] as (typeof rows)[number]), person };
}

/** An admin marks one task done (manual tasks, or any task done by hand). */
export async function markTaskDone(
  roster: Roster,
  actor: string,
  personEmail: string,
  ref: TaskRef,
  now = new Date(),
) {
  const task = await findTask(roster, personEmail, ref);
  await roster.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('offboarding_tasks')
      .set({ status: 'done', done_by: actor, done_at: now, lease_expires_at: null, notify_token_hash: null })
      .where('id', '=', task.id)
      .where('status', 'in', ['pending', 'in_progress', 'failed'])
      .returning('id')
      .executeTakeFirst();
    if (!row)
      throw conflict(`The ${ref.app} task is already ${task.status === 'skipped' ? 'skipped' : 'done'}`);
    await writeAudit(trx, {
      actor,
      action: 'offboarding.task.done',
      targetType: 'offboarding',
      targetId: task.offboarding_id,
      after: { app: ref.app, instance: task.instance, email: task.email },
    });
  });
  return task.offboarding_id;
}

/** A failed task goes back to pending; the caller runs the offboarding's tasks again. */
export async function retryTask(roster: Roster, actor: string, personEmail: string, ref: TaskRef) {
  const task = await findTask(roster, personEmail, ref);
  await roster.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('offboarding_tasks')
      .set({ status: 'pending', note: null })
      .where('id', '=', task.id)
      .where('status', '=', 'failed')
      .returning('id')
      .executeTakeFirst();
    if (!row)
      throw conflict(
        `Only a failed task can be retried; the ${ref.app} task is ${task.status.replace('_', ' ')}`,
      );
    await writeAudit(trx, {
      actor,
      action: 'offboarding.task.retry',
      targetType: 'offboarding',
      targetId: task.offboarding_id,
      after: { app: ref.app, instance: task.instance, email: task.email },
    });
  });
  return task.offboarding_id;
}

/** An app owner confirms through the emailed link; the link works once. */
export async function confirmOwnerTask(roster: Roster, token: string, now = new Date()) {
  return roster.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('offboarding_tasks')
      .set((eb) => ({
        status: 'done',
        done_by: eb.ref('notified_to'),
        done_at: now,
        notify_token_hash: null,
      }))
      .where('notify_token_hash', '=', hashToken(token))
      .where('status', '=', 'in_progress')
      .returning(['id', 'offboarding_id', 'notified_to'])
      .executeTakeFirst();
    if (!row)
      throw new RosterError(
        'unauthenticated',
        'This link was already used, or the task no longer waits for it',
      );
    await writeAudit(trx, {
      actor: `owner:${row.notified_to ?? 'unknown'}`,
      action: 'offboarding.task.done',
      targetType: 'offboarding',
      targetId: row.offboarding_id,
      after: { task: row.id, by: 'owner link' },
    });
    return row;
  });
}
