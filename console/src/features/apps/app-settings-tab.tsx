import { Button, Group, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useCanWrite } from '../../app/use-me';
import { ErrorAlert } from '../../components/query-state';
import { useSettings } from '../admin/use-settings';

type AppDetail = Schemas['AppDetail'];

const emailsOf = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter(Boolean);

/** The app's inactivity threshold (its own, or the organisation's default) and its owners. */
export function AppSettingsTab({ app }: { app: AppDetail }) {
  const canWrite = useCanWrite();
  const settings = useSettings();
  const queryClient = useQueryClient();
  const [days, setDays] = useState<number | string>(app.inactivityDays ?? '');
  const [owners, setOwners] = useState(app.owners.join('\n'));
  const refresh = () => queryClient.invalidateQueries();
  const saveThreshold = useMutation({
    mutationFn: (inactivityDays: number | null) =>
      unwrap(
        api.PATCH('/api/apps/{ref}', { params: { path: { ref: String(app.id) } }, body: { inactivityDays } }),
      ),
    onSuccess: refresh,
  });
  const saveOwners = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/apps/{ref}/owners', {
          params: { path: { ref: String(app.id) } },
          body: { emails: emailsOf(owners) },
        }),
      ),
    onSuccess: refresh,
  });
  const defaultDays = settings.data?.inactivityDays;
  return (
    <Stack maw={560}>
      <Title order={2} size="h4">
        Inactivity threshold
      </Title>
      <Text size="sm" data-testid="app-threshold">
        {app.inactivityDays !== null
          ? `A license of ${app.name} is inactive after ${app.inactivityDays} days without use (this app's own threshold).`
          : `A license of ${app.name} is inactive after ${defaultDays ?? '…'} days without use (the organisation's default).`}
      </Text>
      {canWrite && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            saveThreshold.mutate(days === '' ? null : Number(days));
          }}
          aria-label="Inactivity threshold"
        >
          <Group align="flex-end">
            <NumberInput
              label="Days without use"
              description={`empty: the organisation's default (${defaultDays ?? '…'} days)`}
              min={1}
              max={3650}
              value={days}
              onChange={setDays}
            />
            <Button type="submit" loading={saveThreshold.isPending}>
              Save threshold
            </Button>
          </Group>
        </form>
      )}
      {saveThreshold.error && <ErrorAlert error={saveThreshold.error} title="Threshold not saved" />}
      <Title order={2} size="h4">
        Owners
      </Title>
      <Text size="sm" c="dimmed">
        App owners (members or tokens with the app-owner role acting for these emails) see this app and its
        inactive licenses, and are asked to confirm offboardings in it.
      </Text>
      {canWrite ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            saveOwners.mutate();
          }}
          aria-label="Owners"
        >
          <Stack gap="xs">
            <Textarea
              label="Owner emails"
              description="one per line"
              autosize
              minRows={2}
              value={owners}
              onChange={(e) => setOwners(e.currentTarget.value)}
            />
            <Button type="submit" loading={saveOwners.isPending} w="fit-content">
              Save owners
            </Button>
          </Stack>
        </form>
      ) : (
        <Text size="sm">{app.owners.join(', ') || 'No owners.'}</Text>
      )}
      {saveOwners.error && <ErrorAlert error={saveOwners.error} title="Owners not saved" />}
      {saveOwners.isSuccess && <Text size="sm">Owners saved.</Text>}
    </Stack>
  );
}
