import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { formatNumber } from '../../api/format';
import { ErrorAlert } from '../../components/query-state';

const counters = (c: {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  rejected: number;
}) =>
  `${formatNumber(c.added)} added, ${formatNumber(c.updated)} updated, ${formatNumber(c.removed)} removed, ${formatNumber(c.unchanged)} unchanged, ${formatNumber(c.rejected)} rejected`;

const statusColor: Record<Schemas['RunStatus'], string> = {
  running: 'blue',
  succeeded: 'green',
  held: 'yellow',
  failed: 'red',
  cancelled: 'red',
  discarded: 'gray',
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads a run every half second until it ends: the server syncs in the background. */
async function followRun(id: number): Promise<Schemas['SyncRun']> {
  for (;;) {
    const run = await unwrap(api.GET('/api/v1/sync-runs/{id}', { params: { path: { id } } }));
    if (run.status !== 'running') return run;
    await pause(500);
  }
}

/**
 * Runs a sync now. The server answers at once with the running run (202) and syncs in the background; the
 * run's own record is read until it ends, so the admin sees it progress (pages and records fetched so far).
 */
export function SyncButton({ source }: { source: Schemas['Source'] }) {
  const queryClient = useQueryClient();
  const sync = useMutation({
    mutationFn: async () => {
      const started = await unwrap(
        api.POST('/api/v1/sources/{id}/sync', { params: { path: { id: source.id } } }),
      );
      return followRun(started.id);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['sources'] });
      void queryClient.invalidateQueries({ queryKey: ['sync-runs'] });
    },
  });
  const progress = useQuery({
    queryKey: ['sync-runs', 'live', source.id],
    queryFn: () =>
      unwrap(api.GET('/api/v1/sync-runs', { params: { query: { source: String(source.id), limit: 1 } } })),
    enabled: sync.isPending,
    refetchInterval: 500,
  });
  const live = progress.data?.items[0];
  return (
    <Stack gap={4}>
      <Button size="xs" variant="default" onClick={() => sync.mutate()} loading={sync.isPending}>
        Sync now
      </Button>
      {sync.isPending && (
        <Group gap={6} aria-live="polite">
          <Loader size="xs" />
          <Text size="xs">
            {live?.status === 'running'
              ? `Running: ${formatNumber(live.pages)} pages, ${formatNumber(live.records)} records`
              : 'Starting…'}
          </Text>
        </Group>
      )}
      {sync.data && (
        <Alert color={statusColor[sync.data.status]} p="xs" aria-live="polite">
          <Text size="xs">
            {sync.data.held && sync.data.status === 'held'
              ? `Sync held for confirmation: ${sync.data.held.message}`
              : `Sync ${sync.data.status}: ${counters(sync.data)}`}
            {sync.data.status !== 'held' && sync.data.errorMessage ? ` — ${sync.data.errorMessage}` : ''}
          </Text>
        </Alert>
      )}
      {sync.error && <ErrorAlert error={sync.error} title="The sync could not run" />}
    </Stack>
  );
}
