import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { formatNumber } from '../../api/format';
import { ErrorAlert } from '../../components/query-state';
import { ensureApp } from '../apps/ensure-app';
import {
  type CanonicalColumn,
  type ColumnMapping,
  canonicalColumns,
  guessMapping,
  previewCsv,
} from './csv-preview';

const labels: Record<CanonicalColumn, string> = {
  email: 'Email (required)',
  name: 'Name',
  status: 'Status in the app',
  role: 'Role',
  license_types: 'License types',
  last_used_at: 'Last used',
};

interface Picked {
  name: string;
  text: string;
  header: string[];
  rows: string[][];
}

/** Upload one app's users: pick the file, check which column feeds what on its first rows, import. */
export function CsvImportForm() {
  const queryClient = useQueryClient();
  const [app, setApp] = useState('');
  const [file, setFile] = useState<Picked | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const upload = useMutation({
    mutationFn: async () => {
      await ensureApp(app.trim());
      const query: Record<string, string> = { app: app.trim(), preset: 'roster' };
      for (const [column, header] of Object.entries(mapping)) if (header) query[`map.${column}`] = header;
      return unwrap(
        api.POST('/api/v1/imports/csv', {
          params: { query: query as { app: string } },
          body: file?.text as never,
          bodySerializer: (body: unknown) => body as string,
          headers: { 'content-type': 'text/csv' },
        }),
      );
    },
    onSettled: () => queryClient.invalidateQueries(),
  });
  const pick = async (chosen: File | undefined) => {
    upload.reset();
    if (!chosen) return setFile(null);
    const text = await chosen.text();
    const preview = previewCsv(text);
    setFile({ name: chosen.name, text, ...preview });
    setMapping(guessMapping(preview.header));
  };
  const mapped = canonicalColumns.filter((c) => mapping[c]);
  return (
    <Stack maw={960}>
      <Alert color="blue" title="An upload replaces the app’s list" data-testid="csv-replaces-notice">
        <Text size="sm">
          The file is the app’s whole list of users, not an addition: everyone an earlier upload listed and
          this file does not is marked removed. An upload that would remove many users (more than 10% and more
          than 10, or all of them) is held until someone confirms it on the Integrations page.
        </Text>
      </Alert>
      <TextInput
        label="App"
        description="The app these users belong to (created if Roster does not know it yet)"
        value={app}
        onChange={(e) => setApp(e.currentTarget.value)}
        required
        maw={360}
      />
      <div>
        <Text component="label" htmlFor="csv-file" size="sm" fw={500}>
          CSV file
        </Text>
        <input
          id="csv-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => void pick(e.currentTarget.files?.[0])}
          style={{ display: 'block', marginTop: 4 }}
        />
      </div>
      {file && (
        <>
          <Text size="sm">
            {file.name}: {file.header.length} columns. Choose which column feeds each field:
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {canonicalColumns.map((column) => (
              <NativeSelect
                key={column}
                label={labels[column]}
                value={mapping[column] ?? ''}
                data={[
                  { value: '', label: '— not in this file —' },
                  ...file.header.map((h) => ({ value: h, label: h })),
                ]}
                onChange={(e) => setMapping((m) => ({ ...m, [column]: e.currentTarget.value || undefined }))}
              />
            ))}
          </SimpleGrid>
          <Table withTableBorder aria-label="Preview of the first rows as Roster will read them">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Row</Table.Th>
                {mapped.map((c) => (
                  <Table.Th key={c}>{c}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {file.rows.map((row, i) => (
                // Preview rows are positions in the file; the row number is their identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <Table.Tr key={i}>
                  <Table.Td>{i + 2}</Table.Td>
                  {mapped.map((c) => (
                    <Table.Td key={c}>{row[file.header.indexOf(mapping[c] ?? '')] ?? ''}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {!mapping.email && <Alert color="yellow">Choose the column that holds each user’s email.</Alert>}
        </>
      )}
      <Group>
        <Button
          onClick={() => upload.mutate()}
          disabled={!file || !app.trim() || !mapping.email}
          loading={upload.isPending}
        >
          Import
        </Button>
      </Group>
      {upload.error && (
        <ErrorAlert
          error={upload.error}
          title="Nothing was imported: the file has problems (row numbers count the header as row 1)"
        />
      )}
      {upload.data?.held && (
        <Alert color="yellow" title={`Held for confirmation: ${upload.data.source.name}`} role="status">
          {upload.data.held.message} Confirm or discard it on the Integrations page.
        </Alert>
      )}
      {upload.data && !upload.data.held && (
        <Alert color="green" title={`Imported into ${upload.data.source.name}`} role="status">
          {formatNumber(upload.data.counters.added)} added, {formatNumber(upload.data.counters.updated)}{' '}
          updated, {formatNumber(upload.data.counters.removed)} removed,{' '}
          {formatNumber(upload.data.counters.unchanged)} unchanged.
        </Alert>
      )}
    </Stack>
  );
}
