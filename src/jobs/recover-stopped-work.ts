import type { Database } from '../db/database.js';
import { failStoppedRuns } from '../sync/run-lease.js';
import { requeueStoppedJobs } from './job-queue.js';

/**
 * Fails the sync runs and requeues the jobs of processes that stopped without finishing them: those whose
 * lease ran out, or, at the start of an embedded installation (`atStart`), every one left running, since the
 * data directory's lock means no other process can be running them.
 */
export async function recoverStoppedWork(
  database: Database,
  options: { now?: Date; atStart?: boolean } = {},
): Promise<{ runs: number; jobs: number }> {
  const everyRunning = options.atStart === true && database.kind === 'pglite';
  const runs = await failStoppedRuns(database, { now: options.now, everyRunning });
  const jobs = await requeueStoppedJobs(database, { now: options.now, everyRunning });
  return { runs, jobs };
}
