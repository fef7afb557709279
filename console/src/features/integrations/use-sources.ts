import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

export function useSources() {
  return useQuery({
    queryKey: ['sources'],
    queryFn: () => unwrap(api.GET('/api/sources', { params: { query: { includeDisconnected: 'true' } } })),
  });
}

export function useSourceKinds() {
  return useQuery({
    queryKey: ['source-kinds'],
    queryFn: () => unwrap(api.GET('/api/source-kinds')),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
