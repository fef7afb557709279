import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { ErrorAlert } from '../../components/query-state';
import { AppPicker } from './app-picker';
import { priorityError, type RuleDraft, ruleInputOf } from './rule-draft';
import { RuleTestResult } from './rule-test-result';

/** Everything a rule change moves: the figures, the lines' statuses, the rules' counts. */
export const expenseQueryKeys = [
  ['expenses-summary'],
  ['expense-lines'],
  ['expense-rules'],
  ['expense-accounts'],
];

/**
 * Adds a rule in two clicks: Test shows what the rule would do to the history, and only then Save writes
 * it. Changing any field clears the test, so what is saved is always what was tested.
 */
export function RuleForm({
  initial,
  currency,
  onSaved,
}: {
  initial: RuleDraft;
  currency: string;
  onSaved: () => void;
}) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<RuleDraft>(initial);
  const test = useMutation({
    mutationFn: (d: RuleDraft) => unwrap(api.POST('/api/v1/expenses/rules/test', { body: ruleInputOf(d) })),
  });
  const save = useMutation({
    mutationFn: (d: RuleDraft) => unwrap(api.POST('/api/v1/expenses/rules', { body: ruleInputOf(d) })),
    onSuccess: async () => {
      await Promise.all(expenseQueryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      onSaved();
    },
  });
  const change = (patch: Partial<RuleDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    test.reset();
    save.reset();
  };
  const badPriority = priorityError(draft);
  return (
    <Stack gap="xs">
      <form
        aria-label="Add a rule"
        onSubmit={(e) => {
          e.preventDefault();
          if (badPriority === null) test.mutate(draft);
        }}
      >
        <Group align="flex-end">
          <NativeSelect
            label="Action"
            value={draft.action}
            data={[
              { value: 'match', label: 'Match (put on an app)' },
              { value: 'ignore', label: 'Ignore (not software)' },
            ]}
            onChange={(e) => change({ action: e.currentTarget.value as RuleDraft['action'] })}
          />
          {draft.action === 'match' && (
            <AppPicker label="App" value={draft.app} onChange={(app) => change({ app })} />
          )}
          <NativeSelect
            label="Field"
            value={draft.field}
            data={['vendor', 'description']}
            onChange={(e) => change({ field: e.currentTarget.value as RuleDraft['field'] })}
          />
          <NativeSelect
            label="Operator"
            value={draft.op}
            data={['contains', 'equals', 'regex']}
            onChange={(e) => change({ op: e.currentTarget.value as RuleDraft['op'] })}
          />
          <TextInput
            label="Value"
            value={draft.value}
            onChange={(e) => change({ value: e.currentTarget.value })}
            required
          />
          <TextInput
            label="Priority"
            description="lower first; empty: last"
            value={draft.priority}
            error={badPriority ?? undefined}
            onChange={(e) => change({ priority: e.currentTarget.value })}
            w={140}
          />
          <Button type="submit" variant="default" loading={test.isPending}>
            Test rule
          </Button>
          <Button
            onClick={() => save.mutate(draft)}
            disabled={!test.data || badPriority !== null}
            loading={save.isPending}
          >
            Save rule
          </Button>
        </Group>
      </form>
      {!test.data && !test.error && (
        <Text size="xs" c="dimmed">
          Test the rule to see what it would change; Save is offered once it is tested.
        </Text>
      )}
      {test.error && <ErrorAlert error={test.error} title="The rule cannot be tested" />}
      {save.error && <ErrorAlert error={save.error} title="No rule saved" />}
      {test.data && <RuleTestResult test={test.data} currency={currency} />}
    </Stack>
  );
}
