import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { type SecretBox, sealedContexts } from '../../lib/secret-box.js';

/** The value sealed in the key check; what matters is that it opens, not what it says. */
const checkValue = 'roster key check';

export class KeyMismatchError extends Error {}

export interface KeyCheck {
  key_id: string;
  sealed: string;
}

export function readKeyCheck(db: Kysely<DB> | Transaction<DB>): Promise<KeyCheck | undefined> {
  return db.selectFrom('key_check').select(['key_id', 'sealed']).executeTakeFirst();
}

export function opensKeyCheck(box: SecretBox, check: KeyCheck): boolean {
  try {
    return box.open(check.sealed, sealedContexts.keyCheck) === checkValue;
  } catch {
    return false;
  }
}

export function sealKeyCheck(box: SecretBox): KeyCheck {
  return { key_id: box.keyId, sealed: box.seal(checkValue, sealedContexts.keyCheck) };
}

function mismatch(keySource: string, check: KeyCheck, box: SecretBox): KeyMismatchError {
  return new KeyMismatchError(
    `${keySource} does not match the key this database was sealed with (key id ${check.key_id}; ` +
      `this key's id is ${box.keyId}). Start Roster with the key that sealed it: every process sharing a ` +
      'database must use the same ROSTER_SECRET_KEY.',
  );
}

/**
 * At open: the key must open the database's key check, so a process with another key is refused at once,
 * not at its first sync. A database without a check (new, or from before checks) gets one, provided the
 * key opens at least one of the credentials already stored there; a credential another key sealed still
 * fails, by itself, when its source syncs. Two processes racing to write the first check: one row wins,
 * and the other is measured against it.
 */
export async function verifyKey(
  database: Database,
  box: SecretBox,
  keySource: string,
  options: { establish: boolean },
): Promise<void> {
  const { db } = database;
  let check = await readKeyCheck(db);
  if (!check && options.establish) {
    await refuseIfNoCredentialOpens(db, box, keySource);
    await db
      .insertInto('key_check')
      .values(sealKeyCheck(box))
      .onConflict((c) => c.column('id').doNothing())
      .execute();
    check = await readKeyCheck(db);
  }
  if (check && !opensKeyCheck(box, check)) throw mismatch(keySource, check, box);
}

async function refuseIfNoCredentialOpens(db: Kysely<DB>, box: SecretBox, keySource: string): Promise<void> {
  const rows = await db
    .selectFrom('sources')
    .select(['id', 'credentials_encrypted'])
    .where('credentials_encrypted', 'is not', null)
    .execute();
  if (rows.length === 0) return;
  const opens = rows.some((row) => {
    try {
      box.open(row.credentials_encrypted ?? '', sealedContexts.sourceCredentials(row.id));
      return true;
    } catch {
      return false;
    }
  });
  if (!opens) {
    throw new KeyMismatchError(
      `${keySource} opens none of the ${rows.length} stored source credentials: it is not the key they were ` +
        'sealed with. Start Roster with that key.',
    );
  }
}

/**
 * Inside a transaction that seals a value: the process's key must still be the database's (a rotation by
 * another process would otherwise leave this value sealed under a retired key). Shares the check's row
 * lock, so a rotation waits for the transaction, and the transaction for a rotation.
 */
export async function assertKeyCurrent(trx: Transaction<DB>, box: SecretBox): Promise<void> {
  const row = await trx.selectFrom('key_check').select('key_id').forShare().executeTakeFirst();
  if (row && row.key_id !== box.keyId) {
    throw new KeyMismatchError(
      `The database's key was rotated (key id ${row.key_id}) and this process still runs with key id ${box.keyId}: ` +
        'restart it with the new ROSTER_SECRET_KEY.',
    );
  }
}
