import { type Kysely, sql, type Transaction } from 'kysely';
import { coverageOf, type SourceKind } from '../connectors/kit/connector.js';
import { ConnectorError } from '../connectors/kit/connector-error.js';
import { findSourceKind } from '../connectors/registry.js';
import { writeAudit } from '../db/audit-log.js';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { ErrorDetail } from '../lib/errors.js';
import { conflict, notFound } from '../lib/errors.js';
import { type SecretBox, sealedContexts } from '../lib/secret-box.js';
import { appsOfSource, markLicenseStatesStale } from '../modules/licenses/license-store.js';
import { applyDomains } from './apply-domains.js';
import { type ApplyCounters, applyRun } from './apply-run.js';
import { readAhead } from './read-ahead.js';
import { DuplicateRecords, findStagedDuplicates } from './staged-duplicates.js';
import { Staging, stagedTables } from './staging.js';
import { validateRecord } from './validate-record.js';

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

export interface SyncCounters {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  rejected: number;
}

export interface SyncResult {
  runId: number;
  sourceId: number;
  status: 'succeeded' | 'failed' | 'cancelled';
  counters: SyncCounters;
  detail: ApplyCounters | null;
  error: { code: string; message: string; details: ErrorDetail[] } | null;
}

/** A run is rejected whole when any record is invalid; this many problems are kept for the report. */
const maxReportedProblems = 200;
const largeRunRecords = 20_000;

class RunFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

const zero: SyncCounters = { added: 0, updated: 0, removed: 0, unchanged: 0, rejected: 0 };

/**
 * Runs one sync of a source: fetch every page and stage it, then apply the whole run in one transaction.
 * A run that fails, is cancelled or has any invalid record applies nothing and removes nothing.
 */
/** Runs the apply transaction; records found twice while applying fail the run as invalid data. */
async function inTransaction<T>(db: Kysely<DB>, apply: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(apply);
  } catch (error) {
    if (error instanceof DuplicateRecords) throw new RunFailure('invalid_data', error.message, error.details);
    throw error;
  }
}

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
      credentials: openCredentials(deps, kind, source.id, source.credentials_encrypted),
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
    const detail = await inTransaction(db, async (trx) => {
      const applyInput = {
        runId,
        sourceId: source.id,
        now: startedAt,
        previousSuccessAt: source.last_success_at,
        coverageOf: (app: string) => coverageOf(kind, app),
        refStyle: staging.refStyle,
      };
      const counters = await applyRun(trx, applyInput);
      await applyDomains(trx, applyInput, staging.domains);
      // Employees and aliases move every app's states (past users, who holds what); else only this source's apps.
      const changedPeople =
        counters.employees.added + counters.employees.updated + counters.employees.removed;
      const changedAliases = counters.aliases.added + counters.aliases.removed;
      const gaps = JSON.stringify([...unavailable].map(([capability, reason]) => ({ capability, reason })));
      if (changedPeople + changedAliases > 0) await markLicenseStatesStale(trx, 'all');
      else if (!statesStand(counters, source, gaps, startedAt))
        await markLicenseStatesStale(trx, await appsOfSource(trx, source.id));
      const totals = summarise(counters);
      await trx
        .updateTable('sync_runs')
        .set({
          status: 'succeeded',
          fetched_at: startedAt,
          finished_at: now(),
          pages,
          records,
          ...totals,
          counters: JSON.stringify(counters),
        })
        .where('id', '=', runId)
        .execute();
      await trx
        .updateTable('sources')
        .set({
          last_run_status: 'succeeded',
          last_error_code: null,
          last_error_message: null,
          last_success_at: startedAt,
          unavailable: gaps,
          updated_at: now(),
        })
        .where('id', '=', source.id)
        .execute();
      if (options.audit)
        await auditRun(trx, options.trigger, source.id, runId, 'succeeded', summarise(counters));
      return counters;
    });
    await clearStaging(database, runId);
    if (records >= largeRunRecords) await database.afterLargeChange();
    options.onProgress?.({ phase: 'done', pages, records });
    return {
      runId,
      sourceId: source.id,
      status: 'succeeded',
      counters: summarise(detail),
      detail,
      error: null,
    };
  } catch (error) {
    // A page still being written lands before the staged rows are cleared, so none is left behind.
    await staging.settle().catch(() => {});
    const failure = toFailure(error);
    const status = failure.code === 'cancelled' ? 'cancelled' : 'failed';
    await finishFailed(deps, source.id, runId, status, failure, { pages, records, rejected }, options);
    await clearStaging(database, runId);
    return {
      runId,
      sourceId: source.id,
      status,
      counters: { ...zero, rejected },
      detail: null,
      error: { code: failure.code, message: failure.message, details: failure.details },
    };
  }
}

