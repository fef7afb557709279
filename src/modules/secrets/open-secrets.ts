import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { discardNextKeyFile, keyFilePath, promoteNextKeyFile, readNextKeyFile } from '../../lib/key-file.js';
import { SecretBox } from '../../lib/secret-box.js';
import { opensKeyCheck, readKeyCheck, verifyKey } from './key-check.js';

/**
 * The secret box of an open database: from ROSTER_SECRET_KEY, else the data directory's key file, checked
 * against the database's key check. An embedded install may hold a next key a rotation left behind
 * (`lib/key-file.ts`): when the database committed that rotation the next key becomes the key, otherwise
 * it is dropped. Embedded only, under the data directory lock, so no other process sees the files move.
 */
export async function openSecrets(
  config: Pick<Config, 'secretKey' | 'dataDir'>,
  database: Database,
  options: { establish: boolean },
): Promise<SecretBox> {
  if (config.secretKey) {
    const box = SecretBox.fromPassphrase(config.secretKey);
    await verifyKey(database, box, 'ROSTER_SECRET_KEY', options);
    return box;
  }
  const nextKey = readNextKeyFile(config.dataDir);
  if (nextKey) {
    const next = SecretBox.fromKey(nextKey);
    const check = await readKeyCheck(database.db);
    if (check && check.key_id === next.keyId && opensKeyCheck(next, check)) {
      promoteNextKeyFile(config.dataDir);
      return next;
    }
    discardNextKeyFile(config.dataDir);
  }
  const box = SecretBox.fromKeyFile(config.dataDir);
  await verifyKey(database, box, `The key file ${keyFilePath(config.dataDir)}`, options);
  return box;
}
