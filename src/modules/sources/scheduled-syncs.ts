import { findSourceKind } from '../../connectors/registry.js';
import { enqueueJob, type Job, JobDeferred } from '../../jobs/job-queue.js';
import type { Roster } from '../../roster.js';
import { runningLeaseEnd } from '../../sync/run-lease.js';
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

/**
 * Runs a queued sync. A sync that fails records its own run; the job itself only fails on surprises.
 * A source removed since the job was queued needs nothing. A source already syncing (someone started a sync,
 * or another process runs one) is not a success: the job is deferred, without using an attempt, to when that
 * run's lease ends, by which time it has finished or been failed as stopped; then this sync runs.
 */
export function syncJobHandler(roster: Roster) {
  return async (job: Job) => {
    const { sourceId } = job.payload as { sourceId: number };
    try {
      await syncSource(roster, 'schedule', sourceId);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'not_found') return;
      if (code === 'conflict') {
        const leaseEnd = await runningLeaseEnd(roster.database, sourceId);
        const until = new Date(Math.max(leaseEnd?.getTime() ?? 0, Date.now()) + 1_000);
        throw new JobDeferred(
          until,
          `Another sync of this source was running; this one waits until ${until.toISOString()}`,
        );
      }
      throw error;
    }
  };
}
