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
  /** When the credential the source signs in with expires, if its provider told, and how to renew it. */
  credentialExpiry?: { expiresAt: Date; title: string; renew: string } | null;
}

export type HealthReason =
  | 'credentials'
  | 'credentials_expiring'
  | 'removals_held'
  | 'sync_failed'
  | 'stale'
  | 'never_synced';

export interface SourceHealth {
  /** `warning`: works today, but will need attention (a credential expiring within 30 days). */
  status: 'ok' | 'syncing' | 'warning' | 'needs_attention';
  reason: HealthReason | null;
  message: string | null;
  /** What the admin can do about it. */
  fix: string | null;
}

const dayMs = 86_400_000;
/** A credential expiring within this many days is a warning; within the second, it needs attention. */
export const credentialExpiryWarningDays = [30, 7] as const;

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
  return (
    credentialExpiryHealth(source.credentialExpiry, now) ?? {
      status: 'ok',
      reason: null,
      message: null,
      fix: null,
    }
  );
}

/** A warning 30 days before a credential expires, needing attention 7 days before and once expired. */
function credentialExpiryHealth(
  expiry: SourceHealthInput['credentialExpiry'],
  now: Date,
): SourceHealth | undefined {
  if (!expiry) return undefined;
  const daysLeft = (expiry.expiresAt.getTime() - now.getTime()) / dayMs;
  const [warnDays, urgentDays] = credentialExpiryWarningDays;
  if (daysLeft > warnDays) return undefined;
  const day = expiry.expiresAt.toISOString().slice(0, 10);
  return {
    status: daysLeft > urgentDays ? 'warning' : 'needs_attention',
    reason: 'credentials_expiring',
    message: `${expiry.title} ${daysLeft > 0 ? 'expires' : 'expired'} on ${day}: ${expiry.renew}`,
    fix: `Create a new ${expiry.title.toLowerCase()}, update this source with it (roster sources set <source> --credentials …), and run a sync.`,
  };
}
