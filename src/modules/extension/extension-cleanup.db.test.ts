import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { signInCleanupHandler } from '../auth/sign-in-cleanup.js';
import { deleteOldExtensionRows } from './extension-cleanup.js';

describe.each(lanes)('cleaning up after the browser extension on %s', (lane) => {
  let roster: TestRoster;
  beforeAll(async () => {
    roster = await openTestRoster(lane);
  });
  afterAll(() => roster.close());

  it('deletes used and expired connect links and batch ids older than 30 days, and nothing still useful', async () => {
    const { db } = roster.database;
    const now = new Date('2026-11-30T12:00:00Z');
    const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
    const link = (hash: string, created: Date, used: Date | null) => ({
      token_hash: hash,
      email: 'ann@acme.io',
      return_to: 'chrome-extension://x/connected.html',
      state: 'state-123',
      created_at: created,
      used_at: used,
    });
    await db
      .insertInto('extension_connect_links')
      .values([
        link('fresh', minutesAgo(5), null),
        link('used', minutesAgo(5), minutesAgo(1)),
        link('old', minutesAgo(20), null),
      ])
      .execute();
    const recent = randomUUID();
    await db
      .insertInto('extension_batches')
      .values([
        { batch_id: recent, token_id: 1, accepted: 1, received_at: minutesAgo(60 * 24 * 29) },
        { batch_id: randomUUID(), token_id: 1, accepted: 1, received_at: minutesAgo(60 * 24 * 31) },
      ])
      .execute();
    expect(await deleteOldExtensionRows(roster.database, now)).toEqual({ connectLinks: 2, batches: 1 });
    expect(
      (await db.selectFrom('extension_connect_links').select('token_hash').execute()).map(
        (r) => r.token_hash,
      ),
    ).toEqual(['fresh']);
    expect(
      (await db.selectFrom('extension_batches').select('batch_id').execute()).map((r) => r.batch_id),
    ).toEqual([recent]);
  });

  it('runs with the hourly sign-in cleanup', async () => {
    const { db } = roster.database;
    await db
      .insertInto('extension_connect_links')
      .values({
        token_hash: 'spent',
        email: 'ann@acme.io',
        return_to: 'x',
        state: 'state-123',
        used_at: new Date(),
      })
      .execute();
    await signInCleanupHandler(roster.database)();
    expect(
      await db
        .selectFrom('extension_connect_links')
        .select('token_hash')
        .where('token_hash', '=', 'spent')
        .execute(),
    ).toEqual([]);
  });
});
