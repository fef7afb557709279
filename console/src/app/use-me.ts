import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { ApiError, unwrap } from '../api/errors';

/** Who is signed in; `null` when nobody is (the API answered 401). */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async () => {
    try {
      return await unwrap(api.GET('/api/v1/me'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

export function useMe() {
  return useQuery(meQuery);
}

/**
 * Whether the signed-in member may change data (add sources, run syncs): the API's `write` level, admins
 * and editors. Actions they may not take are not offered; the API refuses them anyway.
 */
export function useCanWrite(): boolean {
  const role = useMe().data?.role;
  return role === 'admin' || role === 'editor';
}