/**
 * Whether a successful run leaves every license state as it was: it changed no account, license or usage,
 * the source's gaps are the same, and the source was fresh before (its usage cannot turn from stale to fresh;
 * staleness is counted in days, so a success within the last day means it was not stale).
 */
function statesStand(
  c: ApplyCounters,
  source: { last_run_status: string | null; last_success_at: Date | null; unavailable: unknown },
  gaps: string,
  at: Date,
): boolean {
  const moved =
    c.apps.added +
    c.accounts.added +
    c.accounts.updated +
    c.accounts.removed +
    c.licenseTypes.added +
    c.licenseTypes.updated +
    c.licenseTypes.removed +
    c.accountLicenses.added +
    c.accountLicenses.removed +
    c.usage.updated;
  const freshBefore =
    source.last_run_status === 'succeeded' &&
    source.last_success_at !== null &&
    at.getTime() - new Date(source.last_success_at).getTime() < 86_400_000;
  const sameGaps = (list: unknown) =>
    JSON.stringify(
      ((list ?? []) as { capability: string; reason: string }[]).map((g) => [g.capability, g.reason]).sort(),
    );
  return moved === 0 && freshBefore && sameGaps(source.unavailable) === sameGaps(JSON.parse(gaps));
}

function summarise(c: ApplyCounters): Omit<SyncCounters, 'rejected'> & { rejected: number } {
  return {
    added: c.accounts.added + c.employees.added,
    updated: c.accounts.updated + c.employees.updated,
    removed: c.accounts.removed + c.employees.removed,
    unchanged: c.accounts.unchanged + c.employees.unchanged,
    rejected: 0,
  };
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

function openCredentials(
  deps: SyncDeps,
  kind: SourceKind<unknown, unknown>,
  sourceId: number,
  sealed: string | null,
): unknown {
  if (!kind.credentialsSchema) return undefined;
  if (!sealed) throw new RunFailure('auth', 'This source has no credentials');
  let value: unknown;
  try {
    value = JSON.parse(deps.secrets.open(sealed, sealedContexts.sourceCredentials(sourceId)));
  } catch (error) {
    throw new RunFailure('auth', (error as Error).message);
  }
  const parsed = kind.credentialsSchema.safeParse(value);
  if (!parsed.success) throw new RunFailure('auth', 'The stored credentials do not fit this source kind');
  return parsed.data;
}

function toFailure(error: unknown): RunFailure {
  if (error instanceof RunFailure) return error;
  if (error instanceof ConnectorError) return new RunFailure(error.code, error.message, error.details);
  if ((error as Error)?.name === 'AbortError')
    return new RunFailure('cancelled', 'The sync was cancelled; nothing was changed');
  return new RunFailure('internal', `Sync failed: ${(error as Error)?.message ?? String(error)}`);
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

async function finishFailed(
  deps: SyncDeps,
  sourceId: number,
  runId: number,
  status: 'failed' | 'cancelled',
  failure: RunFailure,
  progress: { pages: number; records: number; rejected: number },
  options: SyncOptions,
) {
  const finishedAt = (deps.now ?? (() => new Date()))();
  await deps.database.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sync_runs')
      .set({
        status,
        finished_at: finishedAt,
        ...progress,
        error_code: failure.code,
        error_message: failure.message,
        error_details: JSON.stringify(failure.details),
      })
      .where('id', '=', runId)
      .execute();
    // A cancelled run says nothing about the source's health; a failed one does.
    await trx
      .updateTable('sources')
      .set(
        status === 'failed'
          ? { last_run_status: 'failed', last_error_code: failure.code, last_error_message: failure.message }
          : { last_run_status: 'cancelled' },
      )
      .where('id', '=', sourceId)
      .execute();
    if (options.audit)
      await auditRun(trx, options.trigger, sourceId, runId, status, { ...zero, ...progress });
  });
}

function auditRun(
  trx: Transaction<DB>,
  actor: string,
  sourceId: number,
  runId: number,
  status: string,
  counters: object,
) {
  return writeAudit(trx, {
    actor,
    action: 'source.sync',
    targetType: 'source',
    targetId: sourceId,
    after: { runId, status, counters },
  });
}

async function clearStaging(database: Database, runId: number) {
  for (const table of stagedTables)
    await sql`delete from ${sql.table(table)} where run_id = ${runId}`.execute(database.db);
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
    }
    return runs.length;
  });
  return result;
}
