import type { Selectable } from 'kysely';
import type { Capabilities } from '../../connectors/kit/capabilities.js';
import { findSourceKind } from '../../connectors/registry.js';
import type { SourcesTable } from '../../db/schema.js';
import { type RemovalThreshold, thresholdOf } from '../../sync/removal-threshold.js';
import { type SourceHealth, sourceHealth } from '../../sync/source-health.js';

/** The only form of a source that leaves Roster: credentials are reduced to whether they are set. */
export interface SourceView {
  id: number;
  kind: string;
  name: string;
  mode: 'push' | 'pull';
  app: string | null;
  config: unknown;
  hasCredentials: boolean;
  schedule: string | null;
  capabilities: Capabilities | null;
  /** Capabilities the kind has that this organisation could not give at the last successful sync, and why. */
  unavailable: { capability: string; reason: string }[];
  health: SourceHealth | { status: 'disconnected'; reason: null; message: string; fix: null };
  lastRunStatus: string | null;
  /** Removals of a run held for confirmation, while the source has one. */
  heldRemovals: number | null;
  /** This source's removal threshold; null when it uses Roster's default. */
  removalThreshold: RemovalThreshold | null;
  /** When the credential the source signs in with expires, as its provider last told; null when unknown. */
  credentialExpiresAt: string | null;
  lastSyncAt: string | null;
  lastSuccessAt: string | null;
  stalenessDays: number;
  disconnectedAt: string | null;
  createdAt: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSourceView(
  row: Selectable<SourcesTable>,
  defaultStalenessDays: number,
  now: Date,
): SourceView {
  const kind = findSourceKind(row.kind);
  const stalenessDays = row.staleness_days ?? defaultStalenessDays;
  const config = row.config as Record<string, unknown>;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    mode: kind?.mode ?? 'pull',
    app: typeof config?.app === 'string' ? config.app : null,
    config: row.config,
    hasCredentials: row.credentials_encrypted !== null,
    schedule: row.schedule,
    capabilities: kind?.capabilities ?? null,
    unavailable: row.unavailable,
    health: row.disconnected_at
      ? {
          status: 'disconnected',
          reason: null,
          message: 'This source was removed; its data is kept',
          fix: null,
        }
      : sourceHealth(
          {
            lastRunStatus: row.last_run_status,
            lastErrorCode: row.last_error_code,
            lastErrorMessage: row.last_error_message,
            lastSuccessAt: row.last_success_at,
            heldRemovals: row.held_removals,
            stalenessDays,
            mode: kind?.mode ?? 'pull',
            credentialExpiry:
              row.credential_expires_at && kind?.expiringCredential
                ? { expiresAt: row.credential_expires_at, ...kind.expiringCredential }
                : null,
          },
          now,
        ),
    lastRunStatus: row.last_run_status,
    heldRemovals: row.held_removals,
    removalThreshold: row.removal_threshold === null ? null : thresholdOf(row.removal_threshold),
    credentialExpiresAt: iso(row.credential_expires_at),
    lastSyncAt: iso(row.last_sync_at),
    lastSuccessAt: iso(row.last_success_at),
    stalenessDays,
    disconnectedAt: iso(row.disconnected_at),
    createdAt: row.created_at.toISOString(),
  };
}
