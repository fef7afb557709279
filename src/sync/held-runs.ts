import { sql } from 'kysely';
import { coverageOf } from '../connectors/kit/connector.js';
import { findSourceKind } from '../connectors/registry.js';
import type { Database } from '../db/database.js';
import { conflict, notFound } from '../lib/errors.js';
import { defaultLease, processLeaseHolder } from '../lib/lease.js';
import { applyStagedRun, type RemovalsHeld, type StagedRun, supersedeHeldRuns } from './apply-staged.js';
import type { SyncDeps, SyncResult } from './engine.js';
import { newRunLease, RunLease } from './run-lease.js';
import {
  auditRun,
  clearStaging,
  finishFailed,
  leaseLostFailure,
  RunFailure,
  summarise,
  toFailure,
} from './run-outcome.js';
import type { RefStyle } from './staged-duplicates.js';

/** What a held run would remove, as runs, sources and results report it. */
export interface HeldRemovals {
  /** Accounts (this source's observations of them) and employees the run would remove. */
  removals: number;
  accounts: number;
  employees: number;
  /** The source's accounts and employees before the run. */
  of: number;
  message: string;
}

/** Kept on the held run (`sync_runs.held`): enough to apply it later exactly as it was fetched. */
interface HeldRunRecord extends HeldRemovals {
  refStyle: RefStyle;
  domains: [string, boolean][];
  unavailable: { capability: string; reason: string }[];
  /** Staged rows when the run was held; fewer later means the staged tables lost them (a server crash). */
  staged: { accounts: number; employees: number };
}

export function heldRemovalsOf(held: RemovalsHeld): HeldRemovals {
  const accounts = held.counters.accounts.removed;
  const employees = held.counters.employees.removed;
  const removals = accounts + employees;
  return {
    removals,
    accounts,
    employees,
    of: held.of,
    message:
      `This run would remove ${removals} of the source's ${held.of} accounts and employees ` +
      `(${accounts} accounts, ${employees} employees); nothing was applied. ` +
      'Confirm the removals to apply it, or discard it.',
  };
}

async function stagedCounts(database: Database, runId: number) {
  const { rows } = await sql<{ accounts: number; employees: number }>`
    select (select count(*)::int from staged_accounts where run_id = ${runId}) as accounts,
           (select count(*)::int from staged_employees where run_id = ${runId}) as employees`.execute(
    database.db,
  );
  return rows[0] ?? { accounts: 0, employees: 0 };
}

/**
 * Ends a run as held: nothing of it was applied (its transaction rolled back), its staged rows stay for a
 * confirmation, and it replaces any earlier held run of the source.
 */
export async function holdRun(
  database: Database,
  now: () => Date,
  owner: { sourceId: number; holder: string },
  run: StagedRun,
  held: RemovalsHeld,
  audit: { actor: string } | null,
): Promise<HeldRemovals> {
  const removals = heldRemovalsOf(held);
  const record: HeldRunRecord = {
    ...removals,
    refStyle: run.refStyle,
    domains: [...run.domains],
    unavailable: run.unavailable,
    staged: await stagedCounts(database, run.runId),
  };
  const totals = summarise(held.counters);
  const { sourceId } = owner;
  const superseded = await database.db.transaction().execute(async (trx) => {
    const ours = await trx
      .updateTable('sync_runs')
      .set({
        status: 'held',
        lease_expires_at: null,
        fetched_at: run.fetchedAt,
        finished_at: now(),
        pages: run.pages,
        records: run.records,
        ...totals,
        counters: JSON.stringify(held.counters),
        held: JSON.stringify(record),
        error_code: 'removals_held',
        error_message: removals.message,
      })
      .where('id', '=', run.runId)
      .where('status', '=', 'running')
      .where('lease_holder', '=', owner.holder)
      .executeTakeFirst();
    if (ours.numUpdatedRows === 0n) throw leaseLostFailure();
    const superseded = await supersedeHeldRuns(trx, sourceId, run.runId);
    await trx
      .updateTable('sources')
      .set({ last_run_status: 'held', held_removals: removals.removals, updated_at: now() })
      .where('id', '=', sourceId)
      .execute();
    if (audit) await auditRun(trx, audit, sourceId, run.runId, 'held', totals);
    return superseded;
  });
  await clearStaging(database, superseded);
  return removals;
}

async function findHeldRun(database: Database, sourceId: number) {
  const run = await database.db
    .selectFrom('sync_runs')
    .selectAll()
    .where('source_id', '=', sourceId)
    .where('status', '=', 'held')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!run) throw notFound('This source has no sync run held for confirmation');
  return run;
}

/**
 * Applies the source's held run exactly as it was fetched (no refetch), removals included. The run turns
 * `running` first, so it cannot be confirmed twice or while another sync of the source runs.
 */
