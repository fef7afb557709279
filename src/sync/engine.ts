import { coverageOf, type SourceKind } from '../connectors/kit/connector.js';
import type { SourceRecord } from '../connectors/kit/records.js';
import { findSourceKind } from '../connectors/registry.js';
import type { Database } from '../db/database.js';
import type { ErrorDetail } from '../lib/errors.js';
import { conflict, notFound } from '../lib/errors.js';
import { defaultLease, type LeaseSettings, processLeaseHolder } from '../lib/lease.js';
import {
  defaultMaxBytes,
  type OutboundClient,
  strictOutboundClient,
} from '../lib/outbound/outbound-client.js';
import { type SecretBox, sealedContexts } from '../lib/secret-box.js';
import type { ApplyCounters } from './apply-run.js';
import { applyStagedRun, RemovalsHeld, type StagedRun } from './apply-staged.js';
import { recordCredentialExpiry } from './credential-expiry.js';
import { ExpenseRunLines } from './expense-run-lines.js';
import { type HeldRemovals, holdRun } from './held-runs.js';
import { readAhead } from './read-ahead.js';
import { failStoppedRuns, newRunLease, RunLease } from './run-lease.js';
import {
  clearStaging,
  finishFailed,
  leaseLostFailure,
  RunFailure,
  type SyncCounters,
  summarise,
  toFailure,
  zeroCounters,
} from './run-outcome.js';
import { findStagedDuplicates } from './staged-duplicates.js';
import { Staging } from './staging.js';
import { problemAt, validateRecord } from './validate-record.js';

export type { SyncCounters } from './run-outcome.js';

