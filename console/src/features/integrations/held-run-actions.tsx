import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { formatNumber } from '../../api/format';
import { ErrorAlert } from '../../components/query-state';

/**
 * A source whose last complete sync would have removed more than its threshold allows: nothing of that run
 * was applied. An editor applies it as it was fetched (removals included) or discards it.
 */
export function HeldRunActions({ source }: { source: Schemas['Source'] }) {
  const queryClient = useQueryClient();
  const ref = { params: { path: { id: source.id } } };
  const refresh = () => {
    void queryClient.invalidateQueries();
  };
  const confirm = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/sources/{id}/held-run/confirm', ref)),
    onSettled: refresh,
  });
  const discard = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/sources/{id}/held-run/discard', ref)),
    onSettled: refresh,
  });
  const busy = confirm.isPending || discard.isPending;
  return (
    <Stack gap={6} data-testid="held-run-actions">
      <Group gap="xs">
        <Button
          size="xs"
          color="red"
          onClick={() => confirm.mutate()}
          loading={confirm.isPending}
          disabled={busy}
        >
          Confirm {formatNumber(source.heldRemovals ?? 0)} removals
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => discard.mutate()}
          loading={discard.isPending}
          disabled={busy}
        >
          Discard the held sync
        </Button>
      </Group>
      {confirm.data && (
        <Alert color="green" p="xs" role="status">
          <Text size="xs">Applied: {formatNumber(confirm.data.counters.removed)} removed.</Text>
        </Alert>
      )}
      {discard.data && (
        <Alert color="green" p="xs" role="status">
          <Text size="xs">Discarded; nothing of it was applied.</Text>
        </Alert>
      )}
      {confirm.error && <ErrorAlert error={confirm.error} title="The held sync could not be applied" />}
      {discard.error && <ErrorAlert error={discard.error} title="The held sync could not be discarded" />}
    </Stack>
  );
}
