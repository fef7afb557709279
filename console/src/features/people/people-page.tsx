import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { formatMoney, formatNumber } from '../../api/format';
import { CsvDownloadButton } from '../../components/csv-download-button';
import { type Columns, DataTable } from '../../components/data-table';
import { Pager } from '../../components/pager';
import { SearchInput } from '../../components/search-input';
import { useCursorPages } from '../../components/use-cursor-pages';
import { useServerSort } from '../../components/use-server-sort';
import { fetchPeople, peopleSortFields } from './people-list';

type Person = Schemas['UserSummary'];
const column = createColumnHelper<Person>();

export const personPath = (email: string) => `/people/${encodeURIComponent(email)}`;

export const typeLabels: Record<Person['type'], string> = {
  employee: 'Employee',
  past_employee: 'Past employee',
  external: 'External',
  service: 'Service / shared',
  unknown: 'Unknown',
};

const columns: Columns<Person> = [
  column.accessor((p) => p.name ?? '', {
    id: 'name',
    header: 'Name',
    cell: (c) => c.getValue() || <Text c="dimmed">no name known</Text>,
  }),
  column.accessor('email', {
    header: 'Email',
    cell: (c) => (
      <Stack gap={0}>
        <Anchor component={Link} to={personPath(c.getValue())}>
          {c.getValue()}
        </Anchor>
        {c.row.original.additionalEmails.length > 0 && (
          <Text size="xs" c="dimmed">
            also {c.row.original.additionalEmails.join(', ')}
          </Text>
        )}
      </Stack>
    ),
  }),
  column.accessor('type', {
    header: 'Type',
    cell: (c) => (
      <Badge variant="outline" title={`Decided by: ${c.row.original.typeRule}`}>
        {typeLabels[c.row.original.type]}
      </Badge>
    ),
  }),
  column.accessor('status', { header: 'Status' }),
  column.accessor('apps', { header: 'Apps', cell: (c) => formatNumber(c.getValue()) }),
  column.accessor((p) => p.annualCost ?? -1, {
    id: 'annualCost',
    header: 'Annual cost',
    cell: (c) => formatMoney(c.row.original.annualCost),
  }),
];

/** People (one row per person once Merge Users is on); search by any email or name, server-side. */
export function PeoplePage() {
  const [search, setSearch] = useState('');
  const sort = useServerSort(peopleSortFields, 'email', () => pages.reset());
  const pages = useCursorPages(['people', search, sort.param], fetchPeople(search, sort.param));
  const rows = pages.query.data?.items;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>People</Title>
        <CsvDownloadButton
          path="/api/v1/users.csv"
          filename="people.csv"
          query={{ search, sort: sort.param }}
        />
      </Group>
      <SearchInput
        label="Search people"
        placeholder="Any email or name"
        onSearch={(v) => {
          setSearch(v);
          pages.reset();
        }}
      />
      <DataTable<Person>
        noun="people"
        columns={columns}
        rows={rows}
        loading={pages.query.isPending}
        refreshing={pages.query.isPlaceholderData}
        error={pages.query.error}
        rowKey={(p) => String(p.id)}
        sorting={sort.sorting}
        empty={
          search ? `Nobody matches “${search}”.` : 'No users yet: they appear as sources report accounts.'
        }
      />
      <Pager pages={pages} shown={rows?.length ?? 0} total={pages.query.data?.total} noun="people" />
    </Stack>
  );
}
