import { findSourceKind, sourceKinds } from '../../connectors/registry.js';
import { conflict, invalidInput } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import { runSync, type SyncOptions, type SyncResult } from '../../sync/engine.js';
import { resolveAppName } from '../apps/apps.service.js';
import { writeAudit } from '../audit/audit.repo.js';
import { markLicenseStatesStale } from '../licenses/license-store.js';
import { refreshMerge } from '../merge/merge.service.js';
import { checkOffboardingDrift } from '../offboarding/offboarding-drift.js';
import { queueWorkflowsAfterSync } from '../workflows/workflow-jobs.js';
import { parseRemovalThreshold } from './held-runs.service.js';
import { storeCredentials } from './source-credentials.js';
import { parseSourceConfig, parseSourceCredentials, parseSourceName } from './source-input.js';
import { defaultPullSchedule, scheduleIntervalMs } from './source-schedule.js';
import { type SourceView, toSourceView } from './source-view.js';
import { findSourceRow } from './sources.repo.js';

export { findSourceRow };

export interface AddSourceInput {
  kind: string;
  name: string;
  config: unknown;
  credentials?: unknown;
  stalenessDays?: number | null;
  /** Sync interval for pull sources (`6h`, `1d`); pull sources sync daily unless told otherwise. */
  schedule?: string | null;
  /** How many removals a sync may make before it is held; null or absent: Roster's default. */
  removalThreshold?: unknown;
}

export async function defaultStaleness(roster: Roster): Promise<number> {
  const row = await roster.database.db
    .selectFrom('organisation_settings')
    .select('staleness_days')
    .executeTakeFirstOrThrow();
  return row.staleness_days;
}

export async function addSource(roster: Roster, actor: string, input: AddSourceInput): Promise<SourceView> {
  const kind = findSourceKind(input.kind);
  if (!kind) {
    throw invalidInput(`Unknown source kind "${input.kind}"`, [
      { field: 'kind', message: `must be one of ${sourceKinds.map((k) => k.kind).join(', ')}` },
    ]);
  }
  const name = parseSourceName(input.name);
  const parsedConfig = parseSourceConfig(kind, input.config);
  const credentialsJson =
    kind.credentialsSchema || input.credentials !== undefined
      ? parseSourceCredentials(kind, input.credentials)
      : null;
  if (
    input.stalenessDays != null &&
    !(Number.isInteger(input.stalenessDays) && input.stalenessDays >= 1 && input.stalenessDays <= 365)
  ) {
    throw invalidInput('The staleness limit must be 1-365 days', [
      { field: 'stalenessDays', message: 'must be a whole number of days' },
    ]);
  }
  let schedule: string | null = null;
  if (kind.mode === 'pull') {
    schedule = input.schedule === undefined ? defaultPullSchedule : input.schedule;
    if (schedule) scheduleIntervalMs(schedule);
  } else if (input.schedule) {
    throw invalidInput(`A ${kind.kind} source is fed by imports and has no schedule`, [
      { field: 'schedule', message: 'is not accepted' },
    ]);
  }
  const removalThreshold =
    input.removalThreshold === undefined ? null : parseRemovalThreshold(input.removalThreshold);
  const appName = kind.appOf?.(parsedConfig);
  if (appName) parsedConfig.app = await resolveAppName(roster, appName);

  const { db } = roster.database;
  try {
    const row = await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('sources')
        .values({
          kind: kind.kind,
          name,
          config: JSON.stringify(parsedConfig),
          credentials_encrypted: null,
          staleness_days: input.stalenessDays ?? null,
          schedule,
          removal_threshold: removalThreshold === null ? null : JSON.stringify(removalThreshold),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      // Sealed once the source has its id: the credentials are bound to it and open for no other source.
      const created =
        credentialsJson === null
          ? inserted
          : await storeCredentials(trx, roster, inserted.id, credentialsJson);
      await writeAudit(trx, {
        actor,
        action: 'source.add',
        targetType: 'source',
        targetId: created.id,
        after: {
          kind: kind.kind,
          name,
          config: parsedConfig,
          hasCredentials: credentialsJson !== null,
          removalThreshold,
        },
      });
      return created;
    });
    return toSourceView(row, await defaultStaleness(roster), new Date());
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw conflict(`A source named "${name}" already exists`);
    throw error;
  }
}

