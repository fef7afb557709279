import { Alert, List, Stack, Table, Text } from '@mantine/core';
import type { Schemas } from '../../api/client';
import { countOf, formatMoney } from '../../api/format';
import { takenFrom } from './rule-draft';

type RuleTest = Schemas['ExpenseRuleTest'];

const outcomes = ['matched', 'ignored', 'unmatched'] as const;

/** What a rule would do to the history, shown before it is saved. */
export function RuleTestResult({ test, currency }: { test: RuleTest; currency: string }) {
  const money = (n: number) => formatMoney(n, currency);
  return (
    <Alert color="blue" title="What this rule would do" data-testid="rule-test">
      <Stack gap="xs">
        <Text size="sm">
          Its condition holds for {countOf(test.meets.lines, 'line')} ({money(test.meets.amount)}); it decides{' '}
          {test.decides.lines} of them ({money(test.decides.amount)})
          {test.decides.lines < test.meets.lines && ', an earlier rule taking the others'}. Priority{' '}
          {test.rule.priority}.
        </Text>
        <Table aria-label="Lines before and after the rule" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>Before</Table.Th>
              <Table.Th>After</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {outcomes.map((o) => (
              <Table.Tr key={o} data-testid={`rule-test-${o}`}>
                <Table.Th scope="row">{o[0]?.toUpperCase() + o.slice(1)}</Table.Th>
                <Table.Td>
                  {countOf(test.before[o].lines, 'line')}, {money(test.before[o].amount)}
                </Table.Td>
                <Table.Td>
                  {countOf(test.after[o].lines, 'line')}, {money(test.after[o].amount)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {test.takes.length === 0 ? (
          <Text size="sm">It changes no line’s outcome.</Text>
        ) : (
          <>
            <Text size="sm">The lines it takes, by what decided them before:</Text>
            <List size="sm" data-testid="rule-test-takes">
              {test.takes.map((t) => (
                <List.Item key={`${t.from}-${t.ruleId}-${t.alias}-${t.app}-${t.ignored}`}>
                  {countOf(t.lines, 'line')} ({money(t.amount)}) from {takenFrom(t)}
                  {t.examples.length > 0 && `: ${t.examples.join(', ')}`}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Alert>
  );
}
