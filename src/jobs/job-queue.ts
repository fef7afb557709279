import { sql, type UpdateQueryBuilder, type UpdateResult } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { defaultLease } from '../lib/lease.js';

type JobUpdate = UpdateQueryBuilder<DB, 'jobs', 'jobs', UpdateResult>;

export interface Job {
  id: number;
  kind: string;
  payload: unknown;
  /** Attempts so far, this one included: a claim counts an attempt. */
  attempts: number;
  maxAttempts: number;
  /** The worker holding the job's lease; only it may finish, fail or defer the job. */
  lockedBy: string;
}

/**
 * Jobs live in the `jobs` table. Claiming uses FOR UPDATE SKIP LOCKED, which works the same on PGlite and
 * on a server: two workers never take the same job, and neither waits for the other. A claimed job is held
 * by a lease its worker renews; a job whose lease ran out goes back to the queue (`requeueStoppedJobs`).
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

export async function claimJob(
  database: Database,
  workerId: string,
  now = new Date(),
  leaseMs = defaultLease.durationMs,
): Promise<Job | null> {
  const expires = new Date(now.getTime() + leaseMs);
  const { rows } = await sql<Job>`
    update jobs set status = 'running', attempts = attempts + 1, locked_by = ${workerId},
                    locked_at = ${now}::timestamptz, heartbeat_at = ${now}::timestamptz,
                    lease_expires_at = ${expires}::timestamptz
    where id = (select id from jobs where status = 'queued' and run_at <= ${now}::timestamptz
                order by run_at, id for update skip locked limit 1)
    returning id, kind, payload, attempts, max_attempts as "maxAttempts", locked_by as "lockedBy"`.execute(
    database.db,
  );
  return rows[0] ?? null;
}

/** Pushes a held job's lease forward; false when it is no longer this worker's (another process requeued it). */
export async function renewJobLease(
  database: Database,
  job: Job,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const result = await heldBy(
    database.db
      .updateTable('jobs')
      .set({ heartbeat_at: now, lease_expires_at: new Date(now.getTime() + leaseMs) }),
    job,
  ).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function completeJob(database: Database, job: Job, now = new Date()): Promise<void> {
  await heldBy(
    database.db
      .updateTable('jobs')
      .set({ status: 'succeeded', finished_at: now, last_error: null, lease_expires_at: null }),
    job,
  ).execute();
}

/** The wait before a job's next attempt: two minutes after the first, then four, eight… */
function retryDelayMs(attempts: number): number {
  return 60_000 * 2 ** attempts;
}

/** A failed job is retried with a growing delay until it has used its attempts. */
export async function failJob(database: Database, job: Job, error: string, now = new Date()): Promise<void> {
  const retry = job.attempts < job.maxAttempts;
  await heldBy(
    database.db.updateTable('jobs').set(
      retry
        ? {
            status: 'queued',
            run_at: new Date(now.getTime() + retryDelayMs(job.attempts)),
            last_error: error,
            locked_by: null,
            lease_expires_at: null,
          }
        : { status: 'failed', finished_at: now, last_error: error, lease_expires_at: null },
    ),
    job,
  ).execute();
}

/**
 * Puts a job back in the queue to run at `until` without using an attempt: it could not do its work yet
 * (a sync of its source is already running), which says nothing about whether it would succeed.
 */
export async function deferJob(database: Database, job: Job, until: Date, reason: string): Promise<void> {
  await heldBy(
    database.db.updateTable('jobs').set({
      status: 'queued',
      run_at: until,
      attempts: sql`attempts - 1`,
      last_error: reason,
      locked_by: null,
      lease_expires_at: null,
    }),
    job,
  ).execute();
}

/** Thrown by a handler whose job cannot run yet; the worker defers it to `until`. */
export class JobDeferred extends Error {
  constructor(
    readonly until: Date,
    message: string,
  ) {
    super(message);
  }
}

// Only the worker holding the lease may end a job: once another process requeued it, it is not ours.
function heldBy(query: JobUpdate, job: Job): JobUpdate {
  return query.where('id', '=', job.id).where('status', '=', 'running').where('locked_by', '=', job.lockedBy);
}

/** The reason a stopped process's job went back to the queue (or failed), naming its last sign of life. */
export function stoppedJobMessage(lastSign: Date): string {
  return `The process running this job stopped: no sign of life since ${lastSign.toISOString()}`;
}

/**
 * Jobs whose worker stopped (lease run out; with `everyRunning`, every running job, which only the embedded
 * database may say at start) go back to the queue with their attempt counted, or fail once they used their
 * attempts: a job that kills its process every time must not run forever.
 */
export async function requeueStoppedJobs(
  database: Database,
  options: { now?: Date; everyRunning?: boolean } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  return database.db.transaction().execute(async (trx) => {
    let query = trx
      .selectFrom('jobs')
      .select(['id', 'attempts', 'max_attempts', 'heartbeat_at', 'locked_at', 'created_at'])
      .where('status', '=', 'running')
      .forUpdate()
      .skipLocked();
    if (!options.everyRunning) query = query.where('lease_expires_at', '<', now);
    const jobs = await query.execute();
    for (const job of jobs) {
      const message = stoppedJobMessage(job.heartbeat_at ?? job.locked_at ?? job.created_at);
      await trx
        .updateTable('jobs')
        .set(
          job.attempts < job.max_attempts
            ? {
                status: 'queued',
                run_at: new Date(now.getTime() + retryDelayMs(job.attempts)),
                last_error: message,
                locked_by: null,
                lease_expires_at: null,
              }
            : { status: 'failed', finished_at: now, last_error: message, lease_expires_at: null },
        )
        .where('id', '=', job.id)
        .execute();
    }
    return jobs.length;
  });
}
