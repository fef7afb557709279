import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { Heartbeat, type LeaseSettings } from '../lib/lease.js';
import { stagedTables } from './staging.js';

export interface RunLeaseOptions extends LeaseSettings {
  holder: string;
  now: () => Date;
  /** Called once when another process has taken the run away (its lease ran out and it was failed). */
  onLost: () => void;
}

/**
 * A running sync's hold on its `sync_runs` row. The engine reports progress after every page; each report,
 * and a timer between pages, writes the pages and records read so far and pushes the lease forward. The row
 * is the one place progress exists, so the console reads it whichever process runs the sync.
 */
export class RunLease {
  private pages = 0;
  private records = 0;
  private ended = false;
  private readonly heartbeat: Heartbeat;

  constructor(
    private readonly database: Database,
    private readonly runId: number,
    private readonly options: RunLeaseOptions,
  ) {
    this.heartbeat = new Heartbeat(() => this.renew(), options.renewEveryMs);
  }

  start(): void {
    this.heartbeat.start();
  }

  progress(pages: number, records: number): void {
    this.pages = pages;
    this.records = records;
    this.heartbeat.beat();
  }

  async stop(): Promise<void> {
    this.ended = true;
    await this.heartbeat.stop();
  }

  private async renew(): Promise<void> {
    const at = this.options.now();
    const result = await this.database.db
      .updateTable('sync_runs')
      .set({
        pages: this.pages,
        records: this.records,
        heartbeat_at: at,
        lease_expires_at: new Date(at.getTime() + this.options.durationMs),
      })
      .where('id', '=', this.runId)
      .where('status', '=', 'running')
      .where('lease_holder', '=', this.options.holder)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n && !this.ended) {
      this.ended = true;
      this.options.onLost();
    }
  }
}

/** The lease columns of a run this process starts. */
export function newRunLease(holder: string, at: Date, settings: LeaseSettings) {
  return {
    lease_holder: holder,
    heartbeat_at: at,
    lease_expires_at: new Date(at.getTime() + settings.durationMs),
  };
}

export const stoppedRunCode = 'interrupted';

/** The reason a stopped process's run failed, naming its last sign of life. */
export function stoppedRunMessage(lastSign: Date): string {
  return `The process running this sync stopped: no sign of life since ${lastSign.toISOString()}; nothing was applied`;
}

/**
 * Fails runs whose process stopped: their lease ran out (or, with `everyRunning`, any run left running,
 * which only the embedded database may say at start, as no other process can hold its runs). The source
 * shows the failure, so its health stops saying "syncing", and a new sync of it may start. SKIP LOCKED: a
 * run whose holder is committing its outcome right now is left to it.
 */
export async function failStoppedRuns(
  database: Database,
  options: { now?: Date; sourceId?: number; everyRunning?: boolean } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  return database.db.transaction().execute(async (trx) => {
    let query = trx
      .selectFrom('sync_runs')
      .select(['id', 'source_id', 'started_at', 'heartbeat_at'])
      .where('status', '=', 'running')
      .forUpdate()
      .skipLocked();
    if (!options.everyRunning) query = query.where('lease_expires_at', '<', now);
    if (options.sourceId !== undefined) query = query.where('source_id', '=', options.sourceId);
    const runs = await query.execute();
    for (const run of runs) {
      const message = stoppedRunMessage(run.heartbeat_at ?? run.started_at);
      await trx
        .updateTable('sync_runs')
        .set({ status: 'failed', finished_at: now, error_code: stoppedRunCode, error_message: message })
        .where('id', '=', run.id)
        .execute();
      await trx
        .updateTable('sources')
        .set({ last_run_status: 'failed', last_error_code: stoppedRunCode, last_error_message: message })
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
}

/** When the run of a source now running will either have shown a sign of life or be failed; null if none runs. */
export async function runningLeaseEnd(database: Database, sourceId: number): Promise<Date | null> {
  const row = await database.db
    .selectFrom('sync_runs')
    .select('lease_expires_at')
    .where('source_id', '=', sourceId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return row?.lease_expires_at ?? null;
}
