import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import type { Schemas } from '../../api/client';
import { formatDateTime } from '../../api/format';
import type { Columns, RowDetail } from '../../components/data-table';
import { PagedTable } from '../../components/paged-table';
import { canMarkDone, canRetry, type TaskStatus, taskStatusLabels } from './offboarding-rules';

export type Task = Schemas['Offboarding']['tasks'][number];
const column = createColumnHelper<Task>();

const statusColors: Record<TaskStatus, string> = {
  pending: 'gray',
  in_progress: 'blue',
  done: 'green',
  failed: 'red',
  skipped: 'gray',
};

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  return (
    // Its full width: a narrow column would otherwise cut the label to "D…".
    <Badge color={statusColors[status]} variant="light" miw="max-content">
      {taskStatusLabels[status]}
    </Badge>
  );
}

const taskName = (t: Task) => `${t.app} (${t.instance}) for ${t.email}`;

const baseColumns: Columns<Task> = [
  column.accessor('app', { header: 'App' }),
  column.accessor('instance', { header: 'Instance' }),
  column.accessor('email', { header: 'Email' }),
  column.accessor('accountStatus', { header: 'Account status' }),
  column.accessor('method', { header: 'Method' }),
  column.accessor('status', { header: 'Status', cell: (c) => <TaskStatusBadge status={c.getValue()} /> }),
  column.accessor((t) => t.doneBy ?? '—', { id: 'doneBy', header: 'Done by' }),
  column.accessor((t) => formatDateTime(t.doneAt), { id: 'doneAt', header: 'Done at' }),
  column.accessor((t) => t.note ?? '—', { id: 'note', header: 'Note' }),
];

/** What one task asks of Roster's API or the app's: every request made, in order. */
const callsDetail: RowDetail<Task> = {
  label: (t) => `Show the requests made for ${taskName(t)}`,
  render: (t) =>
    t.calls.length === 0 ? (
      <Text size="sm" c="dimmed">
        No requests made{t.method === 'automatic' ? ' yet' : ': this method makes none'}.
      </Text>
    ) : (
      <Table fz="xs" aria-label={`Requests made for ${taskName(t)}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>At</Table.Th>
            <Table.Th>Method</Table.Th>
            <Table.Th>URL</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Detail</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {t.calls.map((call, i) => (
            // Calls have no identity of their own; their order is the order they were made in.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <Table.Tr key={i}>
              <Table.Td>{formatDateTime(call.at)}</Table.Td>
              <Table.Td>{call.method}</Table.Td>
              <Table.Td style={{ wordBreak: 'break-all' }}>{call.url}</Table.Td>
              <Table.Td>{call.status ?? 'no answer'}</Table.Td>
              <Table.Td>{call.detail ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    ),
};

export interface TaskActions {
  markDone: (task: Task) => void;
  retry: (task: Task) => void;
  /** The task a change is being made to, whose buttons wait for it. */
  busyTaskId: number | null;
}

/** The offboarding's tasks, one row per account; editors get each task's actions in a last column. */
export function TaskTable({ tasks, actions }: { tasks: Task[]; actions: TaskActions | null }) {
  const columns: Columns<Task> = actions
    ? [
        ...baseColumns,
        column.display({
          id: 'actions',
          header: 'Actions',
          cell: (c) => <TaskButtons task={c.row.original} actions={actions} />,
        }),
      ]
    : baseColumns;
  return (
    <PagedTable
      noun="Tasks"
      columns={columns}
      rows={tasks}
      rowKey={(t) => String(t.id)}
      detail={callsDetail}
      empty="No tasks: the person has no account in any app."
    />
  );
}

function TaskButtons({ task, actions }: { task: Task; actions: TaskActions }) {
  const busy = actions.busyTaskId === task.id;
  return (
    <Group gap={4} wrap="nowrap">
      {canMarkDone(task) && (
        <Button
          size="compact-xs"
          variant="default"
          loading={busy}
          aria-label={`Mark done: ${taskName(task)}`}
          onClick={() => actions.markDone(task)}
        >
          Mark done
        </Button>
      )}
      {canRetry(task) && (
        <Button
          size="compact-xs"
          variant="default"
          loading={busy}
          aria-label={`Retry: ${taskName(task)}`}
          onClick={() => actions.retry(task)}
        >
          Retry
        </Button>
      )}
    </Group>
  );
}
