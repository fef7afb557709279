import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { countOf, formatAge, formatDate } from '../../api/format';
import { CsvDownloadButton } from '../../components/csv-download-button';
import { type Columns, DataTable } from '../../components/data-table';
import { Pager } from '../../components/pager';
import { useCursorPages } from '../../components/use-cursor-pages';
import { InstanceName, observationsDetail, SeenBy, seenByText } from '../accounts/account-sources';
import { personPath } from '../people/people-page';
import { useAppAccountsPage } from './use-app-accounts';

type AppDetail = Schemas['AppDetail'];
type Account = AppDetail['accounts']['items'][number];
const column = createColumnHelper<Account>();

const instanceColumn = column.accessor('instance', {
  header: 'Instance',
  cell: (c) => <InstanceName instance={c.getValue()} />,
});

const columns: Columns<Account> = [
  column.accessor((a) => a.nameInApp ?? '', {
    id: 'nameInApp',
    header: 'Account (as the app names it)',
    cell: (c) => c.getValue() || <Text c="dimmed">no name in the app</Text>,
  }),
  column.accessor('email', {
    header: 'Email',
    cell: (c) => (
      <Anchor component={Link} to={personPath(c.getValue())}>
        {c.getValue()}
      </Anchor>
    ),
  }),
  column.accessor('status', {
    header: 'Status in app',
    cell: (c) => (
      <Text size="sm" fw={c.getValue() === 'active' ? 400 : 700}>
        {c.getValue()}
      </Text>
    ),
  }),
  column.accessor((a) => a.licenseTypes.join(', '), {
    id: 'licenses',
    header: 'License types',
    cell: (c) => c.getValue() || <Text c="dimmed">no license</Text>,
  }),
  column.accessor((a) => a.lastUsedAt ?? '', {
    id: 'lastUsed',
    header: 'Last used',
    cell: (c) => {
      const a = c.row.original;
      if (!a.lastUsedAt) return <Text c="dimmed">no usage reported</Text>;
      const stale = a.usageBySource.find((u) => u.source === a.lastUsedSource)?.stale;
      return (
        <Stack gap={0}>
          <Text size="sm" title={formatDate(a.lastUsedAt)}>
            {formatAge(a.lastUsedAt)}
          </Text>
          <Text size="xs" c="dimmed">
            from {a.lastUsedSource}
            {stale ? ' (stale source)' : ''}
          </Text>
        </Stack>
      );
    },
  }),
  column.accessor(seenByText, {
    id: 'seenBy',
    header: 'Seen by',
    cell: (c) => <SeenBy account={c.row.original} />,
  }),
];

/** With several instances the Instance column follows the email: a user has an account in each. */
const columnsWithInstance: Columns<Account> = [...columns.slice(0, 2), instanceColumn, ...columns.slice(2)];

const detailByEmail = observationsDetail<Account>((a) => a.email);
const detailByInstance = observationsDetail<Account>((a) => `${a.email} in the ${a.instance} instance`);

/**
 * The app's accounts, one per user per instance, each as the app shows it, opening on what each source
 * saw of it; page by page from the app's own endpoint.
 */
export function AppUsersTab({ app }: { app: AppDetail }) {
  const pages = useCursorPages(['app-accounts', app.id], useAppAccountsPage(String(app.id)));
  const rows = pages.query.data?.items;
  const severalInstances = app.instances.length > 1;
  const instances = app.instances.map((i) => `${i.name} (${countOf(i.accounts, 'account')})`).join(', ');
  return (
    <Stack>
      {!app.usage.covered && (
        <Alert color="yellow" title="Usage unknown">
          No source reports when these accounts were last used, so their licenses are neither active nor
          inactive.{' '}
          {app.usage.wouldFill.length > 0 && `What would fill the gap: ${app.usage.wouldFill.join('; ')}.`}
        </Alert>
      )}
      <Group justify="flex-end">
        <CsvDownloadButton
          path={`/api/v1/apps/${encodeURIComponent(String(app.id))}/users.csv`}
          filename={`${app.name} users.csv`}
          label="Download users (CSV)"
        />
      </Group>
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          Names are shown as {app.name} shows them; a person’s own page shows their best-known name. Open a
          row to see what each source saw of the account.
        </Text>
        {severalInstances && (
          <Text size="sm" c="dimmed">
            {app.name} has {app.instances.length} instances, one row per user in each: {instances}.
          </Text>
        )}
      </Stack>
      <DataTable<Account>
        noun={`${app.name} accounts`}
        columns={severalInstances ? columnsWithInstance : columns}
        rows={rows}
        loading={pages.query.isPending}
        refreshing={pages.query.isPlaceholderData}
        error={pages.query.error}
        rowKey={(a) => `${a.email}|${a.instance}`}
        detail={severalInstances ? detailByInstance : detailByEmail}
        sorting={pages.complete ? { mode: 'client' } : undefined}
        empty="No accounts: no source has reported users of this app yet."
      />
      <Pager pages={pages} shown={rows?.length ?? 0} total={app.users} noun="accounts" />
    </Stack>
  );
}
