import { sql } from 'kysely';
import type { Capability } from '../../connectors/kit/capabilities.js';
import { coverageOf, type SourceKind } from '../../connectors/kit/connector.js';
import { findSourceKind } from '../../connectors/registry.js';
import type { Roster } from '../../roster.js';

export type Freshness = 'fresh' | 'stale' | 'needs_attention' | 'disconnected' | 'never_synced';

export interface ContributingSource {
  name: string;
  kind: string;
  coverage: 'full' | 'partial';
  freshness: Freshness;
  lastSuccessAt: string | null;
  /** What the source can tell for this organisation: its kind's capabilities less those it reported unavailable. */
  capabilities: Capability[];
  /** Capabilities the kind has but this organisation cannot give, with the provider's reason. */
  unavailable: { capability: string; reason: string }[];
}

/** The sources that reported anything about an app, with what they can tell and how fresh they are. */
export async function sourcesOfApp(
  roster: Roster,
  appId: number,
  findKind: (kind: string) => SourceKind<unknown, unknown> | undefined = findSourceKind,
): Promise<ContributingSource[]> {
  const { rows } = await sql<{
    name: string;
    kind: string;
    app: string;
    lastSuccessAt: Date | null;
    disconnected: boolean;
    failed: boolean;
    stale: boolean;
    unavailable: { capability: string; reason: string }[];
  }>`
    select s.name, s.kind, (select name from apps where id = ${appId}) as app, s.last_success_at as "lastSuccessAt",
           s.disconnected_at is not null as disconnected, s.last_run_status = 'failed' as failed, s.unavailable,
           s.last_success_at < now() - make_interval(days => coalesce(s.staleness_days, st.staleness_days)) as stale
    from sources s cross join organisation_settings st
    where exists (select 1 from account_observations o where o.source_id = s.id and o.app_id = ${appId})
       or exists (select 1 from license_types lt where lt.source_id = s.id and lt.app_id = ${appId})
    order by s.name`.execute(roster.database.db);
  return rows.map((r) => toContributingSource(r, findKind, r.app));
}

interface SourceRow {
  name: string;
  kind: string;
  lastSuccessAt: Date | null;
  disconnected: boolean;
  failed: boolean;
  stale: boolean;
  unavailable: { capability: string; reason: string }[];
}

function toContributingSource(
  r: SourceRow,
  findKind: (kind: string) => SourceKind<unknown, unknown> | undefined,
  app: string | null,
): ContributingSource {
  const kind = findKind(r.kind);
  const freshness: Freshness = r.disconnected
    ? 'disconnected'
    : r.failed
      ? 'needs_attention'
      : !r.lastSuccessAt
        ? 'never_synced'
        : r.stale
          ? 'stale'
          : 'fresh';
  return {
    name: r.name,
    kind: r.kind,
    coverage: kind && app ? coverageOf(kind, app) : 'full',
    freshness,
    lastSuccessAt: r.lastSuccessAt ? new Date(r.lastSuccessAt).toISOString() : null,
    capabilities: kind
      ? (Object.entries(kind.capabilities)
          .filter(([c, on]) => on && !r.unavailable.some((u) => u.capability === c))
          .map(([c]) => c) as Capability[])
      : [],
    unavailable: r.unavailable,
  };
}

/** The expense sources: those that brought lines or imports. */
export async function expenseSources(
  roster: Roster,
  findKind: (kind: string) => SourceKind<unknown, unknown> | undefined = findSourceKind,
): Promise<ContributingSource[]> {
  const { rows } = await sql<SourceRow>`
    select s.name, s.kind, s.last_success_at as "lastSuccessAt",
           s.disconnected_at is not null as disconnected, s.last_run_status = 'failed' as failed, s.unavailable,
           s.last_success_at < now() - make_interval(days => coalesce(s.staleness_days, st.staleness_days)) as stale
    from sources s cross join organisation_settings st
    where exists (select 1 from expense_lines l where l.source_id = s.id)
       or exists (select 1 from expense_imports i where i.source_id = s.id)
    order by s.name`.execute(roster.database.db);
  return rows.map((r) => toContributingSource(r, findKind, null));
}
