import { Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { formatDate, formatMoney } from '../../api/format';
import { useCanWrite } from '../../app/use-me';
import { type Columns, DataTable } from '../../components/data-table';
import { Pager } from '../../components/pager';
import { useCursorPages } from '../../components/use-cursor-pages';
import { LineAppButton } from './line-app-button';
import { draftOfSuggestion, type RuleDraft } from './rule-draft';

type Line = Schemas['ExpenseLine'];
const column = createColumnHelper<Line>();

const descriptorOf = (l: Line) => [l.vendor, l.description].filter(Boolean).join(' — ');

/**
 * Unmatched lines, biggest first, with the closest apps and the rule that would catch each; editors and
 * admins can start that rule in the rule form (`onUseRule`) or set one line's app by hand.
 */
export function UnmatchedLines({
  currency,
  onUseRule,
}: {
  currency: string;
  onUseRule: (rule: RuleDraft) => void;
}) {
  const canWrite = useCanWrite();
  const pages = useCursorPages(['expense-lines', 'unmatched'], (cursor, limit) =>
    unwrap(api.GET('/api/v1/expenses/lines', { params: { query: { status: 'unmatched', cursor, limit } } })),
  );
  const columns: Columns<Line> = [
    column.accessor('amountConverted', {
      header: 'Amount',
      cell: (c) =>
        c.getValue() === null
          ? `${c.row.original.amount} ${c.row.original.currency} (no rate)`
          : formatMoney(c.getValue(), currency),
    }),
    column.accessor('date', { header: 'Date', cell: (c) => formatDate(c.getValue()) }),
    column.accessor(descriptorOf, {
      id: 'descriptor',
      header: 'Descriptor',
    }),
    column.accessor('source', { header: 'Source' }),
    column.accessor((l) => l.suggestions.map((s) => s.name).join(', '), {
      id: 'suggestions',
      header: 'Closest apps',
    }),
    column.accessor(
      (l) =>
        l.suggestedRule ? `${l.suggestedRule.field} ${l.suggestedRule.op} "${l.suggestedRule.value}"` : '',
      {
        id: 'rule',
        header: 'Rule that would catch it',
        cell: (c) => {
          const suggested = c.row.original.suggestedRule;
          return (
            <Group gap="xs">
              <Code>{c.getValue()}</Code>
              {canWrite && suggested && (
                <Button
                  size="xs"
                  variant="light"
                  aria-label={`Write this rule for ${descriptorOf(c.row.original)}`}
                  onClick={() => onUseRule(draftOfSuggestion(suggested))}
                >
                  Write this rule
                </Button>
              )}
            </Group>
          );
        },
      },
    ),
    ...(canWrite
      ? [
          column.display({
            id: 'app',
            header: 'App by hand',
            cell: (c) => (
              <LineAppButton lineId={c.row.original.id} descriptor={descriptorOf(c.row.original)} />
            ),
          }),
        ]
      : []),
  ];
  const rows = pages.query.data?.items;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2}>Unmatched lines</Title>
        <Button
          component="a"
          href="/api/v1/expenses/lines.csv?status=unmatched"
          download="expenses-unmatched.csv"
          variant="default"
        >
          Download unmatched CSV
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        Biggest first: a Match rule on the vendor puts every line of that descriptor, past and future, on the
        app.
      </Text>
      <DataTable<Line>
        noun="unmatched lines"
        columns={columns}
        rows={rows}
        loading={pages.query.isPending}
        refreshing={pages.query.isPlaceholderData}
        error={pages.query.error}
        rowKey={(l) => String(l.id)}
        empty="Every counted line is matched to an app."
      />
      <Pager pages={pages} shown={rows?.length ?? 0} noun="unmatched lines" />
    </Stack>
  );
}
