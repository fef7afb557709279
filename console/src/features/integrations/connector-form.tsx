import { Alert, Button, NativeSelect, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { placeErrors } from './field-errors';
import { alternativesOf, fieldPathsOf, type SettingSchema, shapeOf } from './settings-schema';
import { SettingsSection } from './settings-section';
import { collectSection, type SettingsState } from './settings-values';
import { useSourceKinds } from './use-sources';

interface AddSourceBody {
  kind: string;
  name: string;
  config: Record<string, unknown>;
  credentials?: Record<string, unknown>;
  stalenessDays?: number;
}

/** The paths a section draws a field for; a section drawn as JSON is one field. */
const drawnPaths = (schema: SettingSchema | undefined, path: string) =>
  !schema ? [] : shapeOf(schema) === 'object' ? fieldPathsOf(schema, path) : [path];

/**
 * Adds a pull source (a connector). Its settings and credentials are drawn from the JSON Schemas the kind
 * publishes, so every connector gets a form with labels and help; the server validates, and its messages
 * appear next to the fields they name. Credentials are sent once and never shown again.
 */
export function ConnectorForm() {
  const kinds = useSourceKinds();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState('');
  const [name, setName] = useState('');
  const [config, setConfig] = useState<SettingsState>({});
  const [credentials, setCredentials] = useState<SettingsState>({});
  const [choice, setChoice] = useState(0);
  const [stalenessDays, setStalenessDays] = useState<number | string>('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: (body: AddSourceBody) => unwrap(api.POST('/api/v1/sources', { body })),
    onSuccess: () => {
      // A saved secret is never shown again, not even in the form that sent it.
      setCredentials({});
      setConfig({});
      setName('');
      return queryClient.invalidateQueries({ queryKey: ['sources'] });
    },
  });
  if (!kinds.data) return <QueryState query={kinds} what="source kinds" />;
  const pull = kinds.data.filter((k) => k.mode === 'pull');
  const selected = pull.find((k) => k.kind === kind);
  const configSchema = selected?.configSchema as SettingSchema | undefined;
  const credentialsSchema = (selected?.credentialsSchema ?? undefined) as SettingSchema | undefined;
  const chosenCredentials = credentialsSchema ? alternativesOf(credentialsSchema)[choice] : undefined;

  const drawn = new Set([
    'name',
    'stalenessDays',
    ...drawnPaths(configSchema, 'config'),
    ...drawnPaths(chosenCredentials, 'credentials'),
  ]);
  const fromServer = placeErrors(add.error, drawn);
  const errors = { ...problems, ...fromServer.byField };

  const choose = (next: string) => {
    setKind(next);
    setConfig({});
    setCredentials({});
    setChoice(0);
    setProblems({});
    add.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!configSchema) return;
    const settings = collectSection(configSchema, config, 'config');
    const secrets = chosenCredentials
      ? collectSection(chosenCredentials, credentials, 'credentials')
      : undefined;
    const found = {
      ...(name.trim() ? {} : { name: 'is required' }),
      ...settings.problems,
      ...secrets?.problems,
    };
    setProblems(found);
    add.reset();
    if (Object.keys(found).length) return;
    add.mutate({
      kind,
      name: name.trim(),
      config: settings.value,
      ...(secrets ? { credentials: secrets.value } : {}),
      ...(typeof stalenessDays === 'number' ? { stalenessDays } : {}),
    });
  };

  return (
    <form noValidate onSubmit={submit} aria-label="Add a connector">
      <Stack maw={640}>
        <NativeSelect
          label="Kind"
          value={kind}
          data={[
            { value: '', label: 'Choose a connector' },
            ...pull.map((k) => ({ value: k.kind, label: k.title })),
          ]}
          onChange={(e) => choose(e.currentTarget.value)}
        />
        {selected && <Text size="sm">{selected.description}</Text>}
        <TextInput
          label="Name"
          description="How this source is named in Roster"
          required
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        {configSchema && (
          <>
            <Title order={2} size="h4">
              Settings
            </Title>
            <SettingsSection
              title="Settings"
              schema={configSchema}
              path="config"
              state={config}
              onChange={setConfig}
              errors={errors}
            />
          </>
        )}
        {credentialsSchema && (
          <>
            <Title order={2} size="h4">
              Credentials
            </Title>
            <Text size="sm" c="dimmed">
              Stored encrypted and never shown again.
            </Text>
            <SettingsSection
              title="Sign in with"
              schema={credentialsSchema}
              path="credentials"
              choice={choice}
              onChoice={(next) => {
                setChoice(next);
                setCredentials({});
              }}
              state={credentials}
              onChange={setCredentials}
              errors={errors}
            />
          </>
        )}
        <NumberInput
          label="Needs attention after (days without a successful sync)"
          placeholder="organisation default"
          min={1}
          max={365}
          allowDecimal={false}
          value={stalenessDays}
          error={errors.stalenessDays}
          onChange={setStalenessDays}
          maw={360}
        />
        <Button type="submit" w="fit-content" disabled={!kind} loading={add.isPending}>
          Add source
        </Button>
        {Object.keys(problems).length > 0 && (
          <Alert color="red" title="Some fields need a value" role="alert">
            <Text size="sm">The fields marked above are required.</Text>
          </Alert>
        )}
        {add.error && (
          <ErrorAlert
            error={
              add.error instanceof ApiError
                ? new ApiError(add.error.status, add.error.code, add.error.message, fromServer.elsewhere)
                : add.error
            }
            title="The source was not added"
          />
        )}
        {add.data && (
          <Alert color="green" title={`${add.data.name} added`} role="status">
            Run its first sync from the Integrations page.
          </Alert>
        )}
      </Stack>
    </form>
  );
}
