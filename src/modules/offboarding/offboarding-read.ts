import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../lib/errors.js';
import { unmanagedInstance } from '../accounts/account-facts.js';
import { findPerson, personOfPrimary } from './offboarding-person.js';
import type { CallRecord } from './offboarding-runner.js';

export interface TaskView {
  id: number;
  app: string;
  instance: string;
  email: string;
  /** The account's status when the offboarding started. */
  accountStatus: string;
  method: string;
  /** The source that deprovisions (automatic tasks). */
  source: string | null;
  action: string;
  status: 'pending' | 'in_progress' | 'done' | 'failed' | 'skipped';
  /** Why a task waits, what it did, or the provider's error. */
  note: string | null;
  attempts: number;
  doneBy: string | null;
  doneAt: string | null;
  ticketKey: string | null;
  notifiedTo: string | null;
  /** Each request made and the provider's answer (no secrets). */
  calls: CallRecord[];
}

export interface OffboardingView {
  id: number;
  primaryEmail: string;
  emails: string[];
  status: 'in_progress' | 'completed';
  startedAt: string;
  startedBy: string;
  forced: { reason: string; by: string } | null;
  completedAt: string | null;
  completedBy: string | null;
  /** `manual`: an admin marked it done; `automatic`: the last remaining task finished automatically. */
  completedHow: 'manual' | 'automatic' | null;
  reopenedAt: string | null;
  reopenedBy: string | null;
  counts: Record<TaskView['status'], number>;
  tasks: TaskView[];
}

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

export async function offboardingOf(db: Kysely<DB>, email: string): Promise<OffboardingView> {
  const person = await findPerson(db, email);
  const row = await db
    .selectFrom('offboardings')
    .select('id')
    .where('user_id', '=', person.userId)
    .executeTakeFirst();
  if (!row) throw notFound(`${person.primaryEmail} has no offboarding: start one first`);
  return readOffboarding(db, row.id);
}

export async function readOffboarding(db: Kysely<DB>, id: number): Promise<OffboardingView> {
  const row = await db
    .selectFrom('offboardings as o')
    .innerJoin('users as u', 'u.id', 'o.user_id')
    .selectAll('o')
    .select('u.email')
    .where('o.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(`No offboarding ${id}`);
  const person = await personOfPrimary(db, { id: row.user_id, email: row.email });
  const { rows } = await sql<{
    id: number;
    app: string;
    instance: string | null;
    email: string;
    account_status: string;
    method: string;
    source: string | null;
    action: string;
    status: TaskView['status'];
    note: string | null;
    attempts: number;
    done_by: string | null;
    done_at: Date | null;
    ticket_key: string | null;
    notified_to: string | null;
    calls: CallRecord[];
  }>`
    select t.id, a.name as app, isrc.name as instance, u.email, t.account_status, t.method, s.name as source,
           t.action, t.status, t.note, t.attempts, t.done_by, t.done_at, t.ticket_key, t.notified_to, t.calls
    from offboarding_tasks t join accounts ac on ac.id = t.account_id join apps a on a.id = ac.app_id
    join users u on u.id = ac.user_id join app_instances ai on ai.id = ac.instance_id
    left join sources isrc on isrc.id = ai.source_id left join sources s on s.id = t.source_id
    where t.offboarding_id = ${id}
    order by lower(a.name), isrc.name nulls last, u.email`.execute(db);
  const tasks: TaskView[] = rows.map((t) => ({
    id: t.id,
    app: t.app,
    instance: t.instance ?? unmanagedInstance,
    email: t.email,
    accountStatus: t.account_status,
    method: t.method,
    source: t.source,
    action: t.action,
    status: t.status,
    note: t.note,
    attempts: t.attempts,
    doneBy: t.done_by,
    doneAt: iso(t.done_at),
    ticketKey: t.ticket_key,
    notifiedTo: t.notified_to,
    calls: t.calls,
  }));
  const counts = { pending: 0, in_progress: 0, done: 0, failed: 0, skipped: 0 };
  for (const t of tasks) counts[t.status]++;
  return {
    id: row.id,
    primaryEmail: person.primaryEmail,
    emails: person.emails,
    status: row.status,
    startedAt: new Date(row.started_at).toISOString(),
    startedBy: row.started_by,
    forced: row.forced_reason ? { reason: row.forced_reason, by: row.forced_by ?? '' } : null,
    completedAt: iso(row.completed_at),
    completedBy: row.completed_by,
    completedHow: row.completed_how,
    reopenedAt: iso(row.reopened_at),
    reopenedBy: row.reopened_by,
    counts,
    tasks,
  };
}

export interface OffboardingSummary {
  id: number;
  primaryEmail: string;
  status: 'in_progress' | 'completed';
  startedAt: string;
  completedAt: string | null;
  completedBy: string | null;
  completedHow: 'manual' | 'automatic' | null;
  counts: Record<TaskView['status'], number>;
}

/** Offboardings, newest first, optionally of one status. */
export async function listOffboardings(
  db: Kysely<DB>,
  filter: { status?: 'in_progress' | 'completed' } = {},
): Promise<OffboardingSummary[]> {
  const { rows } = await sql<{
    id: number;
    email: string;
    status: 'in_progress' | 'completed';
    started_at: Date;
    completed_at: Date | null;
    completed_by: string | null;
    completed_how: 'manual' | 'automatic' | null;
    counts: Record<TaskView['status'], number> | null;
  }>`
    select o.id, u.email, o.status, o.started_at, o.completed_at, o.completed_by, o.completed_how,
           (select json_object_agg(c.status, c.n) from (select status, count(*)::int as n from offboarding_tasks
             where offboarding_id = o.id group by status) c) as counts
    from offboardings o join users u on u.id = o.user_id
    where ${filter.status ?? null}::text is null or o.status = ${filter.status ?? null}
    order by o.started_at desc, o.id desc`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    primaryEmail: r.email,
    status: r.status,
    startedAt: new Date(r.started_at).toISOString(),
    completedAt: iso(r.completed_at),
    completedBy: r.completed_by,
    completedHow: r.completed_how,
    counts: { pending: 0, in_progress: 0, done: 0, failed: 0, skipped: 0, ...(r.counts ?? {}) },
  }));
}
