import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../api/format';
import { useCanWrite } from '../../app/use-me';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { personPath } from '../people/people-page';
import { completionText, countsText } from './offboarding-rules';
import { type Task, type TaskActions, TaskTable } from './task-table';
import {
  completeOffboarding,
  markTaskDone,
  reopenOffboarding,
  retryTask,
  useOffboarding,
  useOffboardingChange,
} from './use-offboarding';

/** One person's offboarding: where it stands, who did what, and every task with the requests it made. */
export function OffboardingViewPage() {
  const id = Number(useParams().id);
  const offboarding = useOffboarding(id);
  const canWrite = useCanWrite();
  const markDone = useOffboardingChange(id, (task: Task) => markTaskDone(id, task.id));
  const retry = useOffboardingChange(id, (task: Task) => retryTask(id, task.id));
  const complete = useOffboardingChange(id, () => completeOffboarding(id));
  const reopen = useOffboardingChange(id, () => reopenOffboarding(id));
  if (!offboarding.data) return <QueryState query={offboarding} what={`offboarding ${id}`} />;
  const o = offboarding.data;
  const pendingTask = markDone.isPending ? markDone.variables : retry.isPending ? retry.variables : undefined;
  const actions: TaskActions | null = canWrite
    ? {
        markDone: (task) => markDone.mutate(task),
        retry: (task) => retry.mutate(task),
        busyTaskId: pendingTask?.id ?? null,
      }
    : null;
  const failed = [markDone, retry, complete, reopen].find((m) => m.error);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Offboarding {o.primaryEmail}</Title>
          <Group gap="xs">
            <Badge variant="outline" color={o.status === 'completed' ? 'green' : 'blue'}>
              {o.status === 'completed' ? 'Completed' : 'In progress'}
            </Badge>
            <Text size="sm" data-testid="completion">
              {completionText(o)}
              {o.completedAt ? ` on ${formatDateTime(o.completedAt)}` : ''}
            </Text>
          </Group>
        </div>
        {canWrite && (
          <Group gap="xs">
            {o.status === 'in_progress' ? (
              <Button onClick={() => complete.mutate(undefined)} loading={complete.isPending}>
                Mark completed
              </Button>
            ) : (
              <Button variant="default" onClick={() => reopen.mutate(undefined)} loading={reopen.isPending}>
                Re-open
              </Button>
            )}
          </Group>
        )}
      </Group>
      <Table fz="sm" aria-label="About this offboarding" w="auto">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th>Person</Table.Th>
            <Table.Td>
              <Anchor component={Link} to={personPath(o.primaryEmail)}>
                {o.primaryEmail}
              </Anchor>
              {o.emails.length > 1 && ` (also ${o.emails.filter((e) => e !== o.primaryEmail).join(', ')})`}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Started</Table.Th>
            <Table.Td>
              {formatDateTime(o.startedAt)} by {o.startedBy}
            </Table.Td>
          </Table.Tr>
          {o.forced && (
            <Table.Tr>
              <Table.Th>Forced</Table.Th>
              <Table.Td>
                by {o.forced.by}, although the person was current: {o.forced.reason}
              </Table.Td>
            </Table.Tr>
          )}
          {o.reopenedAt && (
            <Table.Tr>
              <Table.Th>Re-opened</Table.Th>
              <Table.Td>
                {formatDateTime(o.reopenedAt)} by {o.reopenedBy ?? 'an unknown member'}
              </Table.Td>
            </Table.Tr>
          )}
          <Table.Tr>
            <Table.Th>Tasks</Table.Th>
            <Table.Td>{countsText(o.counts)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {failed?.error && <ErrorAlert error={failed.error} title="The change was not made" />}
      {o.status === 'completed' && o.counts.pending + o.counts.in_progress > 0 && (
        <Alert color="yellow" role="status">
          <Text size="sm">Some tasks are still running; what they do is recorded here when they finish.</Text>
        </Alert>
      )}
      <Title order={2}>Tasks</Title>
      <Text size="sm" c="dimmed">
        One task per account of every email, active, suspended or deleted; open a row for the requests made.
      </Text>
      <TaskTable tasks={o.tasks} actions={actions} />
    </Stack>
  );
}
