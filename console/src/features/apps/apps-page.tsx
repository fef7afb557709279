import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { formatNumber } from '../../api/format';
import { CsvDownloadButton } from '../../components/csv-download-button';
import { type Columns, DataTable } from '../../components/data-table';
import { Pager } from '../../components/pager';
import { SearchInput } from '../../components/search-input';
import { useCursorPages } from '../../components/use-cursor-pages';
import { useServerSort } from '../../components/use-server-sort';
import { appsSortFields, fetchApps } from './apps-list';

type App = Schemas['AppSummary'];
const column = createColumnHelper<App>();

export const appPath = (name: string) => `/apps/${encodeURIComponent(name)}`;

const columns: Columns<App> = [
  column.accessor('name', {
    header: 'App',
    cell: (c) => (
      <Anchor component={Link} to={appPath(c.getValue())}>
        {c.getValue()}
      </Anchor>
    ),
  }),
  column.accessor((a) => a.category ?? '', { id: 'category', header: 'Category' }),
  column.accessor('origin', {
    header: 'Origin',
    cell: (c) => <Badge variant="outline">{c.getValue()}</Badge>,
  }),
  column.accessor('users', { header: 'Users', cell: (c) => formatNumber(c.getValue()) }),
  column.accessor('activeAccounts', { header: 'Active accounts', cell: (c) => formatNumber(c.getValue()) }),
  column.accessor('licenseTypes', { header: 'License types', cell: (c) => formatNumber(c.getValue()) }),
  column.accessor((a) => a.sources.join(', '), { id: 'sources', header: 'Sources', enableSorting: false }),
];

export function AppsPage() {
  const [search, setSearch] = useState('');
  const sort = useServerSort(appsSortFields, 'name', () => pages.reset());
  const pages = useCursorPages(['apps', search, sort.param], fetchApps(search, sort.param));
  const rows = pages.query.data?.items;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Apps</Title>
        <CsvDownloadButton path="/api/v1/apps.csv" filename="apps.csv" query={{ search, sort: sort.param }} />
      </Group>
      <SearchInput
        label="Search apps"
        placeholder="Name"
        onSearch={(v) => {
          setSearch(v);
          pages.reset();
        }}
      />
      <DataTable<App>
        noun="apps"
        columns={columns}
        rows={rows}
        loading={pages.query.isPending}
        refreshing={pages.query.isPlaceholderData}
        error={pages.query.error}
        rowKey={(a) => String(a.id)}
        sorting={sort.sorting}
        empty={
          search
            ? `No app matches “${search}”.`
            : 'No apps yet. Connect a source or upload a CSV on the Integrations page.'
        }
      />
      <Pager pages={pages} shown={rows?.length ?? 0} noun="apps" />
      <Text size="xs" c="dimmed">
        Sorting a column orders the whole list; apps without a category come last either way.
      </Text>
    </Stack>
  );
}
