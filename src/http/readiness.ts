import { sql } from 'kysely';
import { pendingMigrations } from '../db/migrate.js';
import type { WorkerLiveness } from '../jobs/job-worker.js';
import type { Roster } from '../roster.js';

/** What readiness asks of the job worker; the server is handed the serving process's worker, if any. */
export interface WorkerProbe {
  liveness(now?: Date): WorkerLiveness;
}

export type ReadinessCheck = { ready: true } | { ready: false; reason: string };

export interface Readiness {
  ready: boolean;
  checks: { database: ReadinessCheck; migrations: ReadinessCheck; worker: ReadinessCheck };
}

/** A load balancer waits a few seconds at most: a database that does not answer in time is not ready. */
const databaseDeadlineMs = 5_000;

const withDeadline = <T>(work: Promise<T>, ms: number, what: string) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms / 1000} s`)), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });

async function checkDatabase(roster: Roster): Promise<ReadinessCheck> {
  try {
    await withDeadline(sql`select 1`.execute(roster.database.db), databaseDeadlineMs, 'the database');
    return { ready: true };
  } catch (error) {
    // The driver's own text can name hosts and users: readiness is public, so it says only what failed.
    const late = error instanceof Error && /did not answer/.test(error.message);
    return { ready: false, reason: late ? error.message : 'the database cannot be reached' };
  }
}

async function checkMigrations(roster: Roster): Promise<ReadinessCheck> {
  try {
    const pending = await pendingMigrations(roster.database);
    if (pending.length === 0) return { ready: true };
    return { ready: false, reason: `migrations pending: ${pending.join(', ')}` };
  } catch {
    return {
      ready: false,
      reason: 'the migrations applied to the database are not the ones this Roster has',
    };
  }
}

function checkWorker(worker: WorkerProbe | undefined): ReadinessCheck {
  if (!worker) return { ready: false, reason: 'this process runs no job worker' };
  const liveness = worker.liveness();
  return liveness.alive ? { ready: true } : { ready: false, reason: liveness.reason };
}

/**
 * Ready to take traffic: the database answers, its migrations are exactly this Roster's, and the job worker
 * (scheduled syncs, license state refreshes, cleanup) is polling.
 */
export async function checkReadiness(roster: Roster, worker: WorkerProbe | undefined): Promise<Readiness> {
  const database = await checkDatabase(roster);
  const migrations = database.ready
    ? await checkMigrations(roster)
    : ({ ready: false, reason: 'unknown: the database cannot be read' } as const);
  const checks = { database, migrations, worker: checkWorker(worker) };
  return { ready: Object.values(checks).every((check) => check.ready), checks };
}
