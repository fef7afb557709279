import { sql } from 'kysely';
import type { ColumnMapping, Preset } from '../../connectors/csv/columns.js';
import { RosterError } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import type { SyncOptions, SyncResult } from '../../sync/engine.js';
import { resolveAppName } from '../apps/apps.service.js';
import { writeAudit } from '../audit/audit.repo.js';
import { addSource, syncSource } from '../sources/sources.service.js';

export interface ImportResult extends SyncResult {
  source: { id: number; name: string };
}

type Progress = Pick<SyncOptions, 'onProgress' | 'signal'>;

/**
 * The push source that feeds an app (one per kind and app), created on the first import. Imports go
 * through the sync engine like any other source, so they are validated, atomic and audited the same way.
 */
async function sourceForApp(
  roster: Roster,
  actor: string,
  kind: 'csv' | 'custom',
  app: string,
  config: Record<string, unknown>,
) {
  const { db } = roster.database;
  const existing = await db
    .selectFrom('sources')
    .select(['id', 'name', 'config'])
    .where('kind', '=', kind)
    .where('disconnected_at', 'is', null)
    .where(sql`lower(config->>'app')`, '=', app.toLowerCase())
    .executeTakeFirst();
  if (!existing) {
    const label = kind === 'csv' ? 'CSV' : 'custom integration';
    const created = await addSource(roster, actor, {
      kind,
      name: `${app} (${label})`,
      config: { app, ...config },
    });
    return { id: created.id, name: created.name };
  }
  const wanted = { ...(existing.config as Record<string, unknown>), ...config };
  if (JSON.stringify(wanted) !== JSON.stringify(existing.config)) {
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('sources')
        .set({ config: JSON.stringify(wanted), updated_at: new Date() })
        .where('id', '=', existing.id)
        .execute();
      await writeAudit(trx, {
        actor,
        action: 'source.configure',
        targetType: 'source',
        targetId: existing.id,
        before: existing.config,
        after: wanted,
      });
    });
  }
  return { id: existing.id, name: existing.name };
}

function checkSize(roster: Roster, bytes: number) {
  if (bytes > roster.config.maxUploadBytes) {
    throw new RosterError(
      'payload_too_large',
      `The file is ${bytes} bytes; the limit is ${roster.config.maxUploadBytes} (ROSTER_MAX_UPLOAD_BYTES)`,
    );
  }
}

export async function importCsv(
  roster: Roster,
  actor: string,
  input: { app: string; content: Uint8Array; preset?: Preset; mapping?: ColumnMapping } & Progress,
): Promise<ImportResult> {
  checkSize(roster, input.content.byteLength);
  const app = await resolveAppName(roster, input.app);
  const config: Record<string, unknown> = {};
  if (input.preset) config.preset = input.preset;
  if (input.mapping && Object.keys(input.mapping).length) config.mapping = input.mapping;
  const source = await sourceForApp(roster, actor, 'csv', app, config);
  const result = await syncSource(roster, actor, source.id, {
    input: input.content,
    onProgress: input.onProgress,
    signal: input.signal,
  });
  return { ...result, source };
}

export async function importCustom(
  roster: Roster,
  actor: string,
  input: { app: string; snapshot: unknown } & Progress,
): Promise<ImportResult> {
  const app = await resolveAppName(roster, input.app);
  const source = await sourceForApp(roster, actor, 'custom', app, {});
  const result = await syncSource(roster, actor, source.id, {
    input: input.snapshot,
    onProgress: input.onProgress,
    signal: input.signal,
  });
  return { ...result, source };
}
