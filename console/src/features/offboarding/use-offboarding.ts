import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import { needsRefresh, refreshInterval } from './offboarding-rules';

export const offboardingKeys = {
  all: ['offboarding'] as const,
  one: (id: number) => ['offboarding', 'one', id] as const,
  ofPerson: (email: string) => ['offboarding', 'person', email] as const,
  list: (status: 'in_progress' | 'completed') => ['offboarding', 'list', status] as const,
  candidates: ['offboarding', 'candidates'] as const,
  drift: ['offboarding', 'drift'] as const,
};

/** One offboarding with its tasks, read again every few seconds while Roster still has tasks to act on. */
export function useOffboarding(id: number) {
  return useQuery({
    queryKey: offboardingKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/v1/offboardings/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (needsRefresh(query.state.data) ? refreshInterval : false),
  });
}

/** The person's offboarding, or `null` when they have none yet (the API answers 404). */
export function usePersonOffboarding(email: string) {
  return useQuery({
    queryKey: offboardingKeys.ofPerson(email),
    queryFn: async () => {
      try {
        const { items } = await unwrap(api.GET('/api/v1/offboardings', { params: { query: { email } } }));
        return items[0] ?? null;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useOffboardingList(status: 'in_progress' | 'completed') {
  return useQuery({
    queryKey: offboardingKeys.list(status),
    queryFn: () => unwrap(api.GET('/api/v1/offboardings', { params: { query: { status } } })),
  });
}

export function useCandidates() {
  return useQuery({
    queryKey: offboardingKeys.candidates,
    queryFn: () => unwrap(api.GET('/api/v1/offboarding/candidates')),
  });
}

export function useDrift() {
  return useQuery({
    queryKey: offboardingKeys.drift,
    queryFn: () => unwrap(api.GET('/api/v1/offboarding/drift')),
  });
}

/**
 * A change to one offboarding (a task marked done or retried, the whole marked completed or re-opened): the
 * answer is the offboarding as it now is, which the view shows at once; the lists are read again.
 */
export function useOffboardingChange<V>(
  id: number,
  change: (variables: V) => Promise<Schemas['Offboarding']>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (offboarding) => {
      queryClient.setQueryData(offboardingKeys.one(id), offboarding);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: offboardingKeys.all }),
  });
}

export const markTaskDone = (id: number, taskId: number) =>
  unwrap(api.POST('/api/v1/offboardings/{id}/tasks/{taskId}/done', { params: { path: { id, taskId } } }));
export const retryTask = (id: number, taskId: number) =>
  unwrap(api.POST('/api/v1/offboardings/{id}/tasks/{taskId}/retry', { params: { path: { id, taskId } } }));
export const completeOffboarding = (id: number) =>
  unwrap(api.POST('/api/v1/offboardings/{id}/complete', { params: { path: { id } } }));
export const reopenOffboarding = (id: number) =>
  unwrap(api.POST('/api/v1/offboardings/{id}/reopen', { params: { path: { id } } }));

/** The dry run: every task starting would create, and whether the person is still current. Changes nothing. */
export async function previewOffboarding(email: string): Promise<Schemas['OffboardingPreview']> {
  const answer = await unwrap(api.POST('/api/v1/offboardings', { body: { email, dryRun: true } }));
  if (!('dryRun' in answer)) throw new Error('Roster started an offboarding instead of previewing it');
  return answer;
}

/** Starts the offboarding (202): the answer is the offboarding as it starts, its tasks still to run. */
export async function startOffboarding(
  email: string,
  force: { reason: string } | undefined,
): Promise<Schemas['Offboarding']> {
  const answer = await unwrap(
    api.POST('/api/v1/offboardings', { body: { email, ...(force ? { force } : {}) } }),
  );
  if ('dryRun' in answer) throw new Error('Roster previewed the offboarding instead of starting it');
  return answer;
}
