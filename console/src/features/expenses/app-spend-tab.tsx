import { Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { formatMoney, formatNumber } from '../../api/format';
import { idOf } from '../../api/id-of';
import { ExplanationPanel } from '../../components/explanation-panel';
import { QueryState } from '../../components/query-state';

/** One app's spend from expenses, month by month, beside its license cost; and why it is what it is. */
export function AppSpendTab({ app }: { app: string }) {
  const spend = useQuery({
    queryKey: ['app-spend', app],
    queryFn: async () =>
      unwrap(api.GET('/api/v1/expenses/apps/{id}', { params: { path: { id: await idOf('apps', app) } } })),
  });
  if (!spend.data) return <QueryState query={spend} what="the app's spend" />;
  const s = spend.data;
  const money = (n: number | null) => formatMoney(n, s.currency);
  return (
    <Stack>
      <Text>
        {money(s.total)} in {formatNumber(s.lines)} lines; {money(s.annualised)} a year
        {s.licenseCost !== null ? `, beside ${money(s.licenseCost)} a year of licenses` : ''}.
      </Text>
      {s.annualisedWording && (
        <Text size="sm" c="dimmed">
          {s.annualisedWording}
        </Text>
      )}
      {s.months.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Month</Table.Th>
              <Table.Th>Spend</Table.Th>
              <Table.Th>Lines</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.months.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Td>{m.month}</Table.Td>
                <Table.Td>{money(m.amount)}</Table.Td>
                <Table.Td>{formatNumber(m.lines)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="sm">
        <Link to="/expenses">All expenses</Link> ·{' '}
        <a
          href={`/api/v1/expenses/lines.csv?app=${encodeURIComponent(app)}`}
          download={`expenses-${app}.csv`}
        >
          Download this app’s lines (CSV)
        </a>
      </Text>
      <ExplanationPanel what="expenses-app" app={app} />
    </Stack>
  );
}
