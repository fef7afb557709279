import { List, Text } from '@mantine/core';
import type { Schemas } from '../../api/client';

/** Capability names as an admin reads them. */
const capabilityLabels: Record<string, string> = {
  users: 'Users',
  aliases: 'Email aliases',
  licenseTypes: 'License types',
  purchasedSeats: 'Purchased seats',
  lastUsed: 'Usage',
  employees: 'Employees',
  expenses: 'Expenses',
  deprovisioning: 'Deprovisioning',
};

export const capabilityLabel = (name: string) => capabilityLabels[name] ?? name;

/**
 * What a source's kind can tell but this organisation's account could not give at the last sync, with the
 * provider's reason (rendered as text: it comes from the provider). Roster treats that data as unknown.
 */
export function UnavailableCapabilities({ source }: { source: Schemas['Source'] }) {
  if (source.unavailable.length === 0) return null;
  return (
    <List size="xs" mt={4} aria-label={`Unavailable from ${source.name}`} data-testid="unavailable">
      {source.unavailable.map((u) => (
        <List.Item key={u.capability}>
          <Text size="xs" span>
            {capabilityLabel(u.capability)} unavailable: {u.reason}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
