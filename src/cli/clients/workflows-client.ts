import type { ActionCredentialsState } from '../../modules/workflows/action-credentials.js';
import type { WorkflowDocument } from '../../modules/workflows/workflow-document.js';
import type { WorkflowPreview } from '../../modules/workflows/workflow-preview.js';
import type { WorkflowRunView } from '../../modules/workflows/workflow-runs-read.js';
import type { WorkflowSummary } from '../../modules/workflows/workflows.service.js';
import type { Roster } from '../../roster.js';
import { type ClientFactory, cliActor } from '../context.js';
import type { ApiClient } from '../remote/api-client.js';

export interface SavedWorkflow {
  id: number;
  version: number;
  document: WorkflowDocument;
}

/** Workflows: the same values from the data opened here or from a server's API. */
export interface WorkflowsClient {
  save(document: Record<string, unknown>, mode: 'create' | 'update'): Promise<SavedWorkflow>;
  list(): Promise<WorkflowSummary[]>;
  show(ref: string): Promise<WorkflowDocument>;
  setEnabled(ref: string, enabled: boolean): Promise<{ name: string; enabled: boolean }>;
  runs(ref: string, limit?: number): Promise<WorkflowRunView[]>;
  test(ref: string, limit?: number): Promise<WorkflowPreview>;
  retry(runId: number): Promise<void>;
  /** Sets an action type's provider credentials (kept sealed); the answer never holds them. */
  setCredentials(type: string, credentials: Record<string, unknown>): Promise<ActionCredentialsState>;
  listCredentials(): Promise<ActionCredentialsState[]>;
}

const services = async () => ({
  ...(await import('../../modules/workflows/workflows.service.js')),
  ...(await import('../../modules/workflows/workflow-actions.js')),
  ...(await import('../../modules/workflows/workflow-preview.js')),
  ...(await import('../../modules/workflows/workflow-runner.js')),
  ...(await import('../../modules/workflows/workflow-runs-read.js')),
  ...(await import('../../modules/workflows/action-credentials.js')),
});

const local = (roster: Roster): WorkflowsClient => ({
  save: async (document, mode) => {
    const s = await services();
    return s.saveWorkflow(roster, cliActor(), document, mode, { actions: s.workflowActions(roster) });
  },
  list: async () => (await services()).listWorkflows(roster),
  show: async (ref) => (await services()).exportWorkflow(roster, ref),
  setEnabled: async (ref, enabled) => (await services()).setWorkflowEnabled(roster, cliActor(), ref, enabled),
  runs: async (ref, limit) => (await services()).listWorkflowRuns(roster, ref, limit),
  test: async (ref, limit) => {
    const s = await services();
    return s.previewWorkflow(roster, ref, s.workflowActions(roster), { limit });
  },
  retry: async (runId) => (await services()).retryRun(roster, cliActor(), runId),
  setCredentials: async (type, credentials) => {
    const s = await services();
    return s.setActionCredentials(roster, cliActor(), type, credentials, s.workflowActions(roster));
  },
  listCredentials: async () => {
    const s = await services();
    return s.listActionCredentials(roster, s.workflowActions(roster));
  },
});

const api = (client: ApiClient): WorkflowsClient => {
  const path = async (ref: string) => `/api/workflows/${await client.idOf('workflows', ref)}`;
  return {
    save: async (document, mode) =>
      mode === 'create'
        ? client.call('POST', '/api/workflows', { body: document })
        : client.call('PUT', await path(String(document.name ?? '')), { body: document }),
    list: async () => (await client.call<{ items: WorkflowSummary[] }>('GET', '/api/workflows')).items,
    show: async (ref) => client.call('GET', await path(ref)),
    setEnabled: async (ref, enabled) =>
      client.call('POST', `${await path(ref)}/${enabled ? 'enable' : 'disable'}`),
    runs: async (ref, limit) =>
      (
        await client.call<{ items: WorkflowRunView[] }>('GET', `${await path(ref)}/runs`, {
          query: { limit },
        })
      ).items,
    test: async (ref, limit) => client.call('GET', `${await path(ref)}/test`, { query: { limit } }),
    retry: async (runId) => {
      await client.call('POST', `/api/workflow-runs/${runId}/retry`);
    },
    setCredentials: (type, credentials) =>
      client.call('PUT', `/api/workflow-credentials/${encodeURIComponent(type)}`, { body: credentials }),
    listCredentials: async () =>
      (await client.call<{ items: ActionCredentialsState[] }>('GET', '/api/workflow-credentials')).items,
  };
};

export const workflowsClient: ClientFactory<WorkflowsClient> = { local, api };