export async function listSources(
  roster: Roster,
  options: { includeDisconnected?: boolean } = {},
): Promise<SourceView[]> {
  let query = roster.database.db.selectFrom('sources').selectAll().orderBy('id');
  if (!options.includeDisconnected) query = query.where('disconnected_at', 'is', null);
  const rows = await query.execute();
  const staleness = await defaultStaleness(roster);
  const now = new Date();
  return rows.map((row) => toSourceView(row, staleness, now));
}

export async function getSource(roster: Roster, ref: string | number): Promise<SourceView> {
  return toSourceView(await findSourceRow(roster, ref), await defaultStaleness(roster), new Date());
}

/** Disconnects a source: credentials are erased and it no longer syncs; what it reported stays. */
export async function removeSource(roster: Roster, actor: string, ref: string | number): Promise<SourceView> {
  const row = await findSourceRow(roster, ref);
  const updated = await roster.database.db.transaction().execute(async (trx) => {
    const after = await trx
      .updateTable('sources')
      .set({ disconnected_at: new Date(), credentials_encrypted: null, updated_at: new Date() })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // Usage from a disconnected source is stale, and its employees no longer count.
    await markLicenseStatesStale(trx, 'all');
    await writeAudit(trx, {
      actor,
      action: 'source.remove',
      targetType: 'source',
      targetId: row.id,
      before: { name: row.name, kind: row.kind },
    });
    return after;
  });
  return toSourceView(updated, await defaultStaleness(roster), new Date());
}

/** An offboarded person's account this run saw active again needs attention (modules/offboarding). */
async function checkDriftAfterRun(roster: Roster, runId: number, sourceId: number): Promise<void> {
  const run = await roster.database.db
    .selectFrom('sync_runs')
    .select('started_at')
    .where('id', '=', runId)
    .executeTakeFirstOrThrow();
  await checkOffboardingDrift(roster.database.db, sourceId, new Date(run.started_at));
}

/** The caller's signal, and the serving process's stop: either ends the run as cancelled. */
function withStopping(roster: Roster, signal: AbortSignal | undefined): AbortSignal | undefined {
  if (!roster.stopping) return signal;
  return signal ? AbortSignal.any([signal, roster.stopping]) : roster.stopping;
}

export async function syncSource(
  roster: Roster,
  actor: string,
  ref: string | number,
  options: Omit<SyncOptions, 'trigger'> = {},
): Promise<SyncResult> {
  const row = await findSourceRow(roster, ref);
  const kind = findSourceKind(row.kind);
  if (kind?.mode === 'push' && options.input === undefined) {
    throw invalidInput(`"${row.name}" is fed by imports: send a file or snapshot instead of starting a sync`);
  }
  const result = await runSync(
    {
      database: roster.database,
      secrets: roster.secrets,
      filesDir: roster.config.filesDir,
      lease: roster.config.lease,
      maxFileBytes: roster.config.maxUploadBytes,
      outbound: roster.outbound,
    },
    row.id,
    // The run's audit entry commits with its outcome, in the engine's own transaction.
    { ...options, signal: withStopping(roster, options.signal), trigger: actor, audit: true },
  );
  // Aliases a sync discovered merge now; ones a source dropped are unmerged (when Merge Users is on).
  if (result.status === 'succeeded') {
    await refreshMerge(roster);
    await checkDriftAfterRun(roster, result.runId, row.id);
    // Workflows see the sync's changes once merges and drift are settled.
    await queueWorkflowsAfterSync(roster, result.runId);
  }
  return result;
}
