import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { keyFilePath, nextKeyFilePath, writeNextKeyFile } from '../../lib/key-file.js';
import { SecretBox } from '../../lib/secret-box.js';
import { openRoster } from '../../roster.js';
import { rotateKey } from './rotate-key.js';

/**
 * An embedded install's key lives in a file; a rotation writes the next key, commits, then renames it into
 * place. A crash may fall between any two steps: the next open must settle on the key the database holds.
 */
describe('rotating the key file of an embedded install, interrupted', () => {
  let roster: TestRoster;
  afterEach(async () => {
    await roster.close();
  });

  it('finishes a rotation that committed before the new key file was moved into place', async () => {
    roster = await openTestRoster('pglite');
    const nextKey = randomBytes(32);
    writeNextKeyFile(roster.dataDir, nextKey);
    await rotateKey(roster, 'test', SecretBox.fromKey(nextKey));
    await roster.database.close(); // the crash: committed, not renamed

    const reopened = await openRoster(roster.config);
    expect(reopened.secrets.keyId).toBe(SecretBox.fromKey(nextKey).keyId);
    expect(readFileSync(keyFilePath(roster.dataDir), 'utf8')).toBe(nextKey.toString('base64'));
    expect(existsSync(nextKeyFilePath(roster.dataDir))).toBe(false);
    await reopened.close();
  });

  it('drops the next key of a rotation that never committed', async () => {
    roster = await openTestRoster('pglite');
    const keyBefore = roster.secrets.keyId;
    writeNextKeyFile(roster.dataDir, randomBytes(32));
    await roster.database.close(); // the crash: next key written, nothing committed

    const reopened = await openRoster(roster.config);
    expect(reopened.secrets.keyId).toBe(keyBefore);
    expect(existsSync(nextKeyFilePath(roster.dataDir))).toBe(false);
    await reopened.close();
  });
});
