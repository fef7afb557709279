import { Button, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { countOf, formatDate, formatMoney } from '../../api/format';
import { useCanWrite } from '../../app/use-me';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { emptyRuleDraft, type RuleDraft } from './rule-draft';
import { expenseQueryKeys, RuleForm } from './rule-form';

type Rule = Schemas['ExpenseRule'];

function RemoveRule({ rule }: { rule: Rule }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () =>
      unwrap(api.DELETE('/api/v1/expenses/rules/{id}', { params: { path: { id: rule.id } } })),
    onSuccess: () =>
      Promise.all(expenseQueryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
  return (
    <>
      <Button
        size="xs"
        color="red"
        variant="light"
        loading={remove.isPending}
        onClick={() => remove.mutate()}
        aria-label={`Remove rule #${rule.id}`}
      >
        Remove
      </Button>
      {remove.error && <ErrorAlert error={remove.error} title="Rule not removed" />}
    </>
  );
}

/**
 * The Match and Ignore rules in the order they apply, and (for editors and admins) adding one, tested
 * first, and removing one. `draft` opens the form filled in, from an unmatched line's suggested rule.
 */
export function ExpenseRules({
  currency,
  draft,
  onOpen,
  onClose,
}: {
  currency: string;
  /** The rule being added, with a key that changes each time the form is (re)filled; null: form closed. */
  draft: { key: number; rule: RuleDraft } | null;
  onOpen: (rule: RuleDraft) => void;
  onClose: () => void;
}) {
  const canWrite = useCanWrite();
  const rules = useQuery({
    queryKey: ['expense-rules'],
    queryFn: () => unwrap(api.GET('/api/v1/expenses/rules')),
  });
  return (
    <Stack gap="xs" id="expense-rules">
      <Group justify="space-between">
        <Title order={2}>Rules</Title>
        {canWrite && !draft && (
          <Button variant="default" onClick={() => onOpen(emptyRuleDraft)}>
            Add a rule
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        Rules apply in priority order, lowest first, to every past and future line; the first whose condition
        holds decides the line. A line set by hand keeps its app.
      </Text>
      {canWrite && draft && (
        <Stack gap="xs">
          <RuleForm key={draft.key} initial={draft.rule} currency={currency} onSaved={onClose} />
          <Group>
            <Button size="xs" variant="subtle" onClick={onClose}>
              Cancel
            </Button>
          </Group>
        </Stack>
      )}
      {!rules.data ? (
        <QueryState query={rules} what="rules" />
      ) : rules.data.items.length === 0 ? (
        <Text c="dimmed">No rule yet: unmatched lines are matched automatically or not at all.</Text>
      ) : (
        <Table aria-label="Expense rules" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Priority</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Condition</Table.Th>
              <Table.Th>App</Table.Th>
              <Table.Th>Decides</Table.Th>
              <Table.Th>Added</Table.Th>
              {canWrite && <Table.Th>Remove</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rules.data.items.map((rule) => (
              <Table.Tr key={rule.id}>
                <Table.Td>{rule.priority}</Table.Td>
                <Table.Td>{rule.action === 'match' ? 'Match' : 'Ignore'}</Table.Td>
                <Table.Td>
                  <Code>{`${rule.field} ${rule.op} "${rule.value}"`}</Code>
                </Table.Td>
                <Table.Td>{rule.app ?? '—'}</Table.Td>
                <Table.Td>
                  {countOf(rule.lines, 'line')}, {formatMoney(rule.amount, currency)}
                </Table.Td>
                <Table.Td>
                  {rule.createdBy.replace(/^member:/, '')}, {formatDate(rule.createdAt)}
                </Table.Td>
                {canWrite && (
                  <Table.Td>
                    <RemoveRule rule={rule} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
