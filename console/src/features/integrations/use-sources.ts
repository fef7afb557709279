import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

export function useSources() {
  return useQuery({
    queryKey: ['sources'],
    queryFn: () => unwrap(api.GET('/api/v1/sources', { params: { query: { includeDisconnected: 'true' } } })),
  });
}

export function useSourceKinds() {
  return useQuery({
    queryKey: ['source-kinds'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/source-kinds'))).items,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
