import { Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Schemas } from '../../api/client';
import { useMe } from '../../app/use-me';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useChooseEmployeeSource, useEmployeeSource } from './use-employee-source';

type Source = Schemas['Source'];
type Rule = Schemas['EmployeeSourceOfTruth']['rule'];

const ruleLabels: Record<Rule, string> = {
  chosen: 'Chosen by an admin',
  hr_sources: 'Default rule: the HR sources',
  identity_providers: 'Default rule: the identity providers',
  none: 'No connected source reports employees',
};

/**
 * Which source decides who is an employee, by which rule and why. Admins may choose a source or return
 * to the default rule; the server allows only them, so others see no control.
 */
export function EmployeeSourceCard({ sources }: { sources: Source[] }) {
  const truth = useEmployeeSource();
  const me = useMe();
  const choose = useChooseEmployeeSource();
  const [picked, setPicked] = useState<string | null>(null);
  if (!truth.data) return <QueryState query={truth} what="the employee source of truth" />;
  const { chosen, effective, rule, explanation } = truth.data;
  const current = chosen ? String(chosen.id) : '';
  const value = picked ?? current;
  const candidates = sources.filter((s) => !s.disconnectedAt && s.capabilities?.employees);
  return (
    <Card
      withBorder
      component="section"
      aria-labelledby="employee-source-title"
      data-testid="employee-source"
    >
      <Stack gap="xs">
        <Title order={2} size="h4" id="employee-source-title">
          Employee source of truth
        </Title>
        <Text size="sm">
          {effective.length
            ? `Who is an employee comes from: ${effective.map((s) => s.name).join(', ')}`
            : 'No source decides who is an employee.'}
        </Text>
        <Text size="sm" fw={600}>
          {ruleLabels[rule]}
        </Text>
        <Text size="sm" c="dimmed">
          {explanation}
        </Text>
        {me.data?.role === 'admin' ? (
          <Group align="end" gap="sm">
            <NativeSelect
              label="Employee source"
              data={[
                { value: '', label: 'Default rule (HR sources, else identity providers)' },
                ...candidates.map((s) => ({ value: String(s.id), label: s.name })),
              ]}
              value={value}
              onChange={(e) => setPicked(e.currentTarget.value)}
              maw={360}
            />
            <Button
              variant="default"
              disabled={value === current}
              loading={choose.isPending}
              onClick={() =>
                choose.mutate(value ? Number(value) : null, { onSuccess: () => setPicked(null) })
              }
            >
              Save
            </Button>
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            Only an admin can choose another source.
          </Text>
        )}
        {choose.error && <ErrorAlert error={choose.error} title="The employee source was not changed" />}
      </Stack>
    </Card>
  );
}
