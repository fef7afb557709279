import { Alert, Button, NativeSelect, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useSourceKinds } from './use-sources';

interface Field {
  key: string;
  label: string;
  description?: string;
  secret?: boolean;
  list?: boolean;
}

/**
 * The settings each pull connector asks for. The server validates them (the source kinds do not publish
 * their config schemas yet); a kind not listed here gets JSON fields.
 */
const forms: Record<string, { config: Field[]; credentials: Field[] }> = {
  'hr-csv': {
    config: [
      { key: 'file', label: 'File', description: 'A path inside ROSTER_FILES_DIR, e.g. hr/employees.csv' },
      {
        key: 'fields',
        label: 'Extra fields',
        description: 'Columns to sync as attributes, comma-separated',
        list: true,
      },
    ],
    credentials: [],
  },
  'json-url': {
    config: [
      { key: 'app', label: 'App' },
      { key: 'url', label: 'URL', description: 'https address answering a full snapshot in JSON' },
    ],
    credentials: [{ key: 'token', label: 'Bearer token', secret: true }],
  },
};

function parseJson(text: string): Record<string, unknown> {
  if (!text.trim()) return {};
  return JSON.parse(text) as Record<string, unknown>;
}

/** Adds a pull source (a connector) with its settings and credentials. */
export function ConnectorForm() {
  const kinds = useSourceKinds();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState('');
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [json, setJson] = useState({ config: '', credentials: '' });
  const [stalenessDays, setStalenessDays] = useState<number | string>('');
  const add = useMutation({
    mutationFn: () => {
      const form = forms[kind];
      const collect = (fields: Field[]) =>
        Object.fromEntries(
          fields
            .filter((f) => values[f.key]?.trim())
            .map((f) => [
              f.key,
              f.list
                ? values[f.key]!.split(',')
                    .map((v) => v.trim())
                    .filter(Boolean)
                : values[f.key]!.trim(),
            ]),
        );
      const config = form ? collect(form.config) : parseJson(json.config);
      const credentials = form ? collect(form.credentials) : parseJson(json.credentials);
      return unwrap(
        api.POST('/api/sources', {
          body: {
            kind,
            name: name.trim(),
            config,
            ...(Object.keys(credentials).length ? { credentials } : {}),
            ...(stalenessDays !== '' ? { stalenessDays: Number(stalenessDays) } : {}),
          },
        }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sources'] }),
  });
  if (!kinds.data) return <QueryState query={kinds} what="source kinds" />;
  const pull = kinds.data.filter((k) => k.mode === 'pull');
  const form = forms[kind];
  const field = (f: Field) => (
    <TextInput
      key={f.key}
      label={f.label}
      description={f.description}
      type={f.secret ? 'password' : 'text'}
      autoComplete="off"
      value={values[f.key] ?? ''}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setValues((v) => ({ ...v, [f.key]: value }));
      }}
    />
  );
  return (
    <Stack maw={560}>
      <NativeSelect
        label="Kind"
        value={kind}
        data={[
          { value: '', label: 'Choose a connector' },
          ...pull.map((k) => ({ value: k.kind, label: k.title })),
        ]}
        onChange={(e) => {
          setKind(e.currentTarget.value);
          setValues({});
        }}
      />
      {kind && <Text size="sm">{pull.find((k) => k.kind === kind)?.description}</Text>}
      <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} />
      {form ? (
        <>
          {form.config.map(field)}
          {form.credentials.map(field)}
        </>
      ) : (
        kind && (
          <>
            <Textarea
              label="Settings (JSON)"
              autosize
              minRows={3}
              value={json.config}
              onChange={(e) => setJson({ ...json, config: e.currentTarget.value })}
            />
            <Textarea
              label="Credentials (JSON; stored encrypted, never shown again)"
              autosize
              minRows={2}
              value={json.credentials}
              onChange={(e) => setJson({ ...json, credentials: e.currentTarget.value })}
            />
          </>
        )
      )}
      <NumberInput
        label="Needs attention after (days without a successful sync)"
        placeholder="organisation default"
        min={1}
        value={stalenessDays}
        onChange={setStalenessDays}
        maw={360}
      />
      <Button
        w="fit-content"
        onClick={() => add.mutate()}
        disabled={!kind || !name.trim()}
        loading={add.isPending}
      >
        Add source
      </Button>
      {add.error && <ErrorAlert error={add.error} title="The source was not added" />}
      {add.data && (
        <Alert color="green" title={`${add.data.name} added`}>
          Run its first sync from the Integrations page.
        </Alert>
      )}
    </Stack>
  );
}
