import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import { writeAudit } from '../db/audit-log.js';
import type { Database } from '../db/database.js';
import type { DB, SourcesTable } from '../db/schema.js';
import { appsOfSource, markLicenseStatesStale } from '../modules/licenses/license-store.js';
import type { ApplyCounters, ApplyInput } from './apply-common.js';
import { applyDomains } from './apply-domains.js';
import { applyExpenses, type ExpenseImportInput } from './apply-expenses.js';
import { applyRun } from './apply-run.js';
import { holdsRemovals, thresholdOf } from './removal-threshold.js';
import { auditRun, leaseLostFailure, RunFailure, summarise } from './run-outcome.js';
import { DuplicateRecords, type RefStyle } from './staged-duplicates.js';

/** A fully fetched and validated run waiting in the staged_* tables, with what the tables do not hold. */
export interface StagedRun {
  runId: number;
  /** When the data was read: recorded as the source's last success and the changes' time. */
  fetchedAt: Date;
  pages: number;
  records: number;
  refStyle: RefStyle;
  domains: ReadonlyMap<string, boolean>;
  unavailable: { capability: string; reason: string }[];
  /** Settings given with the run, which the source keeps once the run applies (SyncOptions.settings). */
  settings?: Record<string, unknown> | null;
  /** A run of a source of expense lines that staged nothing else: the apply of staged records is skipped. */
  nothingStaged?: boolean;
  /**
   * For sources of expense lines: the import to record (the file's sha256 and name, when a file brought it)
   * and its checked lines.
   */
  expenseImport?: ExpenseImportInput | null;
}

/** The run would remove more than the source's threshold allows; the transaction is rolled back. */
export class RemovalsHeld extends Error {
  constructor(
    readonly counters: ApplyCounters,
    /** The source's accounts (observations) and employees before the run. */
    readonly of: number,
  ) {
    super('The run would remove more than the removal threshold allows');
  }
}

export interface ApplyStagedOptions {
  /** Hold the run instead of applying it when its removals exceed the source's threshold. */
  guardRemovals: boolean;
  audit: { actor: string; action?: string } | null;
  /** The process holding the run's lease: the run applies only while it still holds it. */
  holder: string;
}

/**
 * Applies a staged run in one transaction and records its success. With the removal guard on, the
 * removals are counted by the apply itself and, past the threshold, RemovalsHeld rolls everything back, so
 * a held run leaves the database exactly as it was. Earlier held runs of the source are superseded by a
 * run that applies: their ids are returned so their staged rows can go.
 */
export async function applyStagedRun(
  database: Database,
  now: () => Date,
  source: Selectable<SourcesTable>,
  coverageOf: ApplyInput['coverageOf'],
  run: StagedRun,
  options: ApplyStagedOptions,
): Promise<{ counters: ApplyCounters; superseded: number[] }> {
  return inTransaction(database.db, async (trx) => {
    const applyInput: ApplyInput = {
      runId: run.runId,
      sourceId: source.id,
      now: run.fetchedAt,
      previousSuccessAt: source.last_success_at,
      coverageOf,
      refStyle: run.refStyle,
    };
    const threshold = thresholdOf(source.removal_threshold);
    // A source that never completed a sync removes nothing (apply-accounts), so there is nothing to count;
    // nor does a source of expense lines, whose lines are never removed (an export covers a period).
    const guarded =
      options.guardRemovals &&
      !('disabled' in threshold) &&
      source.last_success_at !== null &&
      !run.expenseImport;
    if (run.settings) await keepRunSettings(trx, source, run.settings, options.audit?.actor ?? 'sync');
    const before = guarded ? await countHeldBySource(trx, source.id) : 0;
    const counters = run.nothingStaged ? emptyCounters() : await applyRun(trx, applyInput);
    if (guarded && holdsRemovals(threshold, counters.accounts.removed + counters.employees.removed, before))
      throw new RemovalsHeld(counters, before);

    if (run.expenseImport)
      counters.expenses = await applyExpenses(database, trx, applyInput, run.expenseImport);
    await applyDomains(trx, applyInput, run.domains);
    // Employees and aliases move every app's states (past users, who holds what); else only this source's apps.
    const changedPeople = counters.employees.added + counters.employees.updated + counters.employees.removed;
    const changedAliases = counters.aliases.added + counters.aliases.removed;
    const gaps = JSON.stringify(run.unavailable);
    if (changedPeople + changedAliases > 0) await markLicenseStatesStale(trx, 'all');
    else if (!statesStand(counters, source, gaps, run.fetchedAt))
      await markLicenseStatesStale(trx, await appsOfSource(trx, source.id));
    const totals = summarise(counters);
    // Only while the run is still ours: a run another process failed (lease run out) must apply nothing.
    const finished = await trx
      .updateTable('sync_runs')
      .set({
        status: 'succeeded',
        fetched_at: run.fetchedAt,
        finished_at: now(),
        pages: run.pages,
        records: run.records,
        ...totals,
        counters: JSON.stringify(counters),
        lease_expires_at: null,
      })
      .where('id', '=', run.runId)
      .where('status', '=', 'running')
      .where('lease_holder', '=', options.holder)
      .executeTakeFirst();
    if (finished.numUpdatedRows === 0n) throw leaseLostFailure();
    const superseded = await supersedeHeldRuns(trx, source.id, run.runId);
    await trx
      .updateTable('sources')
      .set({
        last_run_status: 'succeeded',
        last_error_code: null,
        last_error_message: null,
        last_success_at: run.fetchedAt,
        unavailable: gaps,
        held_removals: null,
        updated_at: now(),
      })
      .where('id', '=', source.id)
      .execute();
    if (options.audit) await auditRun(trx, options.audit, source.id, run.runId, 'succeeded', totals);
    return { counters, superseded };
  });
}

