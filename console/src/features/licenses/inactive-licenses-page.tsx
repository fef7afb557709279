import { Anchor, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { Link, useSearchParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { formatAge, formatDate, reasonLabels } from '../../api/format';
import { type Columns, DataTable } from '../../components/data-table';
import { Pager } from '../../components/pager';
import { useCursorPages } from '../../components/use-cursor-pages';
import { useSettings } from '../admin/use-settings';
import { appPath } from '../apps/apps-page';
import { personPath } from '../people/people-page';

type License = Schemas['InactiveLicense'];
type Reason = License['reason'];
const column = createColumnHelper<License>();
const filterNames = ['app', 'licenseType', 'reason', 'user'] as const;

const columns: Columns<License> = [
  column.accessor((l) => l.user ?? '', {
    id: 'user',
    header: 'User',
    cell: (c) => (
      <Anchor component={Link} to={personPath(c.row.original.personEmail)}>
        {c.getValue() || c.row.original.personEmail}
      </Anchor>
    ),
  }),
  column.accessor('email', { header: 'Email' }),
  column.accessor('app', {
    header: 'App',
    cell: (c) => (
      <Anchor component={Link} to={appPath(c.getValue())}>
        {c.getValue()}
      </Anchor>
    ),
  }),
  column.accessor('licenseType', { header: 'License type' }),
  column.accessor((l) => l.lastUsedAt ?? '', {
    id: 'lastUsed',
    header: 'Last used',
    cell: (c) => {
      const l = c.row.original;
      return l.lastUsedAt ? (
        <span title={formatDate(l.lastUsedAt)}>
          {formatAge(l.lastUsedAt)} ({l.usageSource}
          {l.usageStale ? ', stale' : ''})
        </span>
      ) : (
        'never'
      );
    },
  }),
  column.accessor('reason', {
    header: 'Reason',
    cell: (c) => <span title={c.row.original.reasonText}>{reasonLabels[c.getValue()] ?? c.getValue()}</span>,
  }),
];

/** Every inactive license with its reason; filters live in the address so counts elsewhere link here. */
export function InactiveLicensesPage() {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(filterNames.map((name) => [name, params.get(name) || undefined])) as {
    app?: string;
    licenseType?: string;
    reason?: Reason;
    user?: string;
  };
  const pages = useCursorPages(['inactive', filters], (cursor, limit) =>
    unwrap(api.GET('/api/v1/licenses/inactive', { params: { query: { ...filters, cursor, limit } } })),
  );
  const setFilter = (name: (typeof filterNames)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
    pages.reset();
  };
  const csvQuery = new URLSearchParams(
    Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])),
  ).toString();
  const rows = pages.query.data?.items;
  // App owners may not read the organisation's settings: they see the rule without the number.
  const settings = useSettings();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Inactive licenses</Title>
        <Button
          component="a"
          href={`/api/v1/licenses/inactive.csv${csvQuery ? `?${csvQuery}` : ''}`}
          download="inactive-licenses.csv"
          variant="default"
        >
          Download CSV
        </Button>
      </Group>
      <Group align="flex-end">
        <TextInput
          label="App"
          defaultValue={filters.app ?? ''}
          onBlur={(e) => setFilter('app', e.currentTarget.value.trim())}
          onKeyDown={(e) => e.key === 'Enter' && setFilter('app', e.currentTarget.value.trim())}
        />
        <TextInput
          label="License type"
          defaultValue={filters.licenseType ?? ''}
          onBlur={(e) => setFilter('licenseType', e.currentTarget.value.trim())}
          onKeyDown={(e) => e.key === 'Enter' && setFilter('licenseType', e.currentTarget.value.trim())}
        />
        <NativeSelect
          label="Reason"
          value={filters.reason ?? ''}
          data={[
            { value: '', label: 'Any reason' },
            ...Object.entries(reasonLabels).map(([value, label]) => ({ value, label })),
          ]}
          onChange={(e) => setFilter('reason', e.currentTarget.value)}
        />
        <TextInput
          label="User"
          placeholder="any email, or part"
          defaultValue={filters.user ?? ''}
          onBlur={(e) => setFilter('user', e.currentTarget.value.trim())}
          onKeyDown={(e) => e.key === 'Enter' && setFilter('user', e.currentTarget.value.trim())}
        />
      </Group>
      <Text size="sm" c="dimmed">
        A license is inactive when its account is suspended, its holder has left, it was never used since
        being assigned longer ago than the threshold, or it was not used within the threshold (
        <span data-testid="default-threshold">
          {settings.data ? `${settings.data.inactivityDays} days` : "the organisation's default"}
        </span>{' '}
        unless set per app).
      </Text>
      <DataTable<License>
        noun="inactive licenses"
        columns={columns}
        rows={rows}
        loading={pages.query.isPending}
        refreshing={pages.query.isPlaceholderData}
        error={pages.query.error}
        rowKey={(l) => `${l.app}|${l.licenseType}|${l.email}`}
        sorting={pages.complete ? { mode: 'client' } : undefined}
        empty="No inactive licenses match these filters."
      />
      <Pager pages={pages} shown={rows?.length ?? 0} noun="inactive licenses" />
    </Stack>
  );
}
