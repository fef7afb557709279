import { Button, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useCanWrite } from '../../app/use-me';
import { ExplanationPanel } from '../../components/explanation-panel';
import { QueryState } from '../../components/query-state';
import { ExpenseRules } from './expense-rules';
import { ExpenseUploadForm } from './expense-upload-form';
import { ExpensesAppsTable } from './expenses-apps-table';
import { ExpensesSummary } from './expenses-summary';
import type { RuleDraft } from './rule-draft';
import { SourceAccounts } from './source-accounts';
import { UnmatchedLines } from './unmatched-lines';

/**
 * What the organisation spends: the summary, spend per app, the unmatched lines to write rules for, the
 * rules (tested before they are saved), an expense file to upload, and each source's item kind and accounts.
 */
export function ExpensesPage() {
  const canWrite = useCanWrite();
  const [explaining, setExplaining] = useState(false);
  // The rule form's content; the key remounts the form each time a suggestion fills it.
  const [draft, setDraft] = useState<{ key: number; rule: RuleDraft } | null>(null);
  const openRule = (rule: RuleDraft) => {
    setDraft((d) => ({ key: (d?.key ?? 0) + 1, rule }));
    document.getElementById('expense-rules')?.scrollIntoView({ behavior: 'smooth' });
  };
  const summary = useQuery({
    queryKey: ['expenses-summary'],
    queryFn: () => unwrap(api.GET('/api/v1/expenses/summary')),
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
          <Button component="a" href="/api/v1/expenses/lines.csv" download="expenses.csv" variant="default">
            Download all lines (CSV)
          </Button>
        </Group>
      </Group>
      <ExpensesSummary summary={s} />
      <Title order={2}>Spend per app</Title>
      <ExpensesAppsTable apps={s.apps} currency={s.currency} />
      <UnmatchedLines currency={s.currency} onUseRule={openRule} />
      <ExpenseRules currency={s.currency} draft={draft} onOpen={openRule} onClose={() => setDraft(null)} />
      <Title order={2}>Sources</Title>
      {canWrite && <ExpenseUploadForm />}
      {s.countItems.length === 0 ? (
        <Text c="dimmed">No expense source yet: import an export above, or with roster import expenses.</Text>
      ) : (
        s.countItems.map((source) => (
          <Stack key={source.sourceId} gap="xs">
            <Title order={3}>{source.source}</Title>
            <Text size="sm">
              Counts{' '}
              {source.countItems === 'main'
                ? 'main items (a report’s line items only when it has no main item)'
                : 'line items (a report’s main item only when it has no line items)'}
              . An excluded account’s lines count in no figure.
            </Text>
            <SourceAccounts sourceId={source.sourceId} source={source.source} />
          </Stack>
        ))
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
