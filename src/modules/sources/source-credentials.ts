import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { sealedContexts } from '../../lib/secret-box.js';
import type { Roster } from '../../roster.js';
import { assertKeyCurrent } from '../secrets/key-check.js';

/** Seals a source's credentials (JSON) under the database's key, bound to the source, inside the caller's transaction. */
export async function storeCredentials(
  trx: Transaction<DB>,
  roster: Pick<Roster, 'secrets'>,
  sourceId: number,
  credentialsJson: string,
) {
  await assertKeyCurrent(trx, roster.secrets);
  return trx
    .updateTable('sources')
    .set({
      credentials_encrypted: roster.secrets.seal(credentialsJson, sealedContexts.sourceCredentials(sourceId)),
    })
    .where('id', '=', sourceId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
