import { findSourceKind } from '../../connectors/registry.js';
import { enqueueJob, type Job } from '../../jobs/job-queue.js';
import type { Roster } from '../../roster.js';
import { scheduleIntervalMs } from './source-schedule.js';
import { syncSource } from './sources.service.js';

export const syncJobKind = 'sync';

/** Queues a sync for every connected pull source whose schedule says it is due (one pending per source). */
export async function enqueueDueSyncs(roster: Roster, now = new Date()): Promise<number> {
  const sources = await roster.database.db
    .selectFrom('sources')
    .select(['id', 'kind', 'schedule', 'last_sync_at'])
    .where('disconnected_at', 'is', null)
    .where('schedule', 'is not', null)
    .execute();
  let queued = 0;
  for (const source of sources) {
    if (findSourceKind(source.kind)?.mode !== 'pull' || !source.schedule) continue;
    const due =
      !source.last_sync_at ||
      source.last_sync_at.getTime() + scheduleIntervalMs(source.schedule) <= now.getTime();
    if (!due) continue;
    const id = await enqueueJob(roster.database, {
      kind: syncJobKind,
      payload: { sourceId: source.id },
      dedupeKey: `sync:${source.id}`,
    });
    if (id !== null) queued++;
  }
  return queued;
}

/** Runs a queued sync. A sync that fails records its own run; the job itself only fails on surprises. */
export function syncJobHandler(roster: Roster) {
  return async (job: Job) => {
    const { sourceId } = job.payload as { sourceId: number };
    try {
      await syncSource(roster, 'schedule', sourceId);
    } catch (error) {
      // Removed since it was queued, or already syncing: nothing to do.
      const code = (error as { code?: string }).code;
      if (code === 'not_found' || code === 'conflict') return;
      throw error;
    }
  };
}
