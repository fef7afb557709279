import { sql } from 'kysely';
import type { RunStatus } from '../../db/schema.js';
import type { Roster } from '../../roster.js';
import type { HeldRemovals } from '../../sync/held-runs.js';

export interface SyncRunView {
  id: number;
  sourceId: number;
  source: string;
  status: RunStatus;
  trigger: string;
  startedAt: string;
  finishedAt: string | null;
  /** The last sign of life of the process running it: its latest page or lease renewal. */
  heartbeatAt: string | null;
  pages: number;
  records: number;
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  rejected: number;
  counters: unknown;
  errorCode: string | null;
  errorMessage: string | null;
  errorDetails: unknown;
  /** What the run would remove, when it was held (still, or until it was confirmed or discarded). */
  held: HeldRemovals | null;
}

export async function listSyncRuns(
  roster: Roster,
  options: { source?: string; limit?: number; cursor?: number; id?: number },
): Promise<{ items: SyncRunView[]; nextCursor: string | null }> {
  const limit = Math.min(options.limit ?? 50, 500);
  const source = options.source?.trim().toLowerCase();
  let query = roster.database.db
    .selectFrom('sync_runs as r')
    .innerJoin('sources as s', 's.id', 'r.source_id')
    .select([
      'r.id',
      'r.source_id as sourceId',
      's.name as source',
      'r.status',
      'r.trigger',
      'r.started_at as startedAt',
      'r.finished_at as finishedAt',
      'r.heartbeat_at as heartbeatAt',
      'r.pages',
      'r.records',
      'r.added',
      'r.updated',
      'r.removed',
      'r.unchanged',
      'r.rejected',
      'r.counters',
      'r.error_code as errorCode',
      'r.error_message as errorMessage',
      'r.error_details as errorDetails',
      'r.held',
    ])
    .orderBy('r.id', 'desc')
    .limit(limit + 1);
  if (options.id) query = query.where('r.id', '=', options.id);
  if (options.cursor) query = query.where('r.id', '<', options.cursor);
  if (source) {
    query = /^\d+$/.test(source)
      ? query.where('s.id', '=', Number(source))
      : query.where(sql`lower(s.name)`, '=', source);
  }
  const rows = await query.execute();
  const items = rows.slice(0, limit).map(({ held, ...r }) => ({
    ...r,
    held: heldRemovals(held),
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    heartbeatAt: r.heartbeatAt?.toISOString() ?? null,
  }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? String(last.id) : null };
}

/** The public part of a held run's record (the rest is what applying it needs). */
function heldRemovals(held: unknown): HeldRemovals | null {
  if (!held) return null;
  const { removals, accounts, employees, of, message } = held as HeldRemovals;
  return { removals, accounts, employees, of, message };
}
