import {
  scheduleSignInCleanup,
  signInCleanupHandler,
  signInCleanupJobKind,
} from '../modules/auth/sign-in-cleanup.js';
import { ensureLicenseStates, licenseStatesMaxAgeMs } from '../modules/licenses/license-store.js';
import { enqueueDueSyncs, syncJobHandler, syncJobKind } from '../modules/sources/scheduled-syncs.js';
import type { Roster } from '../roster.js';
import { type JobHandler, JobWorker } from './job-worker.js';
import { recoverStoppedWork } from './recover-stopped-work.js';

/** What runs each kind of job. */
export const jobHandlers = (roster: Roster): Record<string, JobHandler> => ({
  [syncJobKind]: syncJobHandler(roster),
  [signInCleanupJobKind]: signInCleanupHandler(roster.database),
});

/**
 * The jobs a serving Roster runs: scheduled syncs of pull sources, and the hourly sign-in cleanup. Made
 * before the HTTP server (whose readiness reports it) and started once the server listens.
 */
export function createJobWorker(roster: Roster, log: (message: string, error?: unknown) => void): JobWorker {
  return new JobWorker({
    database: roster.database,
    handlers: jobHandlers(roster),
    lease: roster.config.lease,
    beforePoll: async () => {
      // Runs and jobs of processes that stopped (their lease ran out) are failed or requeued by whoever looks.
      await recoverStoppedWork(roster.database);
      await enqueueDueSyncs(roster);
      await scheduleSignInCleanup(roster.database);
      // Recompute license states a sync or a change made stale, so the next reader finds them ready.
      await ensureLicenseStates(roster.database, new Date(), licenseStatesMaxAgeMs);
    },
    log,
  });
}
