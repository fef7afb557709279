import type { ColumnMapping, Preset } from '../../connectors/csv/columns.js';
import { RosterError } from '../../lib/errors.js';
import type { ImportResult } from '../../modules/imports/imports.service.js';
import type { SyncRunView } from '../../modules/sync-runs/sync-runs.repo.js';
import type { Roster } from '../../roster.js';
import type { SyncProgress } from '../../sync/engine.js';
import { type ClientFactory, cliActor } from '../context.js';
import type { ApiClient } from '../remote/api-client.js';
import { syncResultOfRun } from './sources-client.js';

/** Imports of one app's users: a CSV file or a JSON snapshot, each a sync run of the app's push source. */
export interface ImportsClient {
  /** The largest file this side accepts, checked before reading it; null: the server says (413). */
  maxUploadBytes: number | null;
  csv(input: {
    app: string;
    content: Buffer;
    preset?: Preset;
    mapping: ColumnMapping;
    onProgress: (progress: SyncProgress) => void;
  }): Promise<ImportResult>;
  custom(input: { app: string; snapshot: unknown }): Promise<ImportResult>;
}

const services = async () => await import('../../modules/imports/imports.service.js');

const local = (roster: Roster): ImportsClient => ({
  maxUploadBytes: roster.config.maxUploadBytes,
  csv: async (input) => (await services()).importCsv(roster, cliActor(), input),
  custom: async (input) => (await services()).importCustom(roster, cliActor(), input),
});

/**
 * The API answers a run that failed as an error naming it ("… (sync run 12)"); the CLI reports the run
 * itself, as it does when it ran the import, so its row is read back.
 */
export async function orFailedRun<T extends ImportResult>(
  client: ApiClient,
  upload: () => Promise<T>,
): Promise<T | ImportResult> {
  try {
    return await upload();
  } catch (error) {
    const runId = error instanceof RosterError ? /\(sync run (\d+)\)$/.exec(error.message)?.[1] : undefined;
    if (!runId) throw error;
    const run = await client.call<SyncRunView>('GET', `/api/sync-runs/${runId}`);
    return { ...syncResultOfRun(run), source: { id: run.sourceId, name: run.source } };
  }
}

/**
 * An upload is answered when its run ends (no 202): the file is bounded by the server's upload limit
 * (ROSTER_MAX_UPLOAD_BYTES), so the run is short, and the answer carries what the file held.
 */
const api = (client: ApiClient): ImportsClient => ({
  maxUploadBytes: null,
  csv: ({ app, content, preset, mapping }) =>
    orFailedRun(client, () =>
      client.call('POST', '/api/imports/csv', {
        query: {
          app,
          preset,
          ...Object.fromEntries(Object.entries(mapping).map(([column, header]) => [`map.${column}`, header])),
        },
        upload: { content, contentType: 'text/csv' },
      }),
    ),
  custom: ({ app, snapshot }) =>
    orFailedRun(client, () => client.call('POST', '/api/imports/custom', { query: { app }, body: snapshot })),
});

export const importsClient: ClientFactory<ImportsClient> = { local, api };
