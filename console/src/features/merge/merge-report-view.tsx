import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { Schemas } from '../../api/client';
import { formatMoney, formatNumber } from '../../api/format';
import { ruleTexts } from './alias-fields';

/** The full changes report: users before and after, every merge, every skipped candidate and why. */
export function MergeReportView({ report }: { report: Schemas['MergeReport'] }) {
  return (
    <Stack data-testid="merge-report">
      <Group>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Users before
          </Text>
          <Text fz="xl" fw={700}>
            {formatNumber(report.usersBefore)}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Users after
          </Text>
          <Text fz="xl" fw={700} data-testid="users-after">
            {formatNumber(report.usersAfter)}
          </Text>
        </Card>
        <Text size="sm">
          {formatNumber(report.changes.merge.length)} emails to merge,{' '}
          {formatNumber(report.changes.unmerge.length)} to split back
        </Text>
      </Group>
      <Title order={3}>Merges ({formatNumber(report.merges.length)})</Title>
      {report.merges.length === 0 ? (
        <Text c="dimmed">No alias has been seen in use by any source yet, so nothing merges.</Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped aria-label="Proposed merges">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Primary email</Table.Th>
                <Table.Th>Merged emails</Table.Th>
                <Table.Th>Apps</Table.Th>
                <Table.Th>Licenses</Table.Th>
                <Table.Th>Annual cost</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.merges.map((m) => (
                <Table.Tr key={m.primary}>
                  <Table.Td>{m.primary}</Table.Td>
                  <Table.Td>
                    {m.provenance.map((p) => (
                      <Text key={p.email} size="sm">
                        {p.email}{' '}
                        <Text span size="xs" c="dimmed">
                          ({p.via.map((v) => `${v.source} ${v.field}`).join(', ')})
                        </Text>
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>{formatNumber(m.apps)}</Table.Td>
                  <Table.Td>{formatNumber(m.licenses)}</Table.Td>
                  <Table.Td>{formatMoney(m.annualCost)}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline">{m.status}</Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Title order={3}>Not merged ({formatNumber(report.skipped.length)})</Title>
      {report.skipped.length === 0 ? (
        <Text c="dimmed">No candidate was stopped by a safety rule.</Text>
      ) : (
        <Table striped aria-label="Skipped candidates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Th>Claimed by</Table.Th>
              <Table.Th>Rule that stopped it</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.skipped.map((s) => (
              <Table.Tr key={s.email}>
                <Table.Td>{s.email}</Table.Td>
                <Table.Td>{s.claimedBy.join(', ')}</Table.Td>
                <Table.Td>{ruleTexts[s.rule] ?? s.rule}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="sm" c="dimmed">
        {formatNumber(report.pending.length)} aliases are remembered but not yet seen in any app: they merge
        automatically once a source discovers them. {formatNumber(report.ignored.length)} listed values are
        not addresses Roster can use.
      </Text>
    </Stack>
  );
}
