import { Button, Group, List, Stack, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { countOf } from '../../api/format';
import { type Columns, DataTable } from '../../components/data-table';
import { entityLabel } from './entity-label';
import { useWorkflowTest } from './use-workflows';

type Match = NonNullable<ReturnType<typeof useWorkflowTest>['data']>['items'][number];
const column = createColumnHelper<Match>();
const columns: Columns<Match> = [
  column.accessor((m) => entityLabel(m.entity), { id: 'entity', header: 'Matches' }),
  column.display({
    id: 'actions',
    header: 'What each action would do',
    cell: (c) => (
      <List size="sm">
        {c.row.original.actions.map((a) => (
          <List.Item key={a.id}>
            <Text span fw={500} size="sm">
              {a.id} ({a.type}):
            </Text>{' '}
            {a.summary}
            {a.requests.map((r) => (
              <Text key={`${r.method} ${r.url}`} size="xs" c="dimmed">
                {r.method} {r.url}
              </Text>
            ))}
          </List.Item>
        ))}
      </List>
    ),
  }),
];

/** Who matches the saved version now and what each action would do; nothing is sent or written. */
export function WorkflowTestPreview({ name }: { name: string }) {
  const [requested, setRequested] = useState(false);
  const test = useWorkflowTest(name, requested);
  return (
    <Stack gap="sm">
      <Group>
        <Button
          variant="light"
          loading={test.isFetching}
          onClick={() => (requested ? void test.refetch() : setRequested(true))}
        >
          {requested ? 'Test again' : 'Test the saved workflow'}
        </Button>
        <Text size="sm" c="dimmed">
          Tests the saved version: who matches now and what each action would do. Nothing is sent or changed.
        </Text>
      </Group>
      {test.data && (
        <Text size="sm">
          {countOf(test.data.matching, 'match', 'matches')} now
          {test.data.items.length < test.data.matching ? `; the first ${test.data.items.length} shown` : ''}.
        </Text>
      )}
      {requested && (
        <DataTable
          noun="test matches"
          columns={columns}
          rows={test.data?.items}
          loading={test.isPending}
          error={test.error}
          empty="Nothing matches now: enabled, this workflow would do nothing yet."
          rowKey={(m) => JSON.stringify(m.entity)}
        />
      )}
    </Stack>
  );
}
