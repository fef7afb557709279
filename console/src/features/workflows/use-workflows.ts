import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
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
    queryFn: async () => (await unwrap(api.GET('/api/workflows'))).items,
  });

/** The published document schema and the condition fields: what the builder's pickers offer. */
export const useWorkflowSchema = () =>
  useQuery({
    queryKey: ['workflows', 'schema'],
    queryFn: async () => (await unwrap(api.GET('/api/workflows/schema'))) as JsonSchema,
    staleTime: 5 * 60_000,
  });

export const useConditionFields = () =>
  useQuery({
    queryKey: ['workflows', 'fields'],
    queryFn: () => unwrap(api.GET('/api/workflows/fields')),
  });

export const useWorkflowDocument = (name: string | undefined) =>
  useQuery({
    queryKey: keys.one(name ?? ''),
    enabled: Boolean(name),
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/workflows/{ref}', { params: { path: { ref: name ?? '' } } }),
      )) as unknown as WorkflowDraft,
  });

export const useWorkflowRuns = (name: string) =>
  useQuery({
    queryKey: keys.runs(name),
    queryFn: async () =>
      (await unwrap(api.GET('/api/workflows/{ref}/runs', { params: { path: { ref: name } } }))).items,
    // Runs go from queued to finished on the job worker; the log reads itself again while one is open.
    refetchInterval: (query) =>
      query.state.data?.some((r) => r.status === 'queued' || r.status === 'running') ? 3_000 : false,
  });

/** The test preview: who matches the saved version now and what each action would do. */
export const useWorkflowTest = (name: string, requested: boolean) =>
  useQuery({
    queryKey: keys.test(name),
    enabled: requested,
    queryFn: () => unwrap(api.GET('/api/workflows/{ref}/test', { params: { path: { ref: name } } })),
  });

export function useSaveWorkflow(existing: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (draft: WorkflowDraft) =>
      existing
        ? unwrap(
            api.PUT('/api/workflows/{ref}', {
              params: { path: { ref: existing } },
              body: draft as Record<string, unknown>,
            }),
          )
        : unwrap(api.POST('/api/workflows', { body: draft as Record<string, unknown> })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useSetEnabled() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ name, enabled }: { name: string; enabled: boolean }) =>
      unwrap(
        enabled
          ? api.POST('/api/workflows/{ref}/enable', { params: { path: { ref: name } } })
          : api.POST('/api/workflows/{ref}/disable', { params: { path: { ref: name } } }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useRetryRun(name: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(api.POST('/api/workflow-runs/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.runs(name) }),
  });
}

/** Retrying a run needs the API's `write` level (editors and admins); saving and enabling need `admin`. */
export { useCanWrite } from '../../app/use-me';
