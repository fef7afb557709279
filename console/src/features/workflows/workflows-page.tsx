import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { formatAge, formatDateTime } from '../../api/format';
import { type Columns, DataTable } from '../../components/data-table';
import { EnabledSwitch, useCanManageWorkflows } from './enabled-switch';
import { useWorkflows, type WorkflowSummary, workflowPath } from './use-workflows';
import { RunStatus } from './workflow-runs';

const modeLabels: Record<WorkflowSummary['mode'], string> = {
  new_matches: 'New matches only',
  every_match: 'Every match',
};

const column = createColumnHelper<WorkflowSummary>();
const columns: Columns<WorkflowSummary> = [
  column.accessor('name', {
    header: 'Workflow',
    cell: (c) => (
      <Anchor component={Link} to={workflowPath(c.getValue())}>
        {c.getValue()}
      </Anchor>
    ),
  }),
  column.accessor('enabled', {
    header: 'State',
    cell: (c) => <EnabledSwitch name={c.row.original.name} enabled={c.getValue()} />,
  }),
  column.accessor('trigger', { header: 'Trigger' }),
  column.accessor('mode', { header: 'Mode', cell: (c) => modeLabels[c.row.original.mode] }),
  column.accessor((w) => w.lastRun?.at ?? '', {
    id: 'lastRun',
    header: 'Last run',
    cell: (c) => {
      const run = c.row.original.lastRun;
      if (!run)
        return (
          <Text size="sm" c="dimmed">
            never
          </Text>
        );
      return (
        <Group gap="xs">
          <RunStatus status={run.status} />
          <span title={formatDateTime(run.at)}>{formatAge(run.at)}</span>
        </Group>
      );
    },
  }),
  column.accessor('version', { header: 'Version' }),
];

/** Every workflow with its state, trigger, mode and last run; admins turn them on and off here. */
export function WorkflowsPage() {
  const workflows = useWorkflows();
  const canManage = useCanManageWorkflows();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Workflows</Title>
        {canManage && (
          <Button component={Link} to="/workflows/new">
            New workflow
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        A workflow runs its actions, in order, for each entity its trigger fires for and its conditions match.
      </Text>
      <DataTable
        noun="workflows"
        columns={columns}
        rows={workflows.data}
        loading={workflows.isPending}
        error={workflows.error}
        empty="No workflows yet."
        rowKey={(w) => String(w.id)}
        sorting={{ mode: 'client' }}
      />
    </Stack>
  );
}
