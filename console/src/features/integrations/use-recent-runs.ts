import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';

const anyRunning = (runs: Schemas['SyncRun'][] | undefined) =>
  runs?.some((r) => r.status === 'running') ?? false;

/**
 * The latest sync runs, read every second while one is running (started here, by the schedule, the CLI or
 * another server): the page follows its progress, and the sources' health is read again once it ends.
 */
export function useRecentRuns() {
  const queryClient = useQueryClient();
  const runs = useQuery({
    queryKey: ['sync-runs', 'recent'],
    queryFn: () => unwrap(api.GET('/api/v1/sync-runs', { params: { query: { limit: 200 } } })),
    refetchInterval: (query) => (anyRunning(query.state.data?.items) ? 1000 : false),
  });
  const running = anyRunning(runs.data?.items);
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) void queryClient.invalidateQueries({ queryKey: ['sources'] });
    wasRunning.current = running;
  }, [running, queryClient]);
  return runs;
}
