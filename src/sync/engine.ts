import { sql } from 'kysely';
import { coverageOf, type SourceKind } from '../connectors/kit/connector.js';
import { findSourceKind } from '../connectors/registry.js';
import type { Database } from '../db/database.js';
import type { ErrorDetail } from '../lib/errors.js';
import { conflict, notFound } from '../lib/errors.js';
import type { SecretBox } from '../lib/secret-box.js';
import type { ApplyCounters } from './apply-run.js';
import { applyStagedRun, RemovalsHeld, type StagedRun } from './apply-staged.js';
import { type HeldRemovals, holdRun } from './held-runs.js';
import { readAhead } from './read-ahead.js';
import {
  clearStaging,
  finishFailed,
  RunFailure,
  type SyncCounters,
  summarise,
  toFailure,
  zeroCounters,
} from './run-outcome.js';
import { findStagedDuplicates } from './staged-duplicates.js';
import { Staging, stagedTables } from './staging.js';
import { validateRecord } from './validate-record.js';

export type { SyncCounters } from './run-outcome.js';

export interface SyncDeps {
  database: Database;
  secrets: SecretBox;
  now?: () => Date;
  /** ROSTER_FILES_DIR: the only place file-based sources may read. */
  filesDir?: string;
  /** Where source kinds are looked up; the registry unless a test or benchmark brings its own. */
  findKind?: (kind: string) => SourceKind<unknown, unknown> | undefined;
}

export interface SyncProgress {
  phase: 'fetch' | 'apply' | 'done';
  pages: number;
  records: number;
  done?: number;
  total?: number;
}

export interface SyncOptions {
  /** Who or what started the run: `cli`, `api:<member>`, `schedule`, `import`. */
  trigger: string;
  /** Content for push kinds: a file's bytes, a JSON snapshot. */
  input?: unknown;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  /** Record the run in the audit log (a person or schedule started it), in the same transaction as its outcome. */
  audit?: boolean;
}

export interface SyncResult {
  runId: number;
  sourceId: number;
  /** `held`: complete, but it would remove more than the source's threshold allows; nothing was applied. */
  status: 'succeeded' | 'failed' | 'cancelled' | 'held';
  counters: SyncCounters;
  detail: ApplyCounters | null;
  /** What a held run would remove; null for every other status. */
  held: HeldRemovals | null;
  error: { code: string; message: string; details: ErrorDetail[] } | null;
}

/** A run is rejected whole when any record is invalid; this many problems are kept for the report. */
const maxReportedProblems = 200;
const largeRunRecords = 20_000;

/**
 * Runs one sync of a source: fetch every page and stage it, then apply the whole run in one transaction.
 * A run that fails, is cancelled or has any invalid record applies nothing and removes nothing. A complete
 * run that would remove more than the source's removal threshold is held: nothing is applied, and its
 * staged records wait for a confirmation (held-runs.ts).
 */
export async function runSync(deps: SyncDeps, sourceId: number, options: SyncOptions): Promise<SyncResult> {
  const { database } = deps;
  const { db } = database;
  const now = deps.now ?? (() => new Date());
  const source = await db.selectFrom('sources').selectAll().where('id', '=', sourceId).executeTakeFirst();
  if (!source) throw notFound(`Source ${sourceId} does not exist`);
  const kind = (deps.findKind ?? findSourceKind)(source.kind);
  if (!kind) throw notFound(`Source kind "${source.kind}" is not known to this version of Roster`);

  const startedAt = now();
  const runId = await startRun(deps, source.id, options.trigger, startedAt);
  const signal = options.signal ?? new AbortController().signal;
  const staging = new Staging(database, runId);
  let pages = 0;
  let records = 0;
  let rejected = 0;
  const problems: ErrorDetail[] = [];
  const unavailable = new Map<string, string>();

  try {
    const context = {
      config: parseConfig(kind, source.config),
      credentials: openCredentials(deps, kind, source.credentials_encrypted),
      input: options.input,
      signal,
      filesDir: deps.filesDir ?? '',
    };
    // A source bound to one app keeps that app even when it lists no users yet.
    const boundApp = kind.appOf?.(context.config);
    if (boundApp) staging.add({ type: 'app', name: boundApp, domain: null }, undefined);
    for await (const page of readAhead(kind.fetch(context))) {
      if (signal.aborted) break;
      pages++;
      for (const gap of page.unavailable ?? []) unavailable.set(gap.capability, gap.reason);
      for (const detail of page.rejected ?? []) {
        rejected++;
        if (problems.length < maxReportedProblems) problems.push(detail);
      }
      for (const input of page.records) {
        const checked = validateRecord(input);
        if ('problems' in checked) {
          rejected++;
          for (const p of checked.problems) if (problems.length < maxReportedProblems) problems.push(p);
          continue;
        }
        records++;
        if (rejected === 0) staging.add(checked.record, input.ref, input.raw);
      }
      // Once a record is rejected nothing will be applied: keep reading only to report every problem.
      if (rejected === 0) await staging.flush();
      options.onProgress?.({ phase: 'fetch', pages, records, ...page.progress });
    }
    if (signal.aborted) throw new RunFailure('cancelled', 'The sync was cancelled; nothing was changed');
    if (rejected > 0) {
      throw new RunFailure(
        'invalid_data',
        `${rejected} record(s) are invalid; nothing was applied`,
        problems,
      );
    }
    await staging.flush();
    await staging.settle();
    const duplicates = await findStagedDuplicates(database, runId, staging.refStyle);
    if (duplicates.length > 0) {
      throw new RunFailure(
        'invalid_data',
        'The data lists the same user more than once; nothing was applied',
        duplicates,
      );
    }

    options.onProgress?.({ phase: 'apply', pages, records });
    const staged: StagedRun = {
      runId,
      fetchedAt: startedAt,
      pages,
      records,
      refStyle: staging.refStyle,
      domains: staging.domains,
      unavailable: [...unavailable].map(([capability, reason]) => ({ capability, reason })),
    };
    const audit = options.audit ? { actor: options.trigger } : null;
    let applied: Awaited<ReturnType<typeof applyStagedRun>>;
    try {
      applied = await applyStagedRun(database, now, source, (app) => coverageOf(kind, app), staged, {
        guardRemovals: true,
        audit,
      });
    } catch (error) {
      if (!(error instanceof RemovalsHeld)) throw error;
      const held = await holdRun(database, now, source.id, staged, error, audit);
      options.onProgress?.({ phase: 'done', pages, records });
      return {
        runId,
        sourceId: source.id,
        status: 'held',
        counters: summarise(error.counters),
        detail: error.counters,
        held,
        error: null,
      };
    }
    await clearStaging(database, [runId, ...applied.superseded]);
    if (records >= largeRunRecords) await database.afterLargeChange();
    options.onProgress?.({ phase: 'done', pages, records });
    return {
      runId,
      sourceId: source.id,
      status: 'succeeded',
      counters: summarise(applied.counters),
      detail: applied.counters,
      held: null,
      error: null,
    };
  } catch (error) {
    // A page still being written lands before the staged rows are cleared, so none is left behind.
    await staging.settle().catch(() => {});
    const failure = toFailure(error);
    const status = failure.code === 'cancelled' ? 'cancelled' : 'failed';
    await finishFailed(
      database,
      now,
      source.id,
      runId,
      status,
      failure,
      { pages, records, rejected },
      options.audit ? { actor: options.trigger } : null,
    );
    await clearStaging(database, [runId]);
    return {
      runId,
      sourceId: source.id,
      status,
      counters: { ...zeroCounters, rejected },
      detail: null,
      held: null,
      error: { code: failure.code, message: failure.message, details: failure.details },
    };
  }
}

