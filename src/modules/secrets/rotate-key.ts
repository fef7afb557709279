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
 * Re-seals every stored secret (source, offboarding-method and workflow action credentials, workflow secrets, in any format) and the key check under the next key,
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
      .select(['id', 'name', 'credentials_encrypted as sealed'])
      .where('credentials_encrypted', 'is not', null)
      .orderBy('id')
      .forUpdate()
      .execute();
    const methods = await trx
      .selectFrom('offboarding_methods as m')
      .innerJoin('apps as a', 'a.id', 'm.app_id')
      .select(['m.id', 'a.name', 'm.credentials_encrypted as sealed'])
      .where('m.credentials_encrypted', 'is not', null)
      .orderBy('m.id')
      .forUpdate()
      .execute();
    const workflows = await trx
      .selectFrom('workflows')
      .select(['id', 'name', 'credentials_encrypted as sealed'])
      .where('credentials_encrypted', 'is not', null)
      .orderBy('id')
      .forUpdate()
      .execute();
    const actionCredentials = await trx
      .selectFrom('action_credentials')
      .select(['action_type', 'credentials_encrypted as sealed'])
      .orderBy('action_type')
      .forUpdate()
      .execute();
    const stored = [
      ...sources.map((s) => ({
        ...s,
        table: 'sources' as const,
        context: sealedContexts.sourceCredentials(s.id),
        field: `sources.${s.name}`,
      })),
      ...methods.map((m) => ({
        ...m,
        table: 'offboarding_methods' as const,
        context: sealedContexts.offboardingMethodCredentials(m.id),
        field: `offboarding methods.${m.name}`,
      })),
      ...workflows.map((w) => ({
        ...w,
        table: 'workflows' as const,
        context: sealedContexts.workflowSecrets(w.id),
        field: `workflows.${w.name}`,
      })),
    ];
    const storedActionCredentials = actionCredentials.map((c) => ({
      ...c,
      context: sealedContexts.actionCredentials(c.action_type),
      field: `workflow action credentials.${c.action_type}`,
    }));
    const resealed: { table: 'sources' | 'offboarding_methods' | 'workflows'; id: number; sealed: string }[] =
      [];
    const unreadable: { field: string; message: string }[] = [];
    for (const secret of stored) {
      try {
        const plain = current.open(secret.sealed ?? '', secret.context);
        resealed.push({ table: secret.table, id: secret.id, sealed: next.seal(plain, secret.context) });
      } catch (error) {
        unreadable.push({ field: secret.field, message: (error as Error).message });
      }
    }
    const resealedActionCredentials: { type: string; sealed: string }[] = [];
    for (const secret of storedActionCredentials) {
      try {
        const plain = current.open(secret.sealed, secret.context);
        resealedActionCredentials.push({
          type: secret.action_type,
          sealed: next.seal(plain, secret.context),
        });
      } catch (error) {
        unreadable.push({ field: secret.field, message: (error as Error).message });
      }
    }
    if (unreadable.length) {
      throw invalidInput(
        `${unreadable.length} stored credentials do not open with the current key, so nothing was re-sealed: ` +
          'remove those sources (roster sources remove <name>) or set those offboarding methods again, or start ' +
          'Roster with the key that sealed them',
        unreadable,
      );
    }
    for (const { table, id, sealed } of resealed) {
      await trx.updateTable(table).set({ credentials_encrypted: sealed }).where('id', '=', id).execute();
    }
    for (const { type, sealed } of resealedActionCredentials) {
      await trx
        .updateTable('action_credentials')
        .set({ credentials_encrypted: sealed })
        .where('action_type', '=', type)
        .execute();
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
      after: { keyId: next.keyId, resealed: resealed.length + resealedActionCredentials.length },
    });
    return {
      resealed: resealed.length + resealedActionCredentials.length,
      fromKeyId: current.keyId,
      toKeyId: next.keyId,
    };
  });
}
