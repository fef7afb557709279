import { Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useSearchParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { formatDateTime } from '../../api/format';
import { CsvDownloadButton } from '../../components/csv-download-button';
import { type Columns, DataTable } from '../../components/data-table';
import { Pager } from '../../components/pager';
import { useCursorPages } from '../../components/use-cursor-pages';

type Entry = Schemas['AuditEntry'];
const column = createColumnHelper<Entry>();
const textFilters = ['actor', 'action', 'targetType', 'targetId'] as const;
const dateFilters = ['from', 'to'] as const;
type FilterName = (typeof textFilters)[number] | (typeof dateFilters)[number];
const labels: Record<FilterName, string> = {
  actor: 'Actor',
  action: 'Action',
  targetType: 'Target type',
  targetId: 'Target id',
  from: 'From',
  to: 'Through',
};

const json = (value: unknown) => (value == null ? '' : JSON.stringify(value));

const columns: Columns<Entry> = [
  column.accessor('at', { header: 'When', cell: (c) => formatDateTime(c.getValue()) }),
  column.accessor('actor', { header: 'Actor' }),
  column.accessor('action', { header: 'Action' }),
  column.accessor((e) => `${e.targetType}${e.targetId ? ` ${e.targetId}` : ''}`, {
    id: 'target',
    header: 'Target',
  }),
  column.accessor((e) => json(e.before), {
    id: 'before',
    header: 'Before',
    cell: (c) => c.getValue() && <Code>{c.getValue()}</Code>,
  }),
  column.accessor((e) => json(e.after), {
    id: 'after',
    header: 'After',
    cell: (c) => c.getValue() && <Code>{c.getValue()}</Code>,
  }),
];

/**
 * A date input's day as an instant in the viewer's time zone: `from` is the day's start, `to` (exclusive at
 * the API) the next day's start, so "through" a day includes it.
 */
const dayStart = (day: string, plusDays = 0) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 0, (m ?? 1) - 1, (d ?? 1) + plusDays).toISOString();
};

/** Who changed what and when, filtered in the address (so a filtered view can be shared), and as CSV. */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const value = (name: FilterName) => params.get(name) || undefined;
  const filters = {
    ...Object.fromEntries(textFilters.map((name) => [name, value(name)])),
    from: value('from') ? dayStart(value('from') ?? '') : undefined,
    to: value('to') ? dayStart(value('to') ?? '', 1) : undefined,
  } as Partial<Record<FilterName, string>>;
  const pages = useCursorPages(['audit', filters], async (cursor, limit) =>
    unwrap(
      api.GET('/api/v1/audit', {
        params: { query: { ...filters, cursor: cursor ? Number(cursor) : undefined, limit } },
      }),
    ),
  );
  const setFilter = (name: FilterName, next: string) => {
    const search = new URLSearchParams(params);
    if (next) search.set(name, next);
    else search.delete(name);
    setParams(search, { replace: true });
    pages.reset();
  };
  const rows = pages.query.data?.items;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Audit log</Title>
        <CsvDownloadButton path="/api/v1/audit.csv" filename="audit-log.csv" query={filters} />
      </Group>
      <Group align="flex-end">
        {textFilters.map((name) => (
          <TextInput
            key={name}
            label={labels[name]}
            defaultValue={value(name) ?? ''}
            placeholder="any"
            onBlur={(e) => setFilter(name, e.currentTarget.value.trim())}
            onKeyDown={(e) => e.key === 'Enter' && setFilter(name, e.currentTarget.value.trim())}
          />
        ))}
        {dateFilters.map((name) => (
          <TextInput
            key={name}
            type="date"
            label={labels[name]}
            value={value(name) ?? ''}
            onChange={(e) => setFilter(name, e.currentTarget.value)}
          />
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        Actor, action and target match exactly (for example <Code>member:ann@acme.io</Code>,{' '}
        <Code>source.remove</Code>, <Code>app</Code>); dates are in your time zone.
      </Text>
      <DataTable<Entry>
        noun="audit entries"
        columns={columns}
        rows={rows}
        loading={pages.query.isPending}
        refreshing={pages.query.isPlaceholderData}
        error={pages.query.error}
        rowKey={(e) => String(e.id)}
        empty="No audit entries match these filters."
      />
      <Pager pages={pages} shown={rows?.length ?? 0} noun="audit entries" />
    </Stack>
  );
}
