import { ensureLicenseStates, licenseStatesMaxAgeMs } from '../modules/licenses/license-store.js';
import { enqueueDueSyncs, syncJobHandler, syncJobKind } from '../modules/sources/scheduled-syncs.js';
import type { Roster } from '../roster.js';
import { JobWorker } from './job-worker.js';
import { recoverStoppedWork } from './recover-stopped-work.js';

/** The jobs a serving Roster runs: scheduled syncs of pull sources. */
export function startJobWorker(roster: Roster, log: (message: string, error?: unknown) => void): JobWorker {
  const worker = new JobWorker({
    database: roster.database,
    handlers: { [syncJobKind]: syncJobHandler(roster) },
    lease: roster.config.lease,
    beforePoll: async () => {
      // Runs and jobs of processes that stopped (their lease ran out) are failed or requeued by whoever looks.
      await recoverStoppedWork(roster.database);
      await enqueueDueSyncs(roster);
      // Recompute license states a sync or a change made stale, so the next reader finds them ready.
      await ensureLicenseStates(roster.database, new Date(), licenseStatesMaxAgeMs);
    },
    log,
  });
  worker.start();
  return worker;
}
