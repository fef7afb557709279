import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

/** One app with one page of its accounts. */
export function useApp(ref: string, accounts: { cursor?: string; limit?: number } = {}) {
  return useQuery({
    queryKey: ['app', ref, accounts],
    queryFn: () =>
      unwrap(api.GET('/api/apps/{ref}', { params: { path: { ref }, query: { limit: 50, ...accounts } } })),
    placeholderData: keepPreviousData,
  });
}
