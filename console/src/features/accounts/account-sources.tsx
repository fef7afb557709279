import { Badge, Table, Text } from '@mantine/core';
import type { Schemas } from '../../api/client';
import { formatAge, formatDate } from '../../api/format';
import type { RowDetail } from '../../components/data-table';

/** What one source reported about an account: its observation. */
export type Observation = Schemas['AppDetail']['accounts']['items'][number]['sources'][number];

/** The part of an account (an app's user, a person's app) the sources' views need. */
interface SeenAccount {
  email: string;
  instance: string;
  sources: Observation[];
}

/** The instance of accounts no direct source lists: users only SSO or OAuth grants show. */
export const unmanagedInstance = 'unmanaged';

const partialHint = 'Sees the user through SSO or OAuth grants, not the app itself';

/** "Slack, Okta (partial)": the sources that saw an account, the direct one first, as the API orders them. */
export const seenByText = (a: SeenAccount) =>
  a.sources.map((s) => (s.role === 'partial' ? `${s.source} (partial)` : s.source)).join(', ');

/** The "Seen by" cell: each source's name, a partial one marked and explained on hover. */
export function SeenBy({ account }: { account: SeenAccount }) {
  if (account.sources.length === 0) return <Text c="dimmed">no source</Text>;
  return (
    <Text size="sm">
      {account.sources.map((s, i) => (
        <span key={s.source}>
          {i > 0 && ', '}
          {s.source}
          {s.role === 'partial' && (
            <Text span size="xs" c="dimmed" title={partialHint}>
              {' '}
              (partial)
            </Text>
          )}
        </span>
      ))}
    </Text>
  );
}

/** The "Instance" cell: the direct source whose copy of the app holds the account, or unmanaged. */
export function InstanceName({ instance }: { instance: string }) {
  return instance === unmanagedInstance ? (
    <Text
      size="sm"
      c="dimmed"
      title="Users no source reading the app lists, known only through SSO or OAuth grants"
    >
      unmanaged
    </Text>
  ) : (
    <Text size="sm">{instance}</Text>
  );
}

/** Each source's observation of one account, side by side: what the account's values were derived from. */
export function SourceObservations({ account, label }: { account: SeenAccount; label: string }) {
  if (account.sources.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No source's observation is recorded for this account.
      </Text>
    );
  return (
    <Table fz="sm" withTableBorder aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Source</Table.Th>
          <Table.Th>Sees the app</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Name in the source</Table.Th>
          <Table.Th>Role</Table.Th>
          <Table.Th>Last used</Table.Th>
          <Table.Th>First seen</Table.Th>
          <Table.Th>Removed</Table.Th>
          <Table.Th>Stale</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {account.sources.map((s) => (
          <Table.Tr key={s.source}>
            <Table.Td>
              {s.source}{' '}
              <Text span size="xs" c="dimmed">
                ({s.kind})
              </Text>
            </Table.Td>
            <Table.Td>
              {s.role === 'direct' ? 'direct' : <span title={partialHint}>partial (SSO or OAuth)</span>}
            </Table.Td>
            <Table.Td>{s.status}</Table.Td>
            <Table.Td>{s.nameInApp ?? <Text c="dimmed">no name</Text>}</Table.Td>
            <Table.Td>{s.roleInApp ?? '—'}</Table.Td>
            <Table.Td title={s.lastUsedAt ? formatDate(s.lastUsedAt) : undefined}>
              {formatAge(s.lastUsedAt)}
            </Table.Td>
            <Table.Td>{formatDate(s.firstSeenAt)}</Table.Td>
            <Table.Td>{formatDate(s.removedAt)}</Table.Td>
            <Table.Td>
              {s.stale ? (
                <Badge
                  color="orange"
                  title="The source's dates may be out of date (stale, failing or disconnected)"
                >
                  stale
                </Badge>
              ) : (
                'no'
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Rows that open on each source's observation. `where` names the account in the toggle and the table
 * ("ann@acme.io", "ann@acme.io in Slack"), with its instance when the account's app has more than one.
 */
export function observationsDetail<T extends SeenAccount>(where: (a: T) => string): RowDetail<T> {
  return {
    label: (a) => `Show what each source saw for ${where(a)}`,
    render: (a) => <SourceObservations account={a} label={`What each source saw for ${where(a)}`} />,
  };
}