function parseConfig(kind: SourceKind<unknown, unknown>, config: unknown): unknown {
  const parsed = kind.configSchema.safeParse(config);
  if (parsed.success) return parsed.data;
  throw new RunFailure(
    'invalid_config',
    'The source configuration is not valid',
    parsed.error.issues.map((i) => ({ field: `config.${i.path.join('.')}`, message: i.message })),
  );
}

function openCredentials(deps: SyncDeps, kind: SourceKind<unknown, unknown>, sealed: string | null): unknown {
  if (!kind.credentialsSchema) return undefined;
  if (!sealed) throw new RunFailure('auth', 'This source has no credentials');
  let value: unknown;
  try {
    value = JSON.parse(deps.secrets.open(sealed));
  } catch (error) {
    throw new RunFailure('auth', (error as Error).message);
  }
  const parsed = kind.credentialsSchema.safeParse(value);
  if (!parsed.success) throw new RunFailure('auth', 'The stored credentials do not fit this source kind');
  return parsed.data;
}

async function startRun(deps: SyncDeps, sourceId: number, trigger: string, startedAt: Date): Promise<number> {
  try {
    return await deps.database.db.transaction().execute(async (trx) => {
      const run = await trx
        .insertInto('sync_runs')
        .values({ source_id: sourceId, status: 'running', trigger, started_at: startedAt })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('sources')
        .set({ last_run_status: 'running', last_sync_at: startedAt })
        .where('id', '=', sourceId)
        .execute();
      return run.id;
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw conflict('A sync of this source is already running');
    throw error;
  }
}

/**
 * Marks runs left `running` by a process that stopped (crash, kill) as failed. On the embedded database
 * only this process can run syncs; on a server, only runs older than a day are assumed dead.
 */
export async function failInterruptedRuns(database: Database): Promise<number> {
  const cutoff = database.kind === 'pglite' ? new Date() : new Date(Date.now() - 86_400_000);
  const result = await database.db.transaction().execute(async (trx) => {
    const runs = await trx
      .updateTable('sync_runs')
      .set({
        status: 'failed',
        finished_at: new Date(),
        error_code: 'interrupted',
        error_message: 'Roster stopped during this sync; nothing was applied',
      })
      .where('status', '=', 'running')
      .where('started_at', '<', cutoff)
      .returning(['id', 'source_id'])
      .execute();
    for (const run of runs) {
      await trx
        .updateTable('sources')
        .set({
          last_run_status: 'failed',
          last_error_code: 'interrupted',
          last_error_message: 'Roster stopped during the last sync',
        })
        .where('id', '=', run.source_id)
        .execute();
      for (const table of stagedTables)
        await sql`delete from ${sql.table(table)} where run_id = ${run.id}`.execute(trx);
      // A confirmation of a held run that was cut off ends the hold: its records are gone with it.
      await sql`update sources s set held_removals = null where s.id = ${run.source_id}
                and not exists (select 1 from sync_runs r where r.source_id = s.id and r.status = 'held')`.execute(
        trx,
      );
    }
    return runs.length;
  });
  return result;
}
