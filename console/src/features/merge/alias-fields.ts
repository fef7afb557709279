import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

/** The alias fields Merge Users can read, per source kind: the server's own list (its PUT refuses others). */
export function useAliasFields() {
  return useQuery({
    queryKey: ['merge', 'alias-fields'],
    queryFn: () => unwrap(api.GET('/api/v1/merge/alias-fields')),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
