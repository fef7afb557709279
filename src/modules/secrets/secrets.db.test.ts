import { afterEach, describe, expect, it } from 'vitest';
import { sealFirstFormat } from '../../../test/support/first-format-seal.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { SecretBox, sealedContexts } from '../../lib/secret-box.js';
import { openRoster } from '../../roster.js';
import { addSource, syncSource } from '../sources/sources.service.js';
import { KeyMismatchError } from './key-check.js';
import { rotateKey } from './rotate-key.js';

const keyA = 'a-key-of-more-than-thirty-two-characters-AAAA';
const keyB = 'b-key-of-more-than-thirty-two-characters-BBBB';

const addPullSource = (roster: TestRoster, name: string, token: string) =>
  addSource(roster, 'test', {
    kind: 'json-url',
    name,
    config: { app: 'Slack', url: 'https://intranet.acme.test/snapshot.json' },
    credentials: { token },
  });

const sealedOf = async (roster: TestRoster, id: number) =>
  (
    await roster.database.db
      .selectFrom('sources')
      .select('credentials_encrypted')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).credentials_encrypted ?? '';

describe.each(lanes)('secret keys on %s', (lane) => {
  let roster: TestRoster;
  afterEach(async () => {
    await roster.close();
  });

  it('refuses to open the database with another key, naming the key id it was sealed with', async () => {
    roster = await openTestRoster(lane, { ROSTER_SECRET_KEY: keyA });
    const sealedWith = roster.secrets.keyId;
    await roster.database.close();
    const other = openRoster({ ...roster.config, secretKey: keyB });
    await expect(other).rejects.toBeInstanceOf(KeyMismatchError);
    await expect(other).rejects.toThrow(
      `ROSTER_SECRET_KEY does not match the key this database was sealed with (key id ${sealedWith}`,
    );
    const same = await openRoster({ ...roster.config, secretKey: keyA });
    await same.close();
  });

  it('binds credentials to their source: copied to another source they do not open', async () => {
    roster = await openTestRoster(lane);
    const first = await addPullSource(roster, 'First', 'first-token');
    const second = await addPullSource(roster, 'Second', 'second-token');
    await roster.database.db
      .updateTable('sources')
      .set({ credentials_encrypted: await sealedOf(roster, first.id) })
      .where('id', '=', second.id)
      .execute();
    const result = await syncSource(roster, 'test', second.id);
    expect(result.status).toBe('failed');
    expect(result.error?.message).toMatch(
      /cannot be decrypted: the value was altered or belongs to another record/,
    );
  });

  it('rotates: every credential, old format included, re-sealed under the new key in one go; the old key no longer opens', async () => {
    roster = await openTestRoster(lane, { ROSTER_SECRET_KEY: keyA });
    const current = await addPullSource(roster, 'Current', 'current-token');
    const legacy = await addPullSource(roster, 'Legacy', 'placeholder');
    // Sealed as earlier Rosters did: no key id, not bound to the source.
    await roster.database.db
      .updateTable('sources')
      .set({ credentials_encrypted: sealFirstFormat(keyA, JSON.stringify({ token: 'legacy-token' })) })
      .where('id', '=', legacy.id)
      .execute();
    const next = SecretBox.fromPassphrase(keyB);

    expect(await rotateKey(roster, 'test', next)).toEqual({
      resealed: 2,
      fromKeyId: roster.secrets.keyId,
      toKeyId: next.keyId,
    });

    for (const [id, token] of [
      [current.id, 'current-token'],
      [legacy.id, 'legacy-token'],
    ] as const) {
      const sealed = await sealedOf(roster, id);
      expect(SecretBox.keyIdOf(sealed)).toBe(next.keyId);
      expect(JSON.parse(next.open(sealed, sealedContexts.sourceCredentials(id)))).toEqual({ token });
      expect(() => roster.secrets.open(sealed, sealedContexts.sourceCredentials(id))).toThrow(
        /cannot be decrypted/,
      );
    }
    await roster.database.close();
    await expect(openRoster({ ...roster.config, secretKey: keyA })).rejects.toBeInstanceOf(KeyMismatchError);
    const reopened = await openRoster({ ...roster.config, secretKey: keyB });
    expect(reopened.secrets.keyId).toBe(next.keyId);
    await reopened.close();
  });

  it('rotates nothing when one credential does not open with the current key, and names its source', async () => {
    roster = await openTestRoster(lane, { ROSTER_SECRET_KEY: keyA });
    const good = await addPullSource(roster, 'Good', 'good-token');
    const foreign = await addPullSource(roster, 'Foreign', 'placeholder');
    const foreignSealed = SecretBox.fromPassphrase(keyB).seal(
      '{"token":"x"}',
      sealedContexts.sourceCredentials(foreign.id),
    );
    await roster.database.db
      .updateTable('sources')
      .set({ credentials_encrypted: foreignSealed })
      .where('id', '=', foreign.id)
      .execute();
    const goodBefore = await sealedOf(roster, good.id);

    await expect(rotateKey(roster, 'test', SecretBox.fromPassphrase(keyB))).rejects.toMatchObject({
      code: 'invalid_input',
      details: [expect.objectContaining({ field: 'sources.Foreign' })],
    });
    expect(await sealedOf(roster, good.id)).toBe(goodBefore);
    const check = await roster.database.db.selectFrom('key_check').select('key_id').executeTakeFirstOrThrow();
    expect(check.key_id).toBe(roster.secrets.keyId);
  });

  it('refuses to seal new credentials in a process whose key was rotated away', async () => {
    roster = await openTestRoster(lane, { ROSTER_SECRET_KEY: keyA });
    await rotateKey(roster, 'test', SecretBox.fromPassphrase(keyB));
    await expect(addPullSource(roster, 'Late', 'late-token')).rejects.toBeInstanceOf(KeyMismatchError);
    expect(
      await roster.database.db.selectFrom('sources').select('id').where('name', '=', 'Late').execute(),
    ).toEqual([]);
  });

  it('gives a database from before key checks one, but only with a key that opens its credentials', async () => {
    roster = await openTestRoster(lane, { ROSTER_SECRET_KEY: keyA });
    const source = await addPullSource(roster, 'Existing', 'placeholder');
    await roster.database.db
      .updateTable('sources')
      .set({ credentials_encrypted: sealFirstFormat(keyA, JSON.stringify({ token: 't' })) })
      .where('id', '=', source.id)
      .execute();
    await roster.database.db.deleteFrom('key_check').execute();
    await roster.database.close();

    await expect(openRoster({ ...roster.config, secretKey: keyB })).rejects.toThrow(
      /opens none of the 1 stored source credentials/,
    );
    const reopened = await openRoster({ ...roster.config, secretKey: keyA });
    const check = await reopened.database.db
      .selectFrom('key_check')
      .select('key_id')
      .executeTakeFirstOrThrow();
    expect(check.key_id).toBe(reopened.secrets.keyId);
    await reopened.close();
  });
});
