import { Badge, Button, List, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { formatDateTime } from '../../api/format';
import { type Columns, DataTable } from '../../components/data-table';
import { ErrorAlert } from '../../components/query-state';
import { durationText, entityLabel, msText } from './entity-label';
import { useCanWrite, useRetryRun, useWorkflowRuns, type WorkflowRun } from './use-workflows';

const statusColors: Record<WorkflowRun['status'], string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
};

export const RunStatus = ({ status }: { status: string }) => (
  // The label keeps its width: a narrow column must not cut "succeeded" short.
  <Badge
    variant="light"
    color={statusColors[status as WorkflowRun['status']] ?? 'gray'}
    styles={{ label: { overflow: 'visible' } }}
  >
    {status}
  </Badge>
);

const column = createColumnHelper<WorkflowRun>();

function runColumns(
  retry: ((id: number) => void) | null,
  retrying: number | undefined,
): Columns<WorkflowRun> {
  const columns: Columns<WorkflowRun> = [
    column.accessor('createdAt', { header: 'When', cell: (c) => formatDateTime(c.getValue()) }),
    column.accessor((r) => String(r.trigger.type ?? ''), {
      id: 'trigger',
      header: 'Trigger',
      cell: (c) => <span title={JSON.stringify(c.row.original.trigger)}>{c.getValue()}</span>,
    }),
    column.accessor((r) => entityLabel(r.entity), { id: 'entity', header: 'Entity' }),
    column.display({
      id: 'steps',
      header: 'Actions',
      cell: (c) =>
        c.row.original.steps.length === 0 ? (
          <Text size="sm" c="dimmed">
            none run yet
          </Text>
        ) : (
          <List size="sm">
            {c.row.original.steps.map((step) => (
              <List.Item key={step.id}>
                {step.id} ({step.type}): {step.status}, {msText(step.durationMs)}
                {step.requests.map((r) => (
                  <Text key={`${r.method} ${r.url}`} size="xs" c="dimmed">
                    {r.method} {r.url}
                    {r.status !== null ? ` → ${r.status}` : ''}
                  </Text>
                ))}
                {step.error && (
                  <Text size="xs" c="red">
                    {step.error}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        ),
    }),
    column.accessor('status', { header: 'Outcome', cell: (c) => <RunStatus status={c.getValue()} /> }),
    column.accessor((r) => durationText(r.startedAt, r.finishedAt), { id: 'duration', header: 'Duration' }),
    column.accessor((r) => r.error ?? '', {
      id: 'error',
      header: 'Error',
      cell: (c) => (
        <Text size="sm" c="red">
          {c.getValue()}
        </Text>
      ),
    }),
  ];
  if (!retry) return columns;
  return [
    ...columns,
    column.display({
      id: 'retry',
      header: 'Retry',
      cell: (c) =>
        c.row.original.status === 'failed' ? (
          <Button
            size="xs"
            variant="light"
            loading={retrying === c.row.original.id}
            onClick={() => retry(c.row.original.id)}
            aria-label={`Retry run ${c.row.original.id}`}
          >
            Retry
          </Button>
        ) : null,
    }),
  ];
}

/** A workflow's run log, newest first: what fired it, for whom, what each action did; failed runs retry. */
export function WorkflowRuns({ name }: { name: string }) {
  const runs = useWorkflowRuns(name);
  const retry = useRetryRun(name);
  const canRetry = useCanWrite();
  return (
    <>
      {retry.error ? <ErrorAlert error={retry.error} title="The run was not retried" /> : null}
      <DataTable
        noun="workflow runs"
        columns={runColumns(
          canRetry ? (id) => retry.mutate(id) : null,
          retry.isPending ? retry.variables : undefined,
        )}
        rows={runs.data}
        loading={runs.isPending}
        error={runs.error}
        empty="No runs yet: an enabled workflow runs when its trigger fires."
        rowKey={(r) => String(r.id)}
      />
    </>
  );
}
