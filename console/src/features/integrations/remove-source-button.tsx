import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { ErrorAlert } from '../../components/query-state';

/**
 * Removes a source after saying what that means: Roster disconnects it (erases its credentials, stops its
 * syncs) and keeps what it reported, so its accounts and usage stay, shown as from a disconnected source.
 */
export function RemoveSourceButton({ source }: { source: Schemas['Source'] }) {
  const [opened, setOpened] = useState(false);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/sources/{id}', { params: { path: { id: source.id } } })),
    onSuccess: async () => {
      setOpened(false);
      await queryClient.invalidateQueries();
    },
  });
  return (
    <>
      <Button
        size="xs"
        variant="light"
        color="red"
        onClick={() => setOpened(true)}
        aria-label={`Remove ${source.name}`}
      >
        Remove
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={`Remove ${source.name}?`}
        closeButtonProps={{ 'aria-label': 'Keep the source' }}
      >
        <Stack>
          <Text size="sm">Removing disconnects the source; it deletes nothing it reported.</Text>
          <List size="sm">
            <List.Item>Its credentials are erased and it no longer syncs, on schedule or by hand.</List.Item>
            <List.Item>
              The accounts, licenses, employees and usage it reported stay, marked as from a disconnected
              source: its usage dates count as stale, so licenses that rest on them are no longer judged by
              them alone.
            </List.Item>
            <List.Item>The removal is recorded in the audit log.</List.Item>
          </List>
          {remove.error && <ErrorAlert error={remove.error} title="Not removed" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              Keep it
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              Disconnect {source.name}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
