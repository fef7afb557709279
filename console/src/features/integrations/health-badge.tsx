import { Badge } from '@mantine/core';
import type { Schemas } from '../../api/client';

// Dark enough that the badge's small white text passes WCAG AA (Mantine's green.9 is 4.4:1).
const colors: Record<string, string> = {
  ok: '#1b5e20',
  syncing: '#0b4f8a',
  warning: '#7a4100',
  needs_attention: '#a61e1e',
  disconnected: '#495057',
};
const labels: Record<string, string> = {
  ok: 'OK',
  syncing: 'Syncing',
  warning: 'Warning',
  needs_attention: 'Needs attention',
  disconnected: 'Disconnected',
};

export function HealthBadge({ source }: { source: Schemas['Source'] }) {
  const { status } = source.health;
  return (
    <Badge color={colors[status] ?? '#495057'} variant="filled">
      {labels[status] ?? status}
    </Badge>
  );
}
