import {
  scheduleSignInCleanup,
  signInCleanupHandler,
  signInCleanupJobKind,
} from '../modules/auth/sign-in-cleanup.js';
import { foldExtensionActivityWhenDue } from '../modules/extension/fold-activity.js';
import { ensureLicenseStates, licenseStatesMaxAgeMs } from '../modules/licenses/license-store.js';
import {
  offboardingTasksHandler,
  offboardingTasksJobKind,
  queueRunnableOffboardings,
  startCandidateOffboardings,
} from '../modules/offboarding/offboarding-jobs.js';
import { followTickets } from '../modules/offboarding/ticket-method.js';
import { overviewFigures } from '../modules/overview/overview-figures.js';
import { enqueueDueSyncs, syncJobHandler, syncJobKind } from '../modules/sources/scheduled-syncs.js';
import {
  workflowRunsHandler,
  workflowsAfterSyncHandler,
  workflowsAfterSyncJobKind,
  workflowsBeforePoll,
} from '../modules/workflows/workflow-jobs.js';
import { workflowRunsJobKind } from '../modules/workflows/workflow-runner.js';
import type { Roster } from '../roster.js';
import { type JobHandler, JobWorker, type JobWorkerOptions } from './job-worker.js';
import { recoverStoppedWork } from './recover-stopped-work.js';

/** What runs each kind of job. */
export const jobHandlers = (roster: Roster): Record<string, JobHandler> => ({
  [syncJobKind]: syncJobHandler(roster),
  [signInCleanupJobKind]: signInCleanupHandler(roster.database),
  [offboardingTasksJobKind]: offboardingTasksHandler(roster),
  [workflowsAfterSyncJobKind]: workflowsAfterSyncHandler(roster),
  [workflowRunsJobKind]: workflowRunsHandler(roster),
});

/**
 * The jobs a serving Roster runs: scheduled syncs of pull sources, the hourly sign-in cleanup, and
 * offboarding tasks. Made before the HTTP server (whose readiness reports it) and started once the server
 * listens.
 */
export function createJobWorker(roster: Roster, log: (message: string, error?: unknown) => void): JobWorker {
  return new JobWorker(jobWorkerOptions(roster, log));
}

/** The serving worker's settings: its handlers and the periodic work it does before each poll. */
export function jobWorkerOptions(
  roster: Roster,
  log: (message: string, error?: unknown) => void = () => {},
): JobWorkerOptions {
  return {
    database: roster.database,
    handlers: jobHandlers(roster),
    lease: roster.config.lease,
    beforePoll: async () => {
      // Runs and jobs of processes that stopped (their lease ran out) are failed or requeued by whoever looks.
      await recoverStoppedWork(roster.database);
      await enqueueDueSyncs(roster);
      await scheduleSignInCleanup(roster.database);
      // New leavers' offboardings when the organisation starts them automatically; then tasks whose
      // process stopped, or that waited for their person to leave.
      await startCandidateOffboardings(roster);
      await queueRunnableOffboardings(roster);
      // Jira tickets of offboarding tasks: read each open one every few minutes.
      await followTickets(roster);
      // What the browser extension reported since the last fold becomes its observations of accounts.
      await foldExtensionActivityWhenDue(roster);
      // Recompute license states a sync or a change made stale, so the next reader finds them ready.
      await ensureLicenseStates(roster.database, new Date(), licenseStatesMaxAgeMs);
      // Workflow schedules that came due, and workflow runs waiting for a job.
      await workflowsBeforePoll(roster);
      // Last, so nothing above waits on it: the Overview's figures for the data as it now is, ready before
      // the console's first visit asks.
      await overviewFigures(roster);
    },
    log,
  };
}
