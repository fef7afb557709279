import { sql } from 'kysely';
import { enqueueJob, type Job } from '../../jobs/job-queue.js';
import type { Roster } from '../../roster.js';
import { ensureLicenseStates } from '../licenses/license-store.js';
import { evaluateMatchesWorkflows, evaluateWorkflow } from './evaluate-workflows.js';
import { watchTransitions } from './watch-transitions.js';
import { workflowActions } from './workflow-actions.js';
import { entityOfTrigger, type WorkflowDocument } from './workflow-document.js';
import { queueWorkflowRuns, runQueuedWorkflowRuns } from './workflow-runner.js';
import { dueFiring } from './workflow-schedule.js';

export const workflowsAfterSyncJobKind = 'workflows.after-sync';

/**
 * After a successful sync: the job worker looks for transitions and evaluates the matches workflows, keyed
 * by the sync run so a retried job fires nothing twice. Queued only while some workflow is enabled.
 */
export async function queueWorkflowsAfterSync(roster: Roster, runId: number): Promise<void> {
  const enabled = await roster.database.db
    .selectFrom('workflows')
    .select('id')
    .where('enabled', '=', true)
    .limit(1)
    .executeTakeFirst();
  if (!enabled) return;
  await enqueueJob(roster.database, {
    kind: workflowsAfterSyncJobKind,
    payload: { runId },
    dedupeKey: `${workflowsAfterSyncJobKind}:${runId}`,
  });
}

export function workflowsAfterSyncHandler(roster: Roster) {
  return async (job: Job) => {
    const { runId } = job.payload as { runId: number | null };
    const now = new Date();
    let runs = await watchTransitions(roster, now);
    if (runId !== null) runs += await evaluateMatchesWorkflows(roster, `sync:${runId}`, now);
    if (runs > 0) await queueWorkflowRuns(roster);
  };
}

export function workflowRunsHandler(roster: Roster) {
  return async () => {
    await runQueuedWorkflowRuns(roster, { actionsFor: (actor) => workflowActions(roster, actor) });
  };
}

/**
 * Before each poll of the job worker: schedules that came due fire (a schedule trigger, or a matches
 * trigger's own schedule), keyed by the firing's time; and queued runs (from events in other code paths,
 * or of a process that stopped) get a job.
 */
export async function workflowsBeforePoll(roster: Roster, now = new Date()): Promise<void> {
  const { db } = roster.database;
  const scheduled = await db
    .selectFrom('workflows')
    .select(['id', 'version', 'document', 'evaluated_at', 'updated_at'])
    .where('enabled', '=', true)
    .where(sql<boolean>`document -> 'trigger' ? 'schedule'`)
    .execute();
  for (const workflow of scheduled) {
    const document = workflow.document as WorkflowDocument;
    if (!('schedule' in document.trigger) || !document.trigger.schedule) continue;
    const due = dueFiring(document.trigger.schedule, workflow.evaluated_at ?? workflow.updated_at, now);
    if (!due) continue;
    if (entityOfTrigger(document.trigger) === 'license') await ensureLicenseStates(roster.database, now);
    await db.transaction().execute(async (trx) => {
      // Whoever takes the row evaluates; another process skips it, and the firing's key guards the runs.
      const held = await trx
        .selectFrom('workflows')
        .select('id')
        .where('id', '=', workflow.id)
        .where((eb) => eb.or([eb('evaluated_at', 'is', null), eb('evaluated_at', '<', due)]))
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!held) return;
      await evaluateWorkflow(
        trx,
        { ...workflow, document },
        {
          occasion: `schedule:${due.toISOString()}`,
          now,
          trigger: { type: document.trigger.type, firing: due.toISOString() },
        },
      );
      await trx.updateTable('workflows').set({ evaluated_at: now }).where('id', '=', workflow.id).execute();
    });
  }
  // Time alone moves some watched states (a license passing its threshold, a source going stale): look hourly.
  await enqueueJob(roster.database, {
    kind: workflowsAfterSyncJobKind,
    payload: { runId: null },
    runAt: new Date(now.getTime() + 3_600_000),
    dedupeKey: 'workflows.watch',
  });
  const runnable = await db
    .selectFrom('workflow_runs')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('status', '=', 'queued'),
        eb.and([eb('status', '=', 'running'), eb('lease_expires_at', '<', now)]),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  if (runnable) await queueWorkflowRuns(roster);
}
