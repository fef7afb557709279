import { Badge, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { formatAge } from '../../api/format';
import { QueryState } from '../../components/query-state';
import { HealthBadge } from '../integrations/health-badge';

/** Which sources feed the app, how fresh each is, and which report usage. */
export function AppSourcesTab({ app }: { app: Schemas['AppDetail'] }) {
  const sources = useQuery({
    queryKey: ['sources'],
    queryFn: () => unwrap(api.GET('/api/v1/sources', { params: { query: { includeDisconnected: 'true' } } })),
  });
  if (!sources.data) return <QueryState query={sources} what="sources" />;
  const byId = new Map(sources.data.items.map((s) => [s.id, s]));
  return (
    <Stack>
      {app.sources.length === 0 ? (
        <Text c="dimmed">No source feeds this app.</Text>
      ) : (
        <Table striped aria-label={`Sources of ${app.name}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Source</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Last successful sync</Table.Th>
              <Table.Th>Health</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {app.sources.map((s) => {
              const full = byId.get(s.id);
              return (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td>{s.kind}</Table.Td>
                  <Table.Td>{formatAge(full?.lastSuccessAt)}</Table.Td>
                  <Table.Td>{full ? <HealthBadge source={full} /> : '—'}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Title order={3}>Usage</Title>
      {app.usage.covered ? (
        <List size="sm">
          {app.usage.sources.map((s) => (
            <List.Item key={s.name}>
              {s.name} {s.stale && <Badge color="orange">stale</Badge>}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm">
          No source reports usage of {app.name}.{' '}
          {app.usage.wouldFill.length > 0 && `What would: ${app.usage.wouldFill.join('; ')}.`}
        </Text>
      )}
    </Stack>
  );
}
