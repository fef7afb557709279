import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { formatAge, formatNumber } from '../../api/format';
import { useCanWrite } from '../../app/use-me';
import { QueryState } from '../../components/query-state';
import { CapabilityMatrix } from './capability-matrix';
import { EditSourceButton } from './edit-source-button';
import { EmployeeSourceCard } from './employee-source-card';
import { HealthBadge } from './health-badge';
import { HeldRunActions } from './held-run-actions';
import { RemoveSourceButton } from './remove-source-button';
import { RunDetailsButton } from './run-details-button';
import { SyncButton } from './sync-button';
import { UnavailableCapabilities } from './unavailable-capabilities';
import { useRecentRuns } from './use-recent-runs';
import { useSources } from './use-sources';

type Source = Schemas['Source'];
type Run = Schemas['SyncRun'];

function NeedsAttention({ sources, canWrite }: { sources: Source[]; canWrite: boolean }) {
  // A credential about to expire is listed too, in its own colour, so it is renewed before syncs fail.
  const failing = sources.filter(
    (s) => s.health.status === 'needs_attention' || s.health.status === 'warning',
  );
  if (failing.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="needs-attention">
      <Title order={2}>Needs attention</Title>
      {failing.map((s) => (
        <Alert
          key={s.id}
          color={s.health.status === 'warning' ? 'yellow' : 'red'}
          title={`${s.name}: ${s.health.reason ?? 'needs attention'}`}
        >
          {s.health.message && <Text size="sm">{s.health.message}</Text>}
          {s.health.fix && (
            <Text size="sm" fw={600}>
              How to fix it: {s.health.fix}
            </Text>
          )}
          {s.heldRemovals !== null && canWrite && <HeldRunActions source={s} />}
          {canWrite && (s.health.reason === 'credentials' || s.health.reason === 'credentials_expiring') && (
            <EditSourceButton source={s} />
          )}
        </Alert>
      ))}
    </Stack>
  );
}

const runCounters = (run: Run | undefined) =>
  !run
    ? 'no run yet'
    : run.status === 'running'
      ? `${formatNumber(run.pages)} pages · ${formatNumber(run.records)} records so far`
      : `${formatNumber(run.added)} added · ${formatNumber(run.updated)} updated · ${formatNumber(run.removed)} removed · ${formatNumber(run.rejected)} rejected`;

/** A run that ended without applying, whose details say why: failed, or cancelled with a reason. */
const failedRun = (run: Run | undefined) =>
  run !== undefined && (run.status === 'failed' || (run.status === 'cancelled' && run.errorMessage !== null));

/**
 * Every source: what it can tell (and what its provider could not give), when it last synced and with what
 * result, which need attention, and which source decides who is an employee.
 */
export function IntegrationsPage() {
  const sources = useSources();
  const runs = useRecentRuns();
  const canWrite = useCanWrite();
  const lastRun = new Map<number, Run>();
  for (const run of runs.data?.items ?? []) if (!lastRun.has(run.sourceId)) lastRun.set(run.sourceId, run);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Integrations</Title>
        {canWrite && (
          <Button component={Link} to="/integrations/new">
            Add a source
          </Button>
        )}
      </Group>
      {!sources.data ? (
        <QueryState query={sources} what="sources" />
      ) : sources.data.items.length === 0 ? (
        <Text c="dimmed" data-testid="empty-state">
          No sources yet. Add one: upload a CSV of an app’s users, push a custom integration, or connect a
          directory or HR system.
        </Text>
      ) : (
        <>
          <NeedsAttention sources={sources.data.items} canWrite={canWrite} />
          <EmployeeSourceCard sources={sources.data.items} />
          <Table.ScrollContainer minWidth={900}>
            <Table striped aria-label="Sources">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Source</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Capabilities</Table.Th>
                  <Table.Th>Last sync</Table.Th>
                  <Table.Th>Last run</Table.Th>
                  <Table.Th>Health</Table.Th>
                  <Table.Th>Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sources.data.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {s.name}
                      </Text>
                      {s.app && (
                        <Text size="xs" c="dimmed">
                          app: {s.app}
                        </Text>
                      )}
                      <UnavailableCapabilities source={s} />
                    </Table.Td>
                    <Table.Td>
                      {s.kind} <Badge variant="outline">{s.mode}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {Object.entries(s.capabilities ?? {})
                          .filter(([, yes]) => yes)
                          .map(([name]) => (
                            <Badge key={name} size="xs" variant="outline">
                              {name}
                            </Badge>
                          ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{formatAge(s.lastSyncAt)}</Table.Td>
                    <Table.Td>
                      <Text size="xs">
                        {lastRun.get(s.id)?.status ?? s.lastRunStatus ?? '—'}:{' '}
                        {runCounters(lastRun.get(s.id))}
                      </Text>
                      {failedRun(lastRun.get(s.id)) && (
                        <RunDetailsButton run={lastRun.get(s.id) as Run} source={s.name} />
                      )}
                    </Table.Td>
                    <Table.Td>
                      <HealthBadge source={s} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {s.mode === 'pull' && !s.disconnectedAt ? (
                          canWrite && <SyncButton source={s} />
                        ) : (
                          <Text size="xs" c="dimmed">
                            {s.disconnectedAt ? 'disconnected' : 'fed by uploads'}
                          </Text>
                        )}
                        {canWrite && !s.disconnectedAt && <EditSourceButton source={s} />}
                        {canWrite && !s.disconnectedAt && <RemoveSourceButton source={s} />}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      <CapabilityMatrix />
    </Stack>
  );
}
