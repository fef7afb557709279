import { Badge, Card, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { formatDateTime, formatNumber } from '../api/format';
import { QueryState } from './query-state';

export type ExplainWhat =
  | 'app-users'
  | 'app-licenses'
  | 'app-usage'
  | 'inactive'
  | 'user-count'
  | 'expenses-total'
  | 'expenses-app';

/** "Why these numbers": how a figure was computed, from which sources, and what would complete it. */
export function ExplanationPanel({ what, app }: { what: ExplainWhat; app?: string }) {
  const query = useQuery({
    queryKey: ['explain', what, app ?? null],
    queryFn: () =>
      unwrap(api.GET('/api/v1/explain/{what}', { params: { path: { what }, query: app ? { app } : {} } })),
  });
  if (!query.data) return <QueryState query={query} what="the explanation" />;
  const e = query.data;
  return (
    <Stack gap="sm" data-testid={`explanation-${what}`}>
      <Text size="sm">{e.computation}</Text>
      <Table withTableBorder w="fit-content" aria-label="Figures">
        <Table.Tbody>
          {Object.entries(e.figure).map(([name, value]) => (
            <Table.Tr key={name}>
              <Table.Th>{name}</Table.Th>
              <Table.Td>{value === null ? 'unknown' : formatNumber(value)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {e.causes.length > 0 && (
        <Card withBorder>
          <Title order={4}>Why</Title>
          <List size="sm">
            {e.causes.map((c) => (
              <List.Item key={c.code}>{c.text}</List.Item>
            ))}
          </List>
        </Card>
      )}
      {e.sources.length > 0 && (
        <Card withBorder>
          <Title order={4}>Sources behind it</Title>
          <List size="sm">
            {e.sources.map((s) => (
              <List.Item key={s.name}>
                {s.name} ({s.kind}) <Badge variant="outline">{s.coverage}</Badge> {s.freshness}
                {s.lastSuccessAt ? ` · last success ${formatDateTime(s.lastSuccessAt)}` : ''}
              </List.Item>
            ))}
          </List>
        </Card>
      )}
      {e.excluded.length > 0 && (
        <Card withBorder>
          <Title order={4}>Not counted</Title>
          <List size="sm">
            {e.excluded.map((x) => (
              <List.Item key={x.what}>
                {formatNumber(x.count)} {x.what}: {x.why}
              </List.Item>
            ))}
          </List>
        </Card>
      )}
      {e.toImprove.length > 0 && (
        <Card withBorder>
          <Title order={4}>To make it more complete</Title>
          <List size="sm">
            {e.toImprove.map((t) => (
              <List.Item key={t}>{t}</List.Item>
            ))}
          </List>
        </Card>
      )}
    </Stack>
  );
}