/** The source keeps the settings its applied run was given; an unchanged setting writes nothing. */
async function keepRunSettings(
  trx: Transaction<DB>,
  source: Selectable<SourcesTable>,
  settings: Record<string, unknown>,
  actor: string,
) {
  const before = (source.config ?? {}) as Record<string, unknown>;
  const after = { ...before, ...settings };
  if (JSON.stringify(after) === JSON.stringify(before)) return;
  await trx
    .updateTable('sources')
    .set({ config: JSON.stringify(after) })
    .where('id', '=', source.id)
    .execute();
  await writeAudit(trx, {
    actor,
    action: 'source.configure',
    targetType: 'source',
    targetId: source.id,
    before,
    after,
  });
}

/** The accounts (this source's observations) and employees the source lists now: what a run may remove. */
async function countHeldBySource(trx: Transaction<DB>, sourceId: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select (select count(*) from account_observations where source_id = ${sourceId} and removed_at is null)::int
         + (select count(*) from employees where source_id = ${sourceId} and removed_at is null)::int as n`.execute(
    trx,
  );
  return rows[0]?.n ?? 0;
}

/**
 * Ends the source's other held runs: a newer complete run (applied or held itself) stands for the source
 * now, and confirming an older one would apply data older than what is in force.
 */
export async function supersedeHeldRuns(
  trx: Transaction<DB>,
  sourceId: number,
  byRunId: number,
): Promise<number[]> {
  const rows = await trx
    .updateTable('sync_runs')
    .set({
      status: 'discarded',
      error_code: 'superseded',
      error_message: `Superseded by sync run ${byRunId}; nothing of this run was applied`,
    })
    .where('source_id', '=', sourceId)
    .where('status', '=', 'held')
    .where('id', '<>', byRunId)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Runs the apply transaction; records found twice while applying fail the run as invalid data. Applies
 * take turns: sources share users, apps, unmanaged instances and their accounts, and two applies writing
 * those in different orders would deadlock on a server database (or collide on a new app's name). Fetching,
 * the long part of a sync, still runs side by side.
 */
async function inTransaction<T>(db: Kysely<DB>, apply: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext('roster.sync.apply'))`.execute(trx);
      return apply(trx);
    });
  } catch (error) {
    if (error instanceof DuplicateRecords) throw new RunFailure('invalid_data', error.message, error.details);
    throw error;
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

/** What applying no staged record changes. */
function emptyCounters(): ApplyCounters {
  const entity = () => ({ added: 0, updated: 0, removed: 0, unchanged: 0 });
  return {
    accounts: entity(),
    employees: entity(),
    aliases: { added: 0, removed: 0 },
    licenseTypes: entity(),
    accountLicenses: { added: 0, removed: 0 },
    usage: { updated: 0 },
    apps: { added: 0 },
    users: { added: 0 },
  };
}