export async function confirmHeldRun(
  deps: SyncDeps,
  sourceId: number,
  options: { trigger: string; audit?: boolean },
): Promise<SyncResult> {
  const { database } = deps;
  const now = deps.now ?? (() => new Date());
  const heldRun = await findHeldRun(database, sourceId);
  const record = heldRun.held as HeldRunRecord;
  const source = await database.db
    .selectFrom('sources')
    .selectAll()
    .where('id', '=', sourceId)
    .executeTakeFirstOrThrow();
  const kind = (deps.findKind ?? findSourceKind)(source.kind);
  if (!kind) throw notFound(`Source kind "${source.kind}" is not known to this version of Roster`);
  const holder = deps.leaseHolder ?? processLeaseHolder;
  const leaseSettings = deps.lease ?? defaultLease;
  try {
    await database.db.transaction().execute(async (trx) => {
      const taken = await trx
        .updateTable('sync_runs')
        .set({
          status: 'running',
          error_code: null,
          error_message: null,
          ...newRunLease(holder, now(), leaseSettings),
        })
        .where('id', '=', heldRun.id)
        .where('status', '=', 'held')
        .returning('id')
        .executeTakeFirst();
      if (!taken) throw conflict('This held run was confirmed or discarded meanwhile');
      await trx
        .updateTable('sources')
        .set({ last_run_status: 'running' })
        .where('id', '=', sourceId)
        .execute();
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw conflict('A sync of this source is running; confirm the held run once it has ended');
    throw error;
  }

  const audit = options.audit ? { actor: options.trigger, action: 'source.removals.confirm' } : null;
  const progress = { pages: heldRun.pages, records: heldRun.records, rejected: 0 };
  // Applying a large held run takes a while: its lease is renewed meanwhile, as a sync's is.
  const lease = new RunLease(database, heldRun.id, { ...leaseSettings, holder, now, onLost: () => {} });
  lease.start();
  try {
    const staged = await stagedCounts(database, heldRun.id);
    if (staged.accounts !== record.staged.accounts || staged.employees !== record.staged.employees)
      throw new RunFailure(
        'held_data_lost',
        'The records of this held run are no longer stored (the database restarted); nothing was applied. Run a sync again.',
      );
    const { counters, superseded } = await applyStagedRun(
      database,
      now,
      source,
      (app) => coverageOf(kind, app),
      {
        runId: heldRun.id,
        fetchedAt: heldRun.fetched_at ?? heldRun.started_at,
        pages: heldRun.pages,
        records: heldRun.records,
        refStyle: record.refStyle,
        domains: new Map(record.domains),
        unavailable: record.unavailable,
      },
      { guardRemovals: false, audit, holder },
    );
    await lease.stop();
    await clearStaging(database, [heldRun.id, ...superseded]);
    return {
      runId: heldRun.id,
      sourceId,
      status: 'succeeded',
      counters: summarise(counters),
      detail: counters,
      held: null,
      error: null,
    };
  } catch (error) {
    await lease.stop();
    const failure = toFailure(error);
    await finishFailed(
      database,
      now,
      { sourceId, runId: heldRun.id, holder },
      'failed',
      failure,
      progress,
      audit,
    );
    // The held run is over either way: the source no longer has removals waiting.
    await database.db
      .updateTable('sources')
      .set({ held_removals: null })
      .where('id', '=', sourceId)
      .execute();
    await clearStaging(database, [heldRun.id]);
    return {
      runId: heldRun.id,
      sourceId,
      status: 'failed',
      counters: { added: 0, updated: 0, removed: 0, unchanged: 0, rejected: 0 },
      detail: null,
      held: null,
      error: { code: failure.code, message: failure.message, details: failure.details },
    };
  }
}

/** Ends the source's held run without applying anything; the source keeps what it had. */
export async function discardHeldRun(
  database: Database,
  sourceId: number,
  options: { actor: string; audit?: boolean; now?: () => Date },
): Promise<{ runId: number; sourceId: number; status: 'discarded' }> {
  const now = options.now ?? (() => new Date());
  const heldRun = await findHeldRun(database, sourceId);
  await database.db.transaction().execute(async (trx) => {
    const taken = await trx
      .updateTable('sync_runs')
      .set({ status: 'discarded', error_code: 'discarded', error_message: 'Discarded; nothing was applied' })
      .where('id', '=', heldRun.id)
      .where('status', '=', 'held')
      .returning('id')
      .executeTakeFirst();
    if (!taken) throw conflict('This held run was confirmed or discarded meanwhile');
    await trx
      .updateTable('sources')
      .set((eb) => ({
        held_removals: null,
        last_run_status: eb
          .case()
          .when('last_run_status', '=', 'held')
          .then('discarded' as const)
          .else(eb.ref('last_run_status'))
          .end(),
        updated_at: now(),
      }))
      .where('id', '=', sourceId)
      .execute();
    if (options.audit)
      await auditRun(
        trx,
        { actor: options.actor, action: 'source.removals.discard' },
        sourceId,
        heldRun.id,
        'discarded',
        { removals: (heldRun.held as HeldRunRecord).removals },
      );
  });
  await clearStaging(database, [heldRun.id]);
  return { runId: heldRun.id, sourceId, status: 'discarded' };
}
