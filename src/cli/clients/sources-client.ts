import { setTimeout as pause } from 'node:timers/promises';
import type { UpdateSourceInput } from '../../modules/sources/source-update.service.js';
import type { SourceView } from '../../modules/sources/source-view.js';
import type { AddSourceInput } from '../../modules/sources/sources.service.js';
import type { SyncRunView } from '../../modules/sync-runs/sync-runs.repo.js';
import type { Roster } from '../../roster.js';
import type { SyncProgress, SyncResult } from '../../sync/engine.js';
import type { RemovalThreshold } from '../../sync/removal-threshold.js';
import { type ClientFactory, cliActor } from '../context.js';
import type { ApiClient } from '../remote/api-client.js';

/** Sources and their syncs. */
export interface SourcesClient {
  add(input: AddSourceInput): Promise<SourceView>;
  update(ref: string, input: UpdateSourceInput): Promise<SourceView>;
  list(options: { includeDisconnected: boolean }): Promise<SourceView[]>;
  get(ref: string): Promise<SourceView>;
  remove(ref: string): Promise<SourceView>;
  setRemovalThreshold(ref: string, threshold: RemovalThreshold | null): Promise<SourceView>;
  /** Runs a sync to its end, telling its progress on the way. */
  sync(ref: string, onProgress: (progress: SyncProgress) => void): Promise<SyncResult>;
  confirmHeld(ref: string): Promise<SyncResult>;
  discardHeld(ref: string): Promise<{ runId: number; sourceId: number; status: 'discarded' }>;
}

const services = async () => ({
  ...(await import('../../modules/sources/held-runs.service.js')),
  ...(await import('../../modules/sources/sources.service.js')),
  ...(await import('../../modules/sources/source-update.service.js')),
});

const local = (roster: Roster): SourcesClient => ({
  add: async (input) => (await services()).addSource(roster, cliActor(), input),
  update: async (ref, input) => (await services()).updateSource(roster, cliActor(), ref, input),
  list: async (options) => (await services()).listSources(roster, options),
  get: async (ref) => (await services()).getSource(roster, ref),
  remove: async (ref) => (await services()).removeSource(roster, cliActor(), ref),
  setRemovalThreshold: async (ref, threshold) =>
    (await services()).setRemovalThreshold(roster, cliActor(), ref, threshold),
  sync: async (ref, onProgress) => (await services()).syncSource(roster, cliActor(), ref, { onProgress }),
  confirmHeld: async (ref) => (await services()).confirmHeldRemovals(roster, cliActor(), ref),
  discardHeld: async (ref) => (await services()).discardHeldRemovals(roster, cliActor(), ref),
});

/**
 * The outcome of a run that ended, read from its row: what the engine returned to the process that ran it
 * (counters, the apply's detail, what a held run would remove, a failure's error with its details).
 */
export function syncResultOfRun(run: SyncRunView): SyncResult {
  const failed = run.status === 'failed' || run.status === 'cancelled';
  return {
    runId: run.id,
    sourceId: run.sourceId,
    status: run.status as SyncResult['status'],
    counters: {
      added: run.added,
      updated: run.updated,
      removed: run.removed,
      unchanged: run.unchanged,
      rejected: run.rejected,
    },
    detail: (run.counters ?? null) as SyncResult['detail'],
    held: run.held,
    error: failed
      ? {
          code: run.errorCode ?? 'internal',
          message: run.errorMessage ?? '',
          details: (run.errorDetails ?? []) as NonNullable<SyncResult['error']>['details'],
        }
      : null,
  };
}

/** How often a followed run's row is read again: often enough for a progress bar, rarely enough to cost nothing. */
const followEveryMs = 500;

const api = (client: ApiClient): SourcesClient => {
  const source = async (ref: string) => `/api/sources/${await client.idOf('sources', ref)}`;
  return {
    add: (input) => client.call('POST', '/api/sources', { body: input }),
    update: async (ref, input) => client.call('PATCH', await source(ref), { body: input }),
    list: async ({ includeDisconnected }) =>
      (
        await client.call<{ items: SourceView[] }>('GET', '/api/sources', {
          query: includeDisconnected ? { includeDisconnected: 'true' } : {},
        })
      ).items,
    get: async (ref) => client.call('GET', await source(ref)),
    remove: async (ref) => client.call('DELETE', await source(ref)),
    setRemovalThreshold: async (ref, removalThreshold) =>
      client.call('PUT', `${await source(ref)}/removal-threshold`, { body: { removalThreshold } }),
    sync: async (ref, onProgress) => {
      // The server answers at once (202) and syncs in the background: follow the run's row to its end.
      const started = await client.call<SyncRunView & { links: { run: string } }>(
        'POST',
        `${await source(ref)}/sync`,
      );
      let run: SyncRunView = started;
      let told = '';
      while (run.status === 'running') {
        const seen = `${run.pages}/${run.records}`;
        if (seen !== told) onProgress({ phase: 'fetch', pages: run.pages, records: run.records });
        told = seen;
        await pause(followEveryMs);
        run = await client.call<SyncRunView>('GET', started.links.run);
      }
      onProgress({ phase: 'done', pages: run.pages, records: run.records });
      return syncResultOfRun(run);
    },
    confirmHeld: async (ref) => client.call('POST', `${await source(ref)}/held-run/confirm`),
    discardHeld: async (ref) => client.call('POST', `${await source(ref)}/held-run/discard`),
  };
};

export const sourcesClient: ClientFactory<SourcesClient> = { local, api };