export interface SyncDeps {
  database: Database;
  secrets: SecretBox;
  now?: () => Date;
  /** ROSTER_FILES_DIR: the only place file-based sources may read. */
  filesDir?: string;
  /** The largest file a file-based source reads; ROSTER_MAX_UPLOAD_BYTES. */
  maxFileBytes?: number;
  /** How sources reach the network (the Roster's client); without one, only public https addresses. */
  outbound?: OutboundClient;
  /** Where source kinds are looked up; the registry unless a test or benchmark brings its own. */
  findKind?: (kind: string) => SourceKind<unknown, unknown> | undefined;
  /** How this process holds its runs (ROSTER_LEASE_*); two minutes renewed every 30 seconds by default. */
  lease?: LeaseSettings;
  /** Names this process on the runs it holds; the process's own name unless a test plays another process. */
  leaseHolder?: string;
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
  /** Told the run's id once its row exists (running): a caller that does not wait for the end can answer with it. */
  onStarted?: (runId: number) => void;
  /** Record the run in the audit log (a person or schedule started it), in the same transaction as its outcome. */
  audit?: boolean;
  /**
   * Source settings given with this run (an expense import's currency and count mode): the run reads and
   * applies with them, and the source keeps them (audited) in the apply transaction, so a run that applies
   * nothing changes no setting either.
   */
  settings?: Record<string, unknown>;
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
const notAnExpenseSource =
  'is "expense": this source does not take expense lines (import them into an expense source)';
const largeRunRecords = 20_000;

/**
 * Runs one sync of a source: fetch every page and stage it, then apply the whole run in one transaction.
 * A run that fails, is cancelled or has any invalid record applies nothing and removes nothing. A complete
 * run that would remove more than the source's removal threshold is held: nothing is applied, and its
 * staged records wait for a confirmation (held-runs.ts).
 */
/** A reason given as text (Roster stopping) is said; an abort without one is a person cancelling. */
const cancelledMessage = (reason: unknown) =>
  typeof reason === 'string'
    ? `The sync was cancelled: ${reason}; nothing was changed`
    : 'The sync was cancelled; nothing was changed';

export async function runSync(deps: SyncDeps, sourceId: number, options: SyncOptions): Promise<SyncResult> {
  const { database } = deps;
  const { db } = database;
  const now = deps.now ?? (() => new Date());
  const source = await db.selectFrom('sources').selectAll().where('id', '=', sourceId).executeTakeFirst();
  if (!source) throw notFound(`Source ${sourceId} does not exist`);
  const kind = (deps.findKind ?? findSourceKind)(source.kind);
  if (!kind) throw notFound(`Source kind "${source.kind}" is not known to this version of Roster`);

  const startedAt = now();
  const holder = deps.leaseHolder ?? processLeaseHolder;
  const runId = await startRun(deps, source.id, options.trigger, startedAt, holder);
  options.onStarted?.(runId);
  // Aborted when the caller cancels, or when another process failed this run because its lease ran out.
  const abort = new AbortController();
  const signal = abort.signal;
  options.signal?.addEventListener('abort', () => abort.abort(options.signal?.reason), { once: true });
  if (options.signal?.aborted) abort.abort(options.signal.reason);
  let leaseLost = false;
  const lease = new RunLease(database, runId, {
    ...(deps.lease ?? defaultLease),
    holder,
    now,
    onLost: () => {
      leaseLost = true;
      abort.abort();
    },
  });
  lease.start();
  const staging = new Staging(database, runId);
  // A source of expense lines keeps its run's lines aside and writes them straight into their table.
  const expenseLines = kind.capabilities.expenses ? new ExpenseRunLines() : null;
  let pages = 0;
  let records = 0;
  let rejected = 0;
  const problems: ErrorDetail[] = [];
  const unavailable = new Map<string, string>();
  let credentialExpiresAt: Date | null = null;
  let file: { sha256: string; name: string | null; readWith: Record<string, unknown> | null } | null = null;

  try {
    const context = {
      config: parseConfig(kind, { ...((source.config ?? {}) as object), ...options.settings }),
      credentials: openCredentials(deps, kind, source.id, source.credentials_encrypted),
      input: options.input,
      signal,
      filesDir: deps.filesDir ?? '',
      maxFileBytes: deps.maxFileBytes ?? defaultMaxBytes,
      outbound: deps.outbound ?? strictOutboundClient(),
    };
    // A source bound to one app keeps that app even when it lists no users yet.
    const boundApp = kind.appOf?.(context.config);
    if (boundApp) staging.add({ type: 'app', name: boundApp, domain: null }, undefined);
    for await (const page of readAhead(kind.fetch(context))) {
      if (signal.aborted) break;
      pages++;
      for (const gap of page.unavailable ?? []) unavailable.set(gap.capability, gap.reason);
      if (page.credentialExpiresAt) credentialExpiresAt = page.credentialExpiresAt;
      if (page.file) file = page.file;
      for (const detail of page.rejected ?? []) {
        rejected++;
        if (problems.length < maxReportedProblems) problems.push(detail);
      }
      for (const input of page.records) {
        // A page the connector checked holds the schema's output already (an expense file's rows).
        const checked = page.checked ? { record: input as SourceRecord } : validateRecord(input);
        if ('problems' in checked) {
          rejected++;
          for (const p of checked.problems) if (problems.length < maxReportedProblems) problems.push(p);
          continue;
        }
        // Expense lines are held for an expense source's own apply; any other source would drop them.
        if (checked.record.type === 'expense' && !expenseLines) {
          rejected++;
          if (problems.length < maxReportedProblems)
            problems.push(problemAt(input, 'type', notAnExpenseSource));
          continue;
        }
        records++;
        if (rejected > 0) continue;
        if (expenseLines && checked.record.type === 'expense')
          expenseLines.add(checked.record, staging.seqOf(input.ref));
        else staging.add(checked.record, input.ref, input.raw);
      }
      // Once a record is rejected nothing will be applied: keep reading only to report every problem.
      if (rejected === 0) await staging.flush();
      lease.progress(pages, records);
      options.onProgress?.({ phase: 'fetch', pages, records, ...page.progress });
    }
    if (leaseLost) throw leaseLostFailure();
    if (signal.aborted) throw new RunFailure('cancelled', cancelledMessage(signal.reason));
    // A fact about the credential, not the data: kept even when the records are then refused or held.
    if (kind.expiringCredential) await recordCredentialExpiry(database, source.id, credentialExpiresAt);
    if (rejected > 0) {
      throw new RunFailure(
        'invalid_data',
        `${rejected} record(s) are invalid; nothing was applied`,
        problems,
      );
    }
    await staging.flush();
    await staging.settle();
    const duplicates = [
      ...(await findStagedDuplicates(database, runId, staging.refStyle)),
      ...(expenseLines?.duplicates(staging.refStyle) ?? []),
    ];
    if (duplicates.length > 0) {
      const what = duplicates.every((d) => d.field === 'id') ? 'expense line id' : 'user';
      throw new RunFailure(
        'invalid_data',
        `The data lists the same ${what} more than once; nothing was applied`,
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
      settings: options.settings ?? null,
      // A source of expense lines stages nothing else, and has no accounts or employees a run could remove.
      nothingStaged: expenseLines !== null && staging.isEmpty,
      expenseImport: expenseLines
        ? {
            contentSha256: file?.sha256 ?? null,
            fileName: file?.name ?? null,
            readWith: file?.readWith ?? null,
            lines: expenseLines,
          }
        : null,
    };
    const audit = options.audit ? { actor: options.trigger } : null;
    let applied: Awaited<ReturnType<typeof applyStagedRun>>;
    try {
      applied = await applyStagedRun(database, now, source, (app) => coverageOf(kind, app), staged, {
        guardRemovals: true,
        audit,
        holder,
      });
    } catch (error) {
      if (!(error instanceof RemovalsHeld)) throw error;
      await lease.stop();
      const held = await holdRun(database, now, { sourceId: source.id, holder }, staged, error, audit);
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
    await lease.stop();
    await clearStaging(database, [runId, ...applied.superseded]);
    // An expense import refreshed the statistics of the tables it wrote inside its apply (apply-expenses.ts);
    // nothing else changed enough for the whole database to be analyzed again.
    if (records >= largeRunRecords && !expenseLines) await database.afterLargeChange();
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
    await lease.stop();
    // Whatever the fetch threw once the run was cancelled (the abort's reason, a reset connection), the run
    // was cancelled: it says so, and why.
    const failure = leaseLost
      ? leaseLostFailure()
      : signal.aborted
        ? new RunFailure('cancelled', cancelledMessage(signal.reason))
        : toFailure(error);
    const status = failure.code === 'cancelled' ? 'cancelled' : 'failed';
    // A run another process already failed keeps that process's account of it (finishFailed writes nothing).
    await finishFailed(
      database,
      now,
      { sourceId: source.id, runId, holder },
      status,
      failure,
      { pages, records, rejected },
      options.audit ? { actor: options.trigger } : null,
    );
    // Pages staged after that process cleared the run's rows go too.
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

/**
 * Inserts the run, holding its lease. When a run of the source is already running and its process has
 * stopped (lease run out), that run is failed first, so a crash never blocks a source for longer than a lease.
 */
async function startRun(
  deps: SyncDeps,
  sourceId: number,
  trigger: string,
  startedAt: Date,
  holder: string,
): Promise<number> {
  try {
    return await insertRun(deps, sourceId, trigger, startedAt, holder);
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    if ((await failStoppedRuns(deps.database, { now: startedAt, sourceId })) === 0)
      throw conflict('A sync of this source is already running');
    return insertRun(deps, sourceId, trigger, startedAt, holder).catch((again) => {
      if ((again as { code?: string }).code === '23505')
        throw conflict('A sync of this source is already running');
      throw again;
    });
  }
}

async function insertRun(
  deps: SyncDeps,
  sourceId: number,
  trigger: string,
  startedAt: Date,
  holder: string,
): Promise<number> {
  return deps.database.db.transaction().execute(async (trx) => {
    const run = await trx
      .insertInto('sync_runs')
      .values({
        source_id: sourceId,
        status: 'running',
        trigger,
        started_at: startedAt,
        ...newRunLease(holder, startedAt, deps.lease ?? defaultLease),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('sources')
      .set({ last_run_status: 'running', last_sync_at: startedAt })
      .where('id', '=', sourceId)
      .execute();
    return run.id;
  });
}
