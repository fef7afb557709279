import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { forgetName, idOf } from '../../api/id-of';
import type { WorkflowDraft } from './workflow-draft';
import type { JsonSchema } from './workflow-schema';

export type WorkflowSummary = Schemas['WorkflowSummary'];
export type WorkflowRun = Schemas['WorkflowRun'];

const keys = {
  all: ['workflows'] as const,
  one: (name: string) => ['workflows', 'one', name] as const,
  runs: (name: string) => ['workflows', 'runs', name] as const,
  test: (name: string) => ['workflows', 'test', name] as const,
};

export const workflowPath = (name: string) => `/workflows/${encodeURIComponent(name)}`;

export const useWorkflows = () =>
  useQuery({
    queryKey: keys.all,
    queryFn: async () => (await unwrap(api.GET('/api/v1/workflows'))).items,
  });

/** The published document schema and the condition fields: what the builder's pickers offer. */
export const useWorkflowSchema = () =>
  useQuery({
    queryKey: ['workflows', 'schema'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/workflows/schema'))) as JsonSchema,
    staleTime: 5 * 60_000,
  });

export const useConditionFields = () =>
  useQuery({
    queryKey: ['workflows', 'fields'],
    queryFn: () => unwrap(api.GET('/api/v1/workflows/fields')),
  });

export const useWorkflowDocument = (name: string | undefined) =>
  useQuery({
    queryKey: keys.one(name ?? ''),
    enabled: Boolean(name),
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/workflows/{id}', { params: { path: { id: await idOf('workflows', name ?? '') } } }),
      )) as unknown as WorkflowDraft,
  });

export const useWorkflowRuns = (name: string) =>
  useQuery({
    queryKey: keys.runs(name),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/workflows/{id}/runs', { params: { path: { id: await idOf('workflows', name) } } }),
        )
      ).items,
    // Runs go from queued to finished on the job worker; the log reads itself again while one is open.
    refetchInterval: (query) =>
      query.state.data?.some((r) => r.status === 'queued' || r.status === 'running') ? 3_000 : false,
  });

/** The test preview: who matches the saved version now and what each action would do. */
export const useWorkflowTest = (name: string, requested: boolean) =>
  useQuery({
    queryKey: keys.test(name),
    enabled: requested,
    queryFn: async () =>
      unwrap(
        api.GET('/api/v1/workflows/{id}/test', { params: { path: { id: await idOf('workflows', name) } } }),
      ),
  });

export function useSaveWorkflow(existing: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (draft: WorkflowDraft) =>
      existing
        ? unwrap(
            api.PUT('/api/v1/workflows/{id}', {
              params: { path: { id: await idOf('workflows', existing) } },
              body: draft as Record<string, unknown>,
            }),
          )
        : unwrap(api.POST('/api/v1/workflows', { body: draft as Record<string, unknown> })),
    onSuccess: () => {
      // A renamed workflow keeps its id; its old name may now be free for another.
      if (existing) forgetName('workflows', existing);
      return client.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useSetEnabled() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ name, enabled }: { name: string; enabled: boolean }) => {
      const path = { id: await idOf('workflows', name) };
      return unwrap(
        enabled
          ? api.POST('/api/v1/workflows/{id}/enable', { params: { path } })
          : api.POST('/api/v1/workflows/{id}/disable', { params: { path } }),
      );
    },
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useRetryRun(name: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(api.POST('/api/v1/workflow-runs/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.runs(name) }),
  });
}

/** Retrying a run needs the API's `write` level (editors and admins); saving and enabling need `admin`. */
export { useCanWrite } from '../../app/use-me';
