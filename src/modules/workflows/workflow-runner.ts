import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { ActionDefinition, ActionOutcome, ActionScope } from '../../actions/action.js';
import type { ProviderCall } from '../../connectors/kit/provider-http.js';
import { enqueueJob } from '../../jobs/job-queue.js';
import { conflict, notFound } from '../../lib/errors.js';
import { sendMail } from '../../lib/mailer.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';
import { openActionCredentials, setCredentialsCommand } from './action-credentials.js';
import {
  actionIdOf,
  settingsInput,
  type WorkflowAction,
  type WorkflowDocument,
} from './workflow-document.js';
import { openWorkflowSecrets } from './workflows.service.js';

export const workflowRunsJobKind = 'workflows.runs';

/** One action of a run, as the run log keeps it. */
export interface RunStep {
  id: string;
  type: string;
  status: 'succeeded' | 'failed';
  requests: ProviderCall[];
  output?: Record<string, unknown>;
  error?: string;
  retryable?: boolean;
  startedAt: string;
  durationMs: number;
}

export interface RunnerOptions {
  /** The actions runs may use, made for the workflow whose run it is (the actor names the workflow). */
  actionsFor: (actor: string) => readonly ActionDefinition[];
  now?: () => Date;
  leaseMs?: number;
  signal?: AbortSignal;
}

/** Wakes the job worker for queued runs; one job at a time drains them (dedupe key). */
export async function queueWorkflowRuns(roster: Roster): Promise<void> {
  await enqueueJob(roster.database, { kind: workflowRunsJobKind, dedupeKey: workflowRunsJobKind });
}

interface ClaimedRun {
  id: number;
  workflow_id: number;
  workflow_version: number;
  entity: Record<string, unknown>;
  steps: RunStep[];
}

/**
 * Claims one runnable run (queued, or running with its holder's lease run out) with `for update skip
 * locked`, so two processes never execute one run, and a run whose process stopped is taken up again.
 */
async function claimRun(roster: Roster, now: Date, leaseMs: number): Promise<ClaimedRun | null> {
  const { rows } = await sql<ClaimedRun>`
    update workflow_runs set status = 'running', attempts = attempts + 1,
           started_at = coalesce(started_at, ${now}::timestamptz),
           lease_expires_at = ${new Date(now.getTime() + leaseMs)}::timestamptz
    where id = (select id from workflow_runs
                where status = 'queued' or (status = 'running' and lease_expires_at < ${now}::timestamptz)
                order by id for update skip locked limit 1)
    returning id, workflow_id, workflow_version, entity, steps`.execute(roster.database.db);
  return rows[0] ?? null;
}

/** Executes queued runs until none is left; answers how many it executed. */
export async function runQueuedWorkflowRuns(roster: Roster, options: RunnerOptions): Promise<number> {
  const now = options.now ?? (() => new Date());
  let done = 0;
  for (;;) {
    const run = await claimRun(roster, now(), options.leaseMs ?? roster.config.lease.durationMs);
    if (!run) return done;
    await executeRun(roster, run, options, now);
    done += 1;
  }
}

async function executeRun(roster: Roster, run: ClaimedRun, options: RunnerOptions, now: () => Date) {
  const { db } = roster.database;
  const workflow = await db
    .selectFrom('workflows as w')
    .innerJoin('workflow_versions as v', (join) =>
      join.onRef('v.workflow_id', '=', 'w.id').on('v.version', '=', run.workflow_version),
    )
    .select(['w.id', 'w.name', 'w.credentials_encrypted', 'v.document'])
    .where('w.id', '=', run.workflow_id)
    .executeTakeFirstOrThrow();
  const document = workflow.document as WorkflowDocument;
  const actions = options.actionsFor(`workflow:${workflow.name}`);
  const secrets = openWorkflowSecrets(roster, workflow.id, workflow.credentials_encrypted);
  const credentials = await openActionCredentials(roster);
  // A retried run keeps the steps that succeeded and starts from the one that failed.
  const steps = run.steps.filter((s) => s.status === 'succeeded');
  const outputs: Record<string, Record<string, unknown>> = Object.fromEntries(
    steps.map((s) => [s.id, s.output ?? {}]),
  );
  for (const [index, action] of document.actions.entries()) {
    const id = actionIdOf(action, index);
    if (steps.some((s) => s.id === id)) continue;
    const step = await runAction(
      roster,
      action,
      id,
      actions,
      { secrets, credentials },
      { ...run.entity, actions: outputs },
      options,
      now,
    );
    steps.push(step);
    if (step.status === 'succeeded') outputs[id] = step.output ?? {};
    await db
      .updateTable('workflow_runs')
      .set({ steps: JSON.stringify(steps) })
      .where('id', '=', run.id)
      .where('status', '=', 'running')
      .execute();
    if (step.status === 'failed') break;
  }
  const failed = steps.find((s) => s.status === 'failed');
  await db
    .updateTable('workflow_runs')
    .set({
      status: failed ? 'failed' : 'succeeded',
      error: failed ? `${failed.id} (${failed.type}): ${failed.error}` : null,
      finished_at: now(),
      lease_expires_at: null,
      steps: JSON.stringify(steps),
    })
    .where('id', '=', run.id)
    .where('status', '=', 'running')
    .execute();
}

