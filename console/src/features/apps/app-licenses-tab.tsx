import { Alert, Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { formatMoney, formatNumber } from '../../api/format';

const count = (n: number | null) => (n === null ? <Text c="dimmed">not reported</Text> : formatNumber(n));

/** Per license type: purchased, assigned, unassigned, active, inactive and usage unknown. */
export function AppLicensesTab({ app }: { app: Schemas['AppDetail'] }) {
  if (app.licenseTypesDetail.length === 0)
    return (
      <Alert color="blue" title="No license data">
        {app.sources.length
          ? `The sources of ${app.name} (${app.sources.map((s) => s.name).join(', ')}) report no license types. `
          : `No source feeds ${app.name} yet. `}
        License types and purchased seats come from a direct integration or a CSV with a license_types column.
      </Alert>
    );
  const inactiveLink = (type: string, n: number) =>
    n === 0 ? (
      '0'
    ) : (
      <Anchor
        component={Link}
        to={`/licenses?app=${encodeURIComponent(app.name)}&licenseType=${encodeURIComponent(type)}`}
      >
        {formatNumber(n)}
      </Anchor>
    );
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped aria-label={`${app.name} license types`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>License type</Table.Th>
            <Table.Th>Purchased</Table.Th>
            <Table.Th>Assigned</Table.Th>
            <Table.Th>Unassigned</Table.Th>
            <Table.Th>Active</Table.Th>
            <Table.Th>Inactive</Table.Th>
            <Table.Th>Usage unknown</Table.Th>
            <Table.Th>Price / user / month</Table.Th>
            <Table.Th>Source</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {app.licenseTypesDetail.map((t) => (
            <Table.Tr key={`${t.name}|${t.source}`}>
              <Table.Td>{t.name}</Table.Td>
              <Table.Td>{count(t.purchased)}</Table.Td>
              <Table.Td>{formatNumber(t.assigned)}</Table.Td>
              <Table.Td>{count(t.unassigned)}</Table.Td>
              <Table.Td>{formatNumber(t.active)}</Table.Td>
              <Table.Td>{inactiveLink(t.name, t.inactive)}</Table.Td>
              <Table.Td>{formatNumber(t.usageUnknown)}</Table.Td>
              <Table.Td>
                {t.pricePerUserCents === null ? '—' : formatMoney(t.pricePerUserCents / 100)}
              </Table.Td>
              <Table.Td>{t.source}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
