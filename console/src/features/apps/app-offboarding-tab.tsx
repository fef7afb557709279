import {
  Alert,
  Button,
  Group,
  NativeSelect,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useCanWrite } from '../../app/use-me';
import { ErrorAlert, QueryState } from '../../components/query-state';

const methods: { value: Schemas['OffboardingMethod']['method']; label: string }[] = [
  { value: 'automatic', label: 'Automatic: the integration deprovisions' },
  { value: 'ticket', label: 'Ticket: a Jira Cloud issue' },
  { value: 'notify-owner', label: "Notify the app's owners by email" },
  { value: 'manual', label: 'Manual: an admin marks it done' },
  { value: 'ignore', label: 'Ignore: listed, never acted on' },
];

const methodsQuery = ['offboarding', 'methods'] as const;

/**
 * How the app's accounts are offboarded: the method an admin set for the app (and any per instance), or
 * Roster's default — automatic where a connected integration can deprovision the app, else manual.
 */
export function AppOffboardingTab({ app }: { app: string }) {
  const canWrite = useCanWrite();
  const query = useQuery({
    queryKey: methodsQuery,
    queryFn: () => unwrap(api.GET('/api/v1/offboarding/methods')),
  });
  if (!query.data) return <QueryState query={query} what="the offboarding methods" />;
  const settings = query.data.items.filter((m) => m.app.toLowerCase() === app.toLowerCase());
  const appSetting = settings.find((m) => m.instance === null);
  return (
    <Stack maw={720}>
      <Text size="sm">
        {appSetting
          ? `Offboarding ${app}: ${methods.find((m) => m.value === appSetting.method)?.label ?? appSetting.method} (set by ${appSetting.updatedBy}).`
          : `No method is set for ${app}: Roster deprovisions automatically where a connected integration can, and otherwise leaves the task to an admin.`}
      </Text>
      {settings.some((m) => m.instance !== null) && (
        <Table aria-label="Methods per instance">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Instance</Table.Th>
              <Table.Th>Method</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {settings
              .filter((m) => m.instance !== null)
              .map((m) => (
                <Table.Tr key={m.instance}>
                  <Table.Td>{m.instance}</Table.Td>
                  <Table.Td>{m.method}</Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      )}
      {canWrite && <MethodForm app={app} current={appSetting} />}
    </Stack>
  );
}

function MethodForm({ app, current }: { app: string; current: Schemas['OffboardingMethod'] | undefined }) {
  const queryClient = useQueryClient();
  const [method, setMethod] = useState<string>(current?.method ?? 'automatic');
  const config = (current?.config ?? {}) as Record<string, string | undefined>;
  const [baseUrl, setBaseUrl] = useState(config.baseUrl ?? '');
  const [projectKey, setProjectKey] = useState(config.projectKey ?? '');
  const [email, setEmail] = useState('');
  const [apiToken, setApiToken] = useState('');
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/offboarding/methods', {
          body: {
            app,
            method,
            ...(method === 'ticket'
              ? {
                  config: { baseUrl, projectKey },
                  ...(email || apiToken ? { credentials: { email, apiToken } } : {}),
                }
              : {}),
          },
        }),
      ),
    onSuccess: () => {
      setApiToken('');
      void queryClient.invalidateQueries({ queryKey: methodsQuery });
    },
  });
  return (
    <Stack gap="xs">
      <NativeSelect
        label="Offboarding method"
        data={methods}
        value={method}
        onChange={(e) => setMethod(e.currentTarget.value)}
      />
      {method === 'ticket' && (
        <>
          <TextInput
            label="Jira site"
            description="https://<site>.atlassian.net"
            value={baseUrl}
            onChange={(e) => setBaseUrl(e.currentTarget.value)}
          />
          <TextInput
            label="Project key"
            value={projectKey}
            onChange={(e) => setProjectKey(e.currentTarget.value)}
          />
          <TextInput
            label="Atlassian account email"
            description={current?.hasCredentials ? 'Leave empty to keep the stored account' : undefined}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label="API token"
            description={current?.hasCredentials ? 'Leave empty to keep the stored token' : undefined}
            value={apiToken}
            onChange={(e) => setApiToken(e.currentTarget.value)}
          />
        </>
      )}
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          Save method
        </Button>
      </Group>
      {save.data && (
        <Alert color="green" p="xs" role="status">
          <Text size="sm">Saved: new offboardings of {app} use it.</Text>
        </Alert>
      )}
      {save.error && <ErrorAlert error={save.error} title="The method was not saved" />}
    </Stack>
  );
}
