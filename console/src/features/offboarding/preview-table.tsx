import { List, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import type { Schemas } from '../../api/client';
import type { Columns, RowDetail } from '../../components/data-table';
import { PagedTable } from '../../components/paged-table';

type PlannedTask = Schemas['OffboardingPreview']['tasks'][number];
const column = createColumnHelper<PlannedTask>();

const columns: Columns<PlannedTask> = [
  column.accessor('app', { header: 'App' }),
  column.accessor('instance', { header: 'Instance' }),
  column.accessor('email', { header: 'Email' }),
  column.accessor('accountStatus', { header: 'Account status' }),
  column.accessor('method', { header: 'Method' }),
  column.accessor('action', { header: 'Action' }),
  column.accessor((t) => t.calls.length, { id: 'calls', header: 'Planned requests' }),
];

const plannedCalls: RowDetail<PlannedTask> = {
  label: (t) => `Show the planned requests for ${t.app} (${t.instance}) for ${t.email}`,
  render: (t) =>
    t.calls.length === 0 ? (
      <Text size="sm" c="dimmed">
        Roster makes no request for this task.
      </Text>
    ) : (
      <List size="xs" spacing={2}>
        {t.calls.map((call, i) => (
          // Planned calls have no identity of their own; their order is the order they would be made in.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <List.Item key={i}>
            <Text span ff="monospace" size="xs">
              {call.method} {call.url}
            </Text>{' '}
            — {call.purpose}
          </List.Item>
        ))}
      </List>
    ),
};

/** Every task starting would create, with the requests each automatic one would make. */
export function PreviewTable({ tasks }: { tasks: PlannedTask[] }) {
  return (
    <PagedTable
      noun="Planned tasks"
      columns={columns}
      rows={tasks}
      rowKey={(t) => `${t.app}|${t.instance}|${t.email}`}
      detail={plannedCalls}
      empty="No tasks: the person has no account in any app."
    />
  );
}
