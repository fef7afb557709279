import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { operations } from '../../api/schema';
import { ErrorAlert } from '../../components/query-state';

type ImportQuery = operations['postImportsExpenses']['parameters']['query'];
type Preset = NonNullable<ImportQuery['preset']>;
type CountItems = NonNullable<ImportQuery['countItems']>;

const presetLabels: Record<Preset, string> = {
  roster: 'Roster’s columns',
  expensify: 'Expensify',
  ramp: 'Ramp',
  brex: 'Brex',
  amex: 'American Express',
  quickbooks: 'QuickBooks Online',
  netsuite: 'NetSuite',
  auto: 'Recognise the headers (ISO dates only)',
};

/** The file as picked: its name and bytes (CSV or an XLSX workbook alike). */
interface Picked {
  name: string;
  bytes: ArrayBuffer;
}

/**
 * Upload a card, expense-report or accounts-payable export to an expense source: the whole file is checked,
 * and applied only when every row reads; otherwise the rows and fields at fault are listed and nothing changes.
 */
export function ExpenseUploadForm() {
  const queryClient = useQueryClient();
  const [source, setSource] = useState('');
  const [preset, setPreset] = useState<Preset>('roster');
  const [currency, setCurrency] = useState('');
  const [countItems, setCountItems] = useState<CountItems | ''>('');
  const [file, setFile] = useState<Picked | null>(null);
  const upload = useMutation({
    mutationFn: () => {
      const query: ImportQuery = {
        source: source.trim(),
        preset,
        fileName: file?.name,
        ...(currency.trim() ? { currency: currency.trim().toUpperCase() } : {}),
        ...(countItems ? { countItems } : {}),
      };
      return unwrap(
        api.POST('/api/v1/imports/expenses', {
          params: { query },
          body: file?.bytes as never,
          bodySerializer: (body: unknown) => body as ArrayBuffer,
          headers: { 'content-type': 'application/octet-stream' },
        }),
      );
    },
    onSettled: () => queryClient.invalidateQueries(),
  });
  const pick = async (chosen: File | undefined) => {
    upload.reset();
    setFile(chosen ? { name: chosen.name, bytes: await chosen.arrayBuffer() } : null);
  };
  const result = upload.data;
  return (
    <Stack
      maw={960}
      component="form"
      aria-label="Import an expense file"
      onSubmit={(e) => e.preventDefault()}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Source"
          description="The expense source to add the lines to (created on first use)"
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
          required
        />
        <NativeSelect
          label="Preset"
          description="Whose export this is: its headers and date format"
          value={preset}
          data={Object.entries(presetLabels).map(([value, label]) => ({ value, label }))}
          onChange={(e) => setPreset(e.currentTarget.value as Preset)}
        />
        <TextInput
          label="Currency"
          description="For a file without a currency column (ISO code, like USD); kept by the source"
          value={currency}
          maxLength={3}
          onChange={(e) => setCurrency(e.currentTarget.value)}
        />
        <NativeSelect
          label="Count items"
          description="Of an expense report: its line items or its main item; kept by the source"
          value={countItems}
          data={[
            { value: '', label: 'As the source counts them (line items at first)' },
            { value: 'lines', label: 'Line items' },
            { value: 'main', label: 'Main items' },
          ]}
          onChange={(e) => setCountItems(e.currentTarget.value as CountItems | '')}
        />
      </SimpleGrid>
      <div>
        <Text component="label" htmlFor="expense-file" size="sm" fw={500}>
          Expense file (CSV or XLSX)
        </Text>
        <input
          id="expense-file"
          type="file"
          accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => void pick(e.currentTarget.files?.[0])}
          style={{ display: 'block', marginTop: 4 }}
        />
      </div>
      <Group>
        <Button
          type="submit"
          onClick={() => upload.mutate()}
          disabled={!file || !source.trim()}
          loading={upload.isPending}
        >
          Import expenses
        </Button>
      </Group>
      {upload.error && (
        <ErrorAlert
          error={upload.error}
          title="Nothing was imported: the file has problems (row numbers count the header as row 1)"
        />
      )}
      {result && (
        <Alert color="green" title={`Imported into ${result.source.name}`} role="status">
          <Text size="sm">{result.message}.</Text>
        </Alert>
      )}
    </Stack>
  );
}
