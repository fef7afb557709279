import type { Roster } from '../../roster.js';
import type { RunStep } from './workflow-runner.js';
import { findWorkflow } from './workflows.service.js';

export interface WorkflowRunView {
  id: number;
  workflow: string;
  version: number;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  trigger: Record<string, unknown>;
  /** The entity as it was when the event happened. */
  entity: Record<string, unknown>;
  steps: RunStep[];
  error: string | null;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** A workflow's run log, newest first. */
export async function listWorkflowRuns(roster: Roster, ref: string, limit = 50): Promise<WorkflowRunView[]> {
  const workflow = await findWorkflow(roster, ref);
  const rows = await roster.database.db
    .selectFrom('workflow_runs')
    .selectAll()
    .where('workflow_id', '=', workflow.id)
    .orderBy('id', 'desc')
    .limit(Math.min(Math.max(limit, 1), 500))
    .execute();
  return rows.map((row) => ({
    id: row.id,
    workflow: workflow.name,
    version: row.workflow_version,
    status: row.status,
    trigger: row.trigger as Record<string, unknown>,
    entity: row.entity as Record<string, unknown>,
    steps: row.steps as RunStep[],
    error: row.error,
    attempts: row.attempts,
    createdAt: new Date(row.created_at).toISOString(),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  }));
}
