import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { formatAge, formatDate, formatMoney, formatNumber } from '../../api/format';
import { QueryState } from '../../components/query-state';
import { appPath } from '../apps/apps-page';
import { typeLabels } from './people-page';

/** One person: every email, the apps they use now, their licenses and what HR or the IdP says. */
export function PersonPage() {
  const email = useParams().email ?? '';
  const person = useQuery({
    queryKey: ['person', email],
    queryFn: () => unwrap(api.GET('/api/users/{email}', { params: { path: { email } } })),
  });
  if (!person.data) return <QueryState query={person} what={email} />;
  const p = person.data;
  // The person's page shows active accounts; offboarding lists removed and suspended ones too.
  const active = p.accounts.filter((a) => !a.removedAt && a.status === 'active');
  const licenses = active.flatMap((a) => a.licenseTypes.map((type) => ({ ...a, type })));
  return (
    <Stack>
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
              </Table.Tbody>
            </Table>
          ) : (
            <Text size="sm" c="dimmed">
              No employee record: the HR system or IdP does not list {p.primaryEmail}.
            </Text>
          )}
        </Card>
      </SimpleGrid>
      <Title order={2}>Apps ({formatNumber(active.length)})</Title>
      <Text size="sm" c="dimmed">
        Active accounts only. Offboarding lists every account, deleted and suspended ones too, because someone
        may still sign in with a password.
      </Text>
      {active.length === 0 ? (
        <Text c="dimmed">No active accounts.</Text>
      ) : (
        <Table striped aria-label="Apps">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>App</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Name in the app</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Last used</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {active.map((a) => (
              <Table.Tr key={`${a.app}|${a.email}|${a.source}`}>
                <Table.Td>
                  <Anchor component={Link} to={appPath(a.app)}>
                    {a.app}
                  </Anchor>
                </Table.Td>
                <Table.Td>{a.email}</Table.Td>
                <Table.Td>{a.nameInApp ?? '—'}</Table.Td>
                <Table.Td>{a.role ?? '—'}</Table.Td>
                <Table.Td>
                  {formatAge(a.lastUsedAt)}
                  {a.lastUsedSource ? ` (${a.lastUsedSource})` : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={2}>Licenses ({formatNumber(licenses.length)})</Title>
      {licenses.length === 0 ? (
        <Text c="dimmed">No licenses.</Text>
      ) : (
        <Table striped aria-label="Licenses">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>App</Table.Th>
              <Table.Th>License type</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Last used</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {licenses.map((l) => (
              <Table.Tr key={`${l.app}|${l.email}|${l.type}|${l.source}`}>
                <Table.Td>{l.app}</Table.Td>
                <Table.Td>{l.type}</Table.Td>
                <Table.Td>{l.email}</Table.Td>
                <Table.Td>{formatAge(l.lastUsedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