async function runAction(
  roster: Roster,
  action: WorkflowAction,
  id: string,
  actions: readonly ActionDefinition[],
  sealed: { secrets: Record<string, string>; credentials: ReadonlyMap<string, unknown> },
  scope: ActionScope,
  options: RunnerOptions,
  now: () => Date,
): Promise<RunStep> {
  const startedAt = now().toISOString();
  const started = performance.now();
  const requests: ProviderCall[] = [];
  const finish = (outcome: ActionOutcome): RunStep => ({
    id,
    type: action.type,
    status: outcome.status,
    requests: outcome.requests.length ? outcome.requests : requests,
    ...(outcome.status === 'succeeded'
      ? { output: outcome.output }
      : { error: outcome.error, retryable: outcome.retryable }),
    startedAt,
    durationMs: Math.round(performance.now() - started),
  });
  const definition = actions.find((a) => a.type === action.type);
  if (!definition)
    return finish({
      status: 'failed',
      error: `Roster has no action ${action.type}`,
      retryable: false,
      requests,
    });
  const settings = definition.settings.safeParse(settingsInput(definition, action, sealed.secrets[id]));
  if (!settings.success)
    return finish({
      status: 'failed',
      error: `The settings no longer fit ${action.type}`,
      retryable: false,
      requests,
    });
  if (definition.credentials && !sealed.credentials.has(action.type))
    return finish({
      status: 'failed',
      error: `Roster has no credentials for ${action.type}: set them with ${setCredentialsCommand(action.type)}`,
      retryable: false,
      requests,
    });
  const smtp = roster.config.smtp ? roster.config : null;
  try {
    return finish(
      await definition.run(settings.data, scope, {
        signal: options.signal ?? new AbortController().signal,
        outbound: roster.outbound,
        onCall: (call) => requests.push(call),
        ...(smtp ? { sendMail: (mail) => sendMail(smtp, mail) } : {}),
        ...(definition.credentials ? { credentials: sealed.credentials.get(action.type) } : {}),
      }),
    );
  } catch (error) {
    return finish({ status: 'failed', error: (error as Error).message, retryable: true, requests });
  }
}

/** Runs a failed run again from its failed action; the actions that succeeded are not done twice. */
export async function retryRun(roster: Roster, actor: string, runId: number): Promise<void> {
  const updated = await roster.database.db.transaction().execute(async (trx) => {
    const run = await trx
      .selectFrom('workflow_runs')
      .select(['id', 'status'])
      .where('id', '=', runId)
      .forUpdate()
      .executeTakeFirst();
    if (!run) throw notFound(`No workflow run ${runId}`);
    if (run.status !== 'failed')
      throw conflict(`Run ${runId} is ${run.status}: only a failed run can be retried`);
    await trx
      .updateTable('workflow_runs')
      .set({ status: 'queued', error: null, finished_at: null })
      .where('id', '=', runId)
      .execute();
    await writeAudit(trx, { actor, action: 'workflow.retry', targetType: 'workflow_run', targetId: runId });
    return true;
  });
  if (updated) await queueWorkflowRuns(roster);
}
