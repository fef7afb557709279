import { RosterError } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';

/** An upload larger than ROSTER_MAX_UPLOAD_BYTES is refused before it is read. */
export function checkUploadSize(roster: Roster, bytes: number) {
  if (bytes > roster.config.maxUploadBytes) {
    throw new RosterError(
      'payload_too_large',
      `The file is ${bytes} bytes; the limit is ${roster.config.maxUploadBytes} (ROSTER_MAX_UPLOAD_BYTES)`,
    );
  }
}

/** After a successful import, the settings it used (preset, mapping, …) become the source's defaults (audited). */
export async function rememberImportDefaults(
  roster: Roster,
  actor: string,
  source: { id: number; config: unknown },
  defaults: Record<string, unknown>,
) {
  const before = (source.config ?? {}) as Record<string, unknown>;
  const after = { ...before, ...defaults };
  if (JSON.stringify(after) === JSON.stringify(before)) return;
  await roster.database.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sources')
      .set({ config: JSON.stringify(after), updated_at: new Date() })
      .where('id', '=', source.id)
      .execute();
    await writeAudit(trx, {
      actor,
      action: 'source.configure',
      targetType: 'source',
      targetId: source.id,
      before,
      after,
    });
  });
}
