import { sql } from 'kysely';
import type { Database } from '../db/database.js';

export interface Job {
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

/**
 * Jobs live in the `jobs` table. Claiming uses FOR UPDATE SKIP LOCKED, which works the same on PGlite and
 * on a server: two workers never take the same job, and neither waits for the other.
 */
export async function enqueueJob(
  database: Database,
  job: { kind: string; payload?: unknown; runAt?: Date; dedupeKey?: string; maxAttempts?: number },
): Promise<number | null> {
  const row = await sql<{ id: number }>`
    insert into jobs (kind, payload, run_at, dedupe_key, max_attempts)
    values (${job.kind}, ${JSON.stringify(job.payload ?? {})}::jsonb, ${job.runAt ?? new Date()}::timestamptz,
            ${job.dedupeKey ?? null}, ${job.maxAttempts ?? 3})
    on conflict (dedupe_key) where status in ('queued', 'running') do nothing
    returning id`.execute(database.db);
  return row.rows[0]?.id ?? null;
}

export async function claimJob(database: Database, workerId: string, now = new Date()): Promise<Job | null> {
  const { rows } = await sql<Job>`
    update jobs set status = 'running', attempts = attempts + 1, locked_by = ${workerId}, locked_at = ${now}::timestamptz
    where id = (select id from jobs where status = 'queued' and run_at <= ${now}::timestamptz
                order by run_at, id for update skip locked limit 1)
    returning id, kind, payload, attempts, max_attempts as "maxAttempts"`.execute(database.db);
  return rows[0] ?? null;
}

export async function completeJob(database: Database, id: number): Promise<void> {
  await database.db
    .updateTable('jobs')
    .set({ status: 'succeeded', finished_at: new Date(), last_error: null })
    .where('id', '=', id)
    .execute();
}

/** A failed job is retried with a growing delay until it has used its attempts. */
export async function failJob(database: Database, job: Job, error: string, now = new Date()): Promise<void> {
  const retry = job.attempts < job.maxAttempts;
  await database.db
    .updateTable('jobs')
    .set(
      retry
        ? {
            status: 'queued',
            run_at: new Date(now.getTime() + 60_000 * 2 ** job.attempts),
            last_error: error,
            locked_by: null,
          }
        : { status: 'failed', finished_at: now, last_error: error },
    )
    .where('id', '=', job.id)
    .execute();
}

/** Jobs a stopped process left running go back to the queue (after `staleAfterMs` on a shared server). */
export async function requeueAbandonedJobs(database: Database, staleAfterMs: number): Promise<number> {
  const cutoff = new Date(Date.now() - staleAfterMs);
  const rows = await database.db
    .updateTable('jobs')
    .set({ status: 'queued', locked_by: null })
    .where('status', '=', 'running')
    .where('locked_at', '<=', cutoff)
    .returning('id')
    .execute();
  return rows.length;
}
