import { Badge } from '@mantine/core';
import type { Schemas } from '../../api/client';

const colors: Record<string, string> = {
  ok: 'green',
  syncing: 'blue',
  needs_attention: 'red',
  disconnected: 'gray',
};
const labels: Record<string, string> = {
  ok: 'OK',
  syncing: 'Syncing',
  needs_attention: 'Needs attention',
  disconnected: 'Disconnected',
};

export function HealthBadge({ source }: { source: Schemas['Source'] }) {
  const { status } = source.health;
  return (
    <Badge color={colors[status] ?? 'gray'} variant="filled">
      {labels[status] ?? status}
    </Badge>
  );
}
