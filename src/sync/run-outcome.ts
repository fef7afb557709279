import { sql, type Transaction } from 'kysely';
import { ConnectorError } from '../connectors/kit/connector-error.js';
import { writeAudit } from '../db/audit-log.js';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { ErrorDetail } from '../lib/errors.js';
import type { ApplyCounters } from './apply-common.js';
import { stagedTables } from './staging.js';

/** How a run ends without applying anything: the code and message the source and the run record. */
export class RunFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export interface SyncCounters {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  rejected: number;
}

export const zeroCounters: SyncCounters = { added: 0, updated: 0, removed: 0, unchanged: 0, rejected: 0 };

export function summarise(c: ApplyCounters): SyncCounters {
  return {
    added: c.accounts.added + c.employees.added + (c.expenses?.lines.added ?? 0),
    updated: c.accounts.updated + c.employees.updated + (c.expenses?.lines.updated ?? 0),
    removed: c.accounts.removed + c.employees.removed,
    unchanged: c.accounts.unchanged + c.employees.unchanged + (c.expenses?.lines.unchanged ?? 0),
    rejected: 0,
  };
}

export function toFailure(error: unknown): RunFailure {
  if (error instanceof RunFailure) return error;
  if (error instanceof ConnectorError) return new RunFailure(error.code, error.message, error.details);
  if ((error as Error)?.name === 'AbortError')
    return new RunFailure('cancelled', 'The sync was cancelled; nothing was changed');
  return new RunFailure('internal', `Sync failed: ${(error as Error)?.message ?? String(error)}`);
}

/** The failure of a run this process no longer holds: another process failed it when its lease ran out. */
export function leaseLostFailure(): RunFailure {
  return new RunFailure(
    'lease_lost',
    'This sync showed no sign of life for longer than its lease, so another Roster process failed it; nothing was applied',
  );
}

/**
 * Records a failed or cancelled run, while this process still holds it; false when another process had
 * already failed it (its account of the run stands).
 */
export async function finishFailed(
  database: Database,
  now: () => Date,
  run: { sourceId: number; runId: number; holder: string },
  status: 'failed' | 'cancelled',
  failure: RunFailure,
  progress: { pages: number; records: number; rejected: number },
  audit: { actor: string; action?: string } | null,
): Promise<boolean> {
  const { sourceId, runId } = run;
  return database.db.transaction().execute(async (trx) => {
    const ended = await trx
      .updateTable('sync_runs')
      .set({
        status,
        finished_at: now(),
        ...progress,
        error_code: failure.code,
        error_message: failure.message,
        error_details: JSON.stringify(failure.details),
        lease_expires_at: null,
      })
      .where('id', '=', runId)
      .where('status', '=', 'running')
      .where('lease_holder', '=', run.holder)
      .executeTakeFirst();
    if (ended.numUpdatedRows === 0n) return false;
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
    if (audit) await auditRun(trx, audit, sourceId, runId, status, { ...zeroCounters, ...progress });
    return true;
  });
}

export function auditRun(
  trx: Transaction<DB>,
  audit: { actor: string; action?: string },
  sourceId: number,
  runId: number,
  status: string,
  counters: object,
) {
  return writeAudit(trx, {
    actor: audit.actor,
    action: audit.action ?? 'source.sync',
    targetType: 'source',
    targetId: sourceId,
    after: { runId, status, counters },
  });
}

export async function clearStaging(database: Database, runIds: number[]) {
  if (runIds.length === 0) return;
  for (const table of stagedTables)
    await sql`delete from ${sql.table(table)} where run_id = any (${runIds}::bigint[])`.execute(database.db);
}
