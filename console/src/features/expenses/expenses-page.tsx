import { Button, Drawer, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { ExplanationPanel } from '../../components/explanation-panel';
import { QueryState } from '../../components/query-state';
import { ExpensesAppsTable } from './expenses-apps-table';
import { ExpensesSummary } from './expenses-summary';
import { UnmatchedLines } from './unmatched-lines';

/**
 * What the organisation spends: the summary, spend per app, the unmatched lines to write rules for, and
 * which item kind each source counts. Rules are managed with `roster expenses rules`.
 */
export function ExpensesPage() {
  const [explaining, setExplaining] = useState(false);
  const summary = useQuery({
    queryKey: ['expenses-summary'],
    queryFn: () => unwrap(api.GET('/api/expenses/summary')),
  });
  if (!summary.data) return <QueryState query={summary} what="expenses" />;
  const s = summary.data;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Expenses</Title>
        <Group gap="xs">
          <Button variant="subtle" onClick={() => setExplaining(true)}>
            Why this total?
          </Button>
          <Button component="a" href="/api/expenses/lines.csv" download="expenses.csv" variant="default">
            Download all lines (CSV)
          </Button>
        </Group>
      </Group>
      <ExpensesSummary summary={s} />
      <Title order={2}>Spend per app</Title>
      <ExpensesAppsTable apps={s.apps} currency={s.currency} />
      <UnmatchedLines currency={s.currency} />
      <Title order={2}>Sources</Title>
      {s.countItems.length === 0 ? (
        <Text c="dimmed">No expense source yet: import an export with roster import expenses.</Text>
      ) : (
        <List size="sm">
          {s.countItems.map((source) => (
            <List.Item key={source.sourceId}>
              {source.source}: counts{' '}
              {source.countItems === 'main'
                ? 'main items (a report’s line items only when it has no main item)'
                : 'line items (a report’s main item only when it has no line items)'}
            </List.Item>
          ))}
        </List>
      )}
      <Drawer
        opened={explaining}
        onClose={() => setExplaining(false)}
        position="right"
        size="lg"
        title="Why: expenses total"
      >
        {explaining && <ExplanationPanel what="expenses-total" />}
      </Drawer>
    </Stack>
  );
}
