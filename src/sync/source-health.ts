import type { RunStatus } from '../db/schema.js';

/**
 * Whether a source needs attention, and why. Pure: computed from the source row whenever it is shown,
 * so staleness appears without any job having to run.
 */
export interface SourceHealthInput {
  lastRunStatus: RunStatus | null;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
  lastSuccessAt: Date | null;
  /** Removals of a run held for confirmation, while the source has one. */
  heldRemovals: number | null;
  stalenessDays: number;
  /** Pull sources are synced by Roster; push sources (files, snapshots) only when someone sends data. */
  mode: 'pull' | 'push';
}

export type HealthReason = 'credentials' | 'removals_held' | 'sync_failed' | 'stale' | 'never_synced';

export interface SourceHealth {
  status: 'ok' | 'syncing' | 'needs_attention';
  reason: HealthReason | null;
  message: string | null;
  /** What the admin can do about it. */
  fix: string | null;
}

const dayMs = 86_400_000;

export function sourceHealth(source: SourceHealthInput, now: Date): SourceHealth {
  if (source.lastRunStatus === 'running')
    return { status: 'syncing', reason: null, message: null, fix: null };
  if (
    source.lastRunStatus === 'failed' &&
    (source.lastErrorCode === 'auth' || source.lastErrorCode === 'permission')
  ) {
    return {
      status: 'needs_attention',
      reason: 'credentials',
      message: source.lastErrorMessage ?? 'The credentials were refused',
      fix: 'Update the credentials of this source and run a sync.',
    };
  }
  // Held removals outrank a later failure: they wait for a person, and a retry would not clear them.
  if (source.heldRemovals !== null) {
    return {
      status: 'needs_attention',
      reason: 'removals_held',
      message: `${source.heldRemovals} removals held for confirmation`,
      fix:
        'A complete sync would remove more accounts and employees than this source allows. Check the source, ' +
        'then confirm the removals (roster sync <source> --confirm-removals) or discard the held run (--discard-held).',
    };
  }
  if (source.lastRunStatus === 'failed') {
    return {
      status: 'needs_attention',
      reason: 'sync_failed',
      message: source.lastErrorMessage ?? 'The last sync failed',
      fix: 'Read the error of the last sync run, correct the source or its data, and sync again.',
    };
  }
  if (!source.lastSuccessAt) {
    if (source.mode === 'push') return { status: 'ok', reason: null, message: null, fix: null };
    return {
      status: 'needs_attention',
      reason: 'never_synced',
      message: 'This source has never completed a sync',
      fix: 'Run a sync.',
    };
  }
  const ageDays = (now.getTime() - source.lastSuccessAt.getTime()) / dayMs;
  if (ageDays > source.stalenessDays) {
    return {
      status: 'needs_attention',
      reason: 'stale',
      message: `Last successful sync was ${Math.floor(ageDays)} days ago (limit ${source.stalenessDays})`,
      fix:
        source.mode === 'push'
          ? 'Upload current data for this source.'
          : 'Run a sync and check its schedule.',
    };
  }
  return { status: 'ok', reason: null, message: null, fix: null };
}
