import { sql } from 'kysely';
import type { ColumnMapping, Preset } from '../../connectors/csv/columns.js';
import type { CsvUpload } from '../../connectors/csv/csv-source.js';
import type { Roster } from '../../roster.js';
import type { SyncOptions, SyncResult } from '../../sync/engine.js';
import { resolveAppName } from '../apps/apps.service.js';
import { addSource, syncSource } from '../sources/sources.service.js';
import { checkUploadSize, rememberImportDefaults } from './import-source-settings.js';

export interface ImportResult extends SyncResult {
  source: { id: number; name: string };
}

type Progress = Pick<SyncOptions, 'onProgress' | 'signal'>;

/**
 * The push source that feeds an app (one per kind and app), created on the first import. Imports go
 * through the sync engine like any other source, so they are validated, atomic and audited the same way.
 */
async function sourceForApp(roster: Roster, actor: string, kind: 'csv' | 'custom', app: string) {
  const existing = await roster.database.db
    .selectFrom('sources')
    .select(['id', 'name', 'config'])
    .where('kind', '=', kind)
    .where('disconnected_at', 'is', null)
    .where(sql`lower(config->>'app')`, '=', app.toLowerCase())
    .executeTakeFirst();
  if (existing) return existing;
  const label = kind === 'csv' ? 'CSV' : 'custom integration';
  const created = await addSource(roster, actor, { kind, name: `${app} (${label})`, config: { app } });
  return { id: created.id, name: created.name, config: created.config };
}

export async function importCsv(
  roster: Roster,
  actor: string,
  input: { app: string; content: Uint8Array; preset?: Preset; mapping?: ColumnMapping } & Progress,
): Promise<ImportResult> {
  checkUploadSize(roster, input.content.byteLength);
  const app = await resolveAppName(roster, input.app);
  const config: Record<string, unknown> = {};
  if (input.preset) config.preset = input.preset;
  if (input.mapping && Object.keys(input.mapping).length) config.mapping = input.mapping;
  const source = await sourceForApp(roster, actor, 'csv', app);
  // The preset and mapping apply to this run; a rejected file leaves the source's defaults as they were.
  const upload: CsvUpload = { content: input.content, preset: input.preset, mapping: input.mapping };
  const result = await syncSource(roster, actor, source.id, {
    input: upload,
    onProgress: input.onProgress,
    signal: input.signal,
  });
  if (result.status === 'succeeded') await rememberImportDefaults(roster, actor, source, config);
  return { ...result, source: { id: source.id, name: source.name } };
}

export async function importCustom(
  roster: Roster,
  actor: string,
  input: { app: string; snapshot: unknown } & Progress,
): Promise<ImportResult> {
  const app = await resolveAppName(roster, input.app);
  const found = await sourceForApp(roster, actor, 'custom', app);
  const source = { id: found.id, name: found.name };
  const result = await syncSource(roster, actor, source.id, {
    input: input.snapshot,
    onProgress: input.onProgress,
    signal: input.signal,
  });
  return { ...result, source };
}
