import { Button, Group, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useCanWrite } from '../../app/use-me';
import { ErrorAlert } from '../../components/query-state';
import { useSettings } from '../admin/use-settings';

type AppDetail = Schemas['AppDetail'];

const itemsOf = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter(Boolean);

/** A list the app keeps (its owners, its domains): shown to everyone, edited one item per line by writers. */
function ListSetting(props: {
  title: string;
  about: string;
  label: string;
  values: string[];
  none: string;
  canWrite: boolean;
  save: (items: string[]) => Promise<unknown>;
}) {
  const [text, setText] = useState(props.values.join('\n'));
  const save = useMutation({ mutationFn: () => props.save(itemsOf(text)) });
  return (
    <>
      <Title order={2} size="h4">
        {props.title}
      </Title>
      <Text size="sm" c="dimmed">
        {props.about}
      </Text>
      {props.canWrite ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
          aria-label={props.title}
        >
          <Stack gap="xs">
            <Textarea
              label={props.label}
              description="one per line"
              autosize
              minRows={2}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Button type="submit" loading={save.isPending} w="fit-content">
              Save {props.title.toLowerCase()}
            </Button>
          </Stack>
        </form>
      ) : (
        <Text size="sm">{props.values.join(', ') || props.none}</Text>
      )}
      {save.error && <ErrorAlert error={save.error} title={`${props.title} not saved`} />}
      {save.isSuccess && <Text size="sm">{props.title} saved.</Text>}
    </>
  );
}

/** The app's inactivity threshold (its own, or the organisation's default), its owners and its domains. */
export function AppSettingsTab({ app }: { app: AppDetail }) {
  const canWrite = useCanWrite();
  const settings = useSettings();
  const queryClient = useQueryClient();
  const [days, setDays] = useState<number | string>(app.inactivityDays ?? '');
  const refresh = () => queryClient.invalidateQueries();
  const saveThreshold = useMutation({
    mutationFn: (inactivityDays: number | null) =>
      unwrap(api.PATCH('/api/v1/apps/{id}', { params: { path: { id: app.id } }, body: { inactivityDays } })),
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
      <ListSetting
        title="Owners"
        about="App owners (members or tokens with the app-owner role acting for these emails) see this app and its inactive licenses, and are asked to confirm offboardings in it."
        label="Owner emails"
        values={app.owners}
        none="No owners."
        canWrite={canWrite}
        save={(emails) =>
          unwrap(
            api.PUT('/api/v1/apps/{id}/owners', {
              params: { path: { id: app.id } },
              body: { emails },
            }),
          ).then(refresh)
        }
      />
      <ListSetting
        title="Domains"
        about={`Where people reach ${app.name} beyond the catalog's domains (an intranet, an app the catalog lacks, the organisation's own tenant): the browser extension reports visits and sign-ins there.`}
        label="Domain names"
        values={app.domains}
        none="No domains of its own."
        canWrite={canWrite}
        save={(domains) =>
          unwrap(
            api.PUT('/api/v1/apps/{id}/domains', {
              params: { path: { id: app.id } },
              body: { domains },
            }),
          ).then(refresh)
        }
      />
    </Stack>
  );
}
