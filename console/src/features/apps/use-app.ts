import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { idOf } from '../../api/id-of';

/** One app with one page of its accounts. */
export function useApp(ref: string, accounts: { cursor?: string; limit?: number } = {}) {
  return useQuery({
    queryKey: ['app', ref, accounts],
    queryFn: async () => {
      const id = await idOf('apps', ref);
      return unwrap(
        api.GET('/api/v1/apps/{id}', { params: { path: { id }, query: { limit: 50, ...accounts } } }),
      );
    },
    placeholderData: keepPreviousData,
  });
}
