import {
  scheduleSignInCleanup,
  signInCleanupHandler,
  signInCleanupJobKind,
} from '../modules/auth/sign-in-cleanup.js';
import { ensureLicenseStates, licenseStatesMaxAgeMs } from '../modules/licenses/license-store.js';
import { enqueueDueSyncs, syncJobHandler, syncJobKind } from '../modules/sources/scheduled-syncs.js';
import type { Roster } from '../roster.js';
import { requeueAbandonedJobs } from './job-queue.js';
import { type JobHandler, JobWorker } from './job-worker.js';

/** What runs each kind of job. */
export const jobHandlers = (roster: Roster): Record<string, JobHandler> => ({
  [syncJobKind]: syncJobHandler(roster),
  [signInCleanupJobKind]: signInCleanupHandler(roster.database),
});

/** The jobs a serving Roster runs: scheduled syncs of pull sources, and the hourly sign-in cleanup. */
export function startJobWorker(roster: Roster, log: (message: string, error?: unknown) => void): JobWorker {
  const worker = new JobWorker({
    database: roster.database,
    handlers: jobHandlers(roster),
    beforePoll: async () => {
      await enqueueDueSyncs(roster);
      await scheduleSignInCleanup(roster.database);
      // Recompute license states a sync or a change made stale, so the next reader finds them ready.
      await ensureLicenseStates(roster.database, new Date(), licenseStatesMaxAgeMs);
    },
    log,
  });
  // On the embedded database this is the only process, so any running job was abandoned; on a server,
  // only jobs locked for longer than any sync takes.
  requeueAbandonedJobs(roster.database, roster.database.kind === 'pglite' ? 0 : 6 * 3_600_000)
    .then(() => worker.start())
    .catch((error) => log('could not start the job worker', error));
  return worker;
}
