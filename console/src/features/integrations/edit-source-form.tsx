import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { placeErrors } from './field-errors';
import { KeepStoredSecrets } from './keep-secrets';
import { alternativesOf, fieldPathsOf, type SettingSchema, shapeOf } from './settings-schema';
import { SettingsSection } from './settings-section';
import {
  collectChangedSecrets,
  collectSection,
  type SettingsState,
  stateOfSettings,
} from './settings-values';
import { useSourceKinds } from './use-sources';

type Source = Schemas['Source'];

interface EditSourceBody {
  name?: string;
  config?: Record<string, unknown>;
  credentials?: Record<string, unknown>;
  schedule?: string | null;
}

const drawnPaths = (schema: SettingSchema | undefined, path: string) =>
  !schema ? [] : shapeOf(schema) === 'object' ? fieldPathsOf(schema, path) : [path];

/**
 * Changes a saved source: its name, schedule and settings start from what is stored; secrets start empty
 * and an empty one keeps the stored value, so a form never needs (or shows) a saved secret. Drawn from the
 * kind's published schemas, like the form that added it; the server's messages appear next to their fields.
 */
export function EditSourceForm({ source, onDone }: { source: Source; onDone: () => void }) {
  const kinds = useSourceKinds();
  const queryClient = useQueryClient();
  const kind = kinds.data?.find((k) => k.kind === source.kind);
  const configSchema = kind?.configSchema as SettingSchema | undefined;
  const credentialsSchema = (kind?.credentialsSchema ?? undefined) as SettingSchema | undefined;
  const [name, setName] = useState(source.name);
  const [schedule, setSchedule] = useState(source.schedule ?? '');
  const [config, setConfig] = useState<SettingsState | null>(null);
  const [credentials, setCredentials] = useState<SettingsState>({});
  const [choice, setChoice] = useState(0);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: EditSourceBody) =>
      unwrap(api.PATCH('/api/v1/sources/{id}', { params: { path: { id: source.id } }, body })),
    onSuccess: () => {
      setCredentials({});
      return queryClient.invalidateQueries({ queryKey: ['sources'] });
    },
  });
  if (!kinds.data) return <QueryState query={kinds} what="source kinds" />;
  if (!configSchema) return <Text>This version of the console cannot edit a {source.kind} source.</Text>;
  const configState = config ?? stateOfSettings(alternativesOf(configSchema)[0]!, source.config);
  const chosenCredentials = credentialsSchema ? alternativesOf(credentialsSchema)[choice] : undefined;

  const drawn = new Set([
    'name',
    'schedule',
    ...drawnPaths(configSchema, 'config'),
    ...drawnPaths(chosenCredentials, 'credentials'),
  ]);
  const fromServer = placeErrors(save.error, drawn);
  const errors = { ...problems, ...fromServer.byField };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const settings = collectSection(configSchema, configState, 'config');
    const secrets = chosenCredentials
      ? collectChangedSecrets(chosenCredentials, credentials, 'credentials')
      : undefined;
    const found = {
      ...(name.trim() ? {} : { name: 'is required' }),
      ...settings.problems,
      ...secrets?.problems,
    };
    setProblems(found);
    save.reset();
    if (Object.keys(found).length) return;
    const nextSchedule = schedule.trim() || null;
    save.mutate({
      ...(name.trim() !== source.name ? { name: name.trim() } : {}),
      config: settings.value,
      ...(secrets && Object.keys(secrets.value).length > 0 ? { credentials: secrets.value } : {}),
      ...(source.mode === 'pull' && nextSchedule !== source.schedule ? { schedule: nextSchedule } : {}),
    });
  };

  return (
    <form noValidate onSubmit={submit} aria-label={`Edit ${source.name}`}>
      <Stack>
        <TextInput
          label="Name"
          required
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        {source.mode === 'pull' && (
          <TextInput
            label="Sync schedule"
            description="An interval such as 30m, 6h or 1d; empty for manual syncs only"
            value={schedule}
            error={errors.schedule}
            onChange={(e) => setSchedule(e.currentTarget.value)}
            maw={360}
          />
        )}
        <Title order={3} size="h4">
          Settings
        </Title>
        <SettingsSection
          title="Settings"
          schema={configSchema}
          path="config"
          state={configState}
          onChange={setConfig}
          errors={errors}
        />
        {credentialsSchema && (
          <>
            <Title order={3} size="h4">
              Credentials
            </Title>
            <Text size="sm" c="dimmed">
              {source.hasCredentials
                ? 'Saved and never shown. Leave a field empty to keep its stored value; what you type replaces it.'
                : 'None saved yet. Stored encrypted and never shown again.'}
            </Text>
            <KeepStoredSecrets.Provider value={source.hasCredentials}>
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
            </KeepStoredSecrets.Provider>
          </>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save changes
          </Button>
          <Button variant="default" onClick={onDone}>
            Close
          </Button>
        </Group>
        {Object.keys(problems).length > 0 && (
          <Alert color="red" title="Some fields need a value" role="alert">
            <Text size="sm">The fields marked above are required.</Text>
          </Alert>
        )}
        {save.error && (
          <ErrorAlert
            error={
              save.error instanceof ApiError
                ? new ApiError(save.error.status, save.error.code, save.error.message, fromServer.elsewhere)
                : save.error
            }
            title="Nothing was changed"
          />
        )}
        {save.data && (
          <Alert color="green" title={`${save.data.name} saved`} role="status">
            New settings and credentials are used from the next sync.
          </Alert>
        )}
      </Stack>
    </form>
  );
}
