import { Table, Title } from '@mantine/core';
import { QueryState } from '../../components/query-state';
import { useSourceKinds } from './use-sources';

/** What each kind of source can tell, so "why is there no license data" answers itself. */
export function CapabilityMatrix() {
  const kinds = useSourceKinds();
  if (!kinds.data) return <QueryState query={kinds} what="source kinds" />;
  const capabilities = [...new Set(kinds.data.flatMap((k) => Object.keys(k.capabilities)))];
  return (
    <>
      <Title order={2}>What each kind of source can tell</Title>
      <Table.ScrollContainer minWidth={800}>
        <Table striped withTableBorder aria-label="Capabilities by source kind">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Kind</Table.Th>
              {capabilities.map((c) => (
                <Table.Th key={c}>{c}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {kinds.data.map((k) => (
              <Table.Tr key={k.kind}>
                <Table.Td>{k.title}</Table.Td>
                {capabilities.map((c) => (
                  <Table.Td key={c}>{k.capabilities[c] ? 'yes' : '—'}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
