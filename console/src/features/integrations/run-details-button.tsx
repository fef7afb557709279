import { Button, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { Schemas } from '../../api/client';
import type { ErrorDetail } from '../../api/errors';
import { formatDateTime } from '../../api/format';

type Run = Schemas['SyncRun'];

/** A run's `errorDetails` as the API stores them: a list of problems, each with its row or path and field. */
export const runProblems = (run: Run): ErrorDetail[] =>
  Array.isArray(run.errorDetails)
    ? (run.errorDetails as unknown[]).filter(
        (d): d is ErrorDetail => typeof d === 'object' && d !== null && 'message' in d,
      )
    : [];

/** A failed run's details: why it failed and every rejected record, with its row (or path) and field. */
export function RunDetailsButton({ run, source }: { run: Run; source: string }) {
  const [opened, setOpened] = useState(false);
  const problems = runProblems(run);
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        onClick={() => setOpened(true)}
        aria-label={`Details of ${source}'s run`}
      >
        Details
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={`${source}: run of ${formatDateTime(run.startedAt)} ${run.status}`}
        size="xl"
        closeButtonProps={{ 'aria-label': 'Close the details' }}
      >
        <Stack>
          {run.errorMessage && (
            <Text size="sm">
              {run.errorMessage}
              {run.errorCode && (
                <Text span c="dimmed" size="xs">
                  {' '}
                  ({run.errorCode})
                </Text>
              )}
            </Text>
          )}
          <Text size="sm">{run.rejected} records rejected; nothing from this run was applied.</Text>
          {problems.length > 0 && (
            <Table.ScrollContainer minWidth={500}>
              <Table striped aria-label="Rejected records">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Row</Table.Th>
                    <Table.Th>Field</Table.Th>
                    <Table.Th>Problem</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {problems.map((p, i) => (
                    // Problems have no identity of their own; their order is the run's.
                    // biome-ignore lint/suspicious/noArrayIndexKey: see above
                    <Table.Tr key={i}>
                      <Table.Td>{p.row ?? p.path ?? '—'}</Table.Td>
                      <Table.Td>{p.field ?? '—'}</Table.Td>
                      <Table.Td>{p.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Modal>
    </>
  );
}
