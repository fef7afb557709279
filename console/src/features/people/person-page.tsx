import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { Link, useParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { formatAge, formatDate, formatMoney, formatNumber } from '../../api/format';
import type { Columns } from '../../components/data-table';
import { PagedTable } from '../../components/paged-table';
import { QueryState } from '../../components/query-state';
import { InstanceName, observationsDetail, SeenBy, seenByText } from '../accounts/account-sources';
import { appPath } from '../apps/apps-page';
import { PersonOffboarding } from '../offboarding/person-offboarding';
import { typeLabels } from './people-page';

type Account = Schemas['UserDetail']['accounts'][number];
type License = Account & { type: string };
const account = createColumnHelper<Account>();
const license = createColumnHelper<License>();

const lastUsed = (a: Account) =>
  `${formatAge(a.lastUsedAt)}${a.lastUsedSource ? ` (${a.lastUsedSource})` : ''}`;

const appColumns: Columns<Account> = [
  account.accessor('app', {
    header: 'App',
    cell: (c) => (
      <Anchor component={Link} to={appPath(c.getValue())}>
        {c.getValue()}
      </Anchor>
    ),
  }),
  account.accessor('email', { header: 'Email' }),
  account.accessor((a) => a.nameInApp ?? '—', { id: 'nameInApp', header: 'Name in the app' }),
  account.accessor((a) => a.role ?? '—', { id: 'role', header: 'Role' }),
  account.accessor(lastUsed, { id: 'lastUsed', header: 'Last used' }),
  account.accessor(seenByText, {
    id: 'seenBy',
    header: 'Seen by',
    cell: (c) => <SeenBy account={c.row.original} />,
  }),
];

/** When the person has accounts in several instances of one app, the Instance column tells them apart. */
const appColumnsWithInstance: Columns<Account> = [
  ...appColumns.slice(0, 1),
  account.accessor('instance', {
    header: 'Instance',
    cell: (c) => <InstanceName instance={c.getValue()} />,
  }),
  ...appColumns.slice(1),
];

const detailByApp = observationsDetail<Account>((a) => `${a.email} in ${a.app}`);
const detailByInstance = observationsDetail<Account>(
  (a) => `${a.email} in ${a.app}, in the ${a.instance} instance`,
);

const licenseColumns: Columns<License> = [
  license.accessor('app', { header: 'App' }),
  license.accessor('type', { header: 'License type' }),
  license.accessor('email', { header: 'Email' }),
  license.accessor((l) => formatAge(l.lastUsedAt), { id: 'lastUsed', header: 'Last used' }),
];

/** An attribute as the HR system or IdP sent it: text as is, anything else as JSON. */
const attributeText = (value: unknown) =>
  value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/** One person: every email, the apps they use now, their licenses and what HR or the IdP says. */
export function PersonPage() {
  const email = useParams().email ?? '';
  const person = useQuery({
    queryKey: ['person', email],
    queryFn: () => unwrap(api.GET('/api/v1/users/{email}', { params: { path: { email } } })),
  });
  if (!person.data) return <QueryState query={person} what={email} />;
  const p = person.data;
  // The person's page shows active accounts, and counts their apps as the People list does; offboarding
  // lists removed and suspended ones too.
  const active = p.accounts.filter((a) => !a.removedAt && a.status === 'active');
  const apps = new Set(active.map((a) => a.app)).size;
  // The same email in two instances of one app: two rows the Instance column tells apart.
  const severalInstances = new Set(active.map((a) => `${a.app}|${a.email}`)).size < active.length;
  const licenses = active.flatMap((a) => a.licenseTypes.map((type) => ({ ...a, type })));
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{p.name ?? p.primaryEmail}</Title>
          <Group gap="xs">
            <Badge variant="outline" title={`Decided by: ${p.typeRule}`}>
              {typeLabels[p.type]}
            </Badge>
            <Badge variant="outline">{p.status}</Badge>
            <Text size="sm" c="dimmed">
              {p.nameSource === 'employee_record'
                ? 'Name from the employee record (HR or IdP)'
                : p.nameSource === 'apps'
                  ? 'Name as most apps show it'
                  : 'No name known'}
            </Text>
          </Group>
        </div>
        <PersonOffboarding email={p.primaryEmail} />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder>
          <Title order={2} size="h4">
            Emails
          </Title>
          <Stack gap={4} mt="xs">
            {p.emails.map((e) => (
              <Text key={e.email} size="sm">
                {e.email} {e.primary && <Badge size="xs">primary</Badge>}
                {e.linkedBy && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    (alias from {e.linkedBy.source} {e.linkedBy.field})
                  </Text>
                )}
              </Text>
            ))}
          </Stack>
        </Card>
        <Card withBorder>
          <Title order={2} size="h4">
            Annual cost
          </Title>
          <Text size="xl" fw={700}>
            {formatMoney(p.annualCost)}
          </Text>
          <Text size="xs" c="dimmed">
            Active licenses with a known price, across all emails
          </Text>
          {p.expenseSpend && (
            <Text size="sm" mt="xs" data-testid="person-spend">
              Expenses: {formatMoney(p.expenseSpend.annualised, p.expenseSpend.currency)} a year (
              {formatMoney(p.expenseSpend.total, p.expenseSpend.currency)} in{' '}
              {formatNumber(p.expenseSpend.lines)} lines paid by their emails), beside the license cost
            </Text>
          )}
        </Card>
        <Card withBorder data-testid="attributes">
          <Title order={2} size="h4">
            From HR / IdP
          </Title>
          {p.employee ? (
            <Table fz="sm" aria-label="Employee attributes">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th>Source</Table.Th>
                  <Table.Td>{p.employee.source}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Status</Table.Th>
                  <Table.Td>{p.employee.status}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Department</Table.Th>
                  <Table.Td>{p.employee.department ?? '—'}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Manager</Table.Th>
                  <Table.Td>{p.employee.managerEmail ?? '—'}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Termination date</Table.Th>
                  <Table.Td>{formatDate(p.employee.terminationDate)}</Table.Td>
                </Table.Tr>
                {Object.entries(p.employee.attributes).map(([name, value]) => (
                  <Table.Tr key={name}>
                    <Table.Th>{name}</Table.Th>
                    <Table.Td>{attributeText(value)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text size="sm" c="dimmed">
              No employee record: the HR system or IdP does not list {p.primaryEmail}.
            </Text>
          )}
        </Card>
      </SimpleGrid>
      <Title order={2}>Apps ({formatNumber(apps)})</Title>
      <Text size="sm" c="dimmed">
        Active accounts only, one row per account; open a row to see what each source saw of it. Offboarding
        lists every account, deleted and suspended ones too, because someone may still sign in with a
        password.
      </Text>
      <PagedTable
        noun="Apps"
        columns={severalInstances ? appColumnsWithInstance : appColumns}
        rows={active}
        rowKey={(a) => `${a.app}|${a.email}|${a.instance}`}
        detail={severalInstances ? detailByInstance : detailByApp}
        empty="No active accounts."
      />
      <Title order={2}>Licenses ({formatNumber(licenses.length)})</Title>
      <PagedTable
        noun="Licenses"
        columns={licenseColumns}
        rows={licenses}
        rowKey={(l) => `${l.app}|${l.email}|${l.instance}|${l.type}`}
        empty="No licenses."
      />
    </Stack>
  );
}
