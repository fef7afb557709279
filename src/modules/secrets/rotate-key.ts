import { writeAudit } from '../../db/audit-log.js';
import { invalidInput } from '../../lib/errors.js';
import { type SecretBox, sealedContexts } from '../../lib/secret-box.js';
import type { Roster } from '../../roster.js';
import { KeyMismatchError, sealKeyCheck } from './key-check.js';

export interface RotationResult {
  resealed: number;
  fromKeyId: string;
  toKeyId: string;
}

/**
 * Re-seals every stored secret (source credentials, in any format) and the key check under the next key,
 * in one transaction: either everything opens with the next key, or nothing changed. A credential the
 * current key cannot open stops the rotation, naming its source (remove that source, or start Roster with
 * the key that sealed it). Processes still running with the old key are refused when they next seal or start.
 */
export async function rotateKey(roster: Roster, actor: string, next: SecretBox): Promise<RotationResult> {
  const current = roster.secrets;
  return roster.database.db.transaction().execute(async (trx) => {
    const check = await trx.selectFrom('key_check').select('key_id').forUpdate().executeTakeFirst();
    if (check && check.key_id !== current.keyId) {
      throw new KeyMismatchError(
        `The database's key (key id ${check.key_id}) is not this process's (key id ${current.keyId}); nothing was re-sealed`,
      );
    }
    const sources = await trx
      .selectFrom('sources')
      .select(['id', 'name', 'credentials_encrypted'])
      .where('credentials_encrypted', 'is not', null)
      .orderBy('id')
      .forUpdate()
      .execute();
    const resealed: { id: number; sealed: string }[] = [];
    const unreadable: { field: string; message: string }[] = [];
    for (const source of sources) {
      const context = sealedContexts.sourceCredentials(source.id);
      try {
        const plain = current.open(source.credentials_encrypted ?? '', context);
        resealed.push({ id: source.id, sealed: next.seal(plain, context) });
      } catch (error) {
        unreadable.push({ field: `sources.${source.name}`, message: (error as Error).message });
      }
    }
    if (unreadable.length) {
      throw invalidInput(
        `${unreadable.length} stored credentials do not open with the current key, so nothing was re-sealed: ` +
          'remove those sources (roster sources remove <name>) or start Roster with the key that sealed them',
        unreadable,
      );
    }
    for (const { id, sealed } of resealed) {
      await trx.updateTable('sources').set({ credentials_encrypted: sealed }).where('id', '=', id).execute();
    }
    await trx
      .insertInto('key_check')
      .values(sealKeyCheck(next))
      .onConflict((c) => c.column('id').doUpdateSet({ ...sealKeyCheck(next), updated_at: new Date() }))
      .execute();
    await writeAudit(trx, {
      actor,
      action: 'secrets.rotate',
      targetType: 'key',
      targetId: next.keyId,
      before: { keyId: current.keyId },
      after: { keyId: next.keyId, resealed: resealed.length },
    });
    return { resealed: resealed.length, fromKeyId: current.keyId, toKeyId: next.keyId };
  });
}
