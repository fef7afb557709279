import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, ago, syncRecords } from '../../../test/support/records.js';
import { insertSource } from '../../../test/support/sources.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { forEachInactiveLicense } from './licenses.repo.js';

/** More exports waiting on their readers than the server lane's pool has connections (10). */
const waitingExports = 12;

describe.each(lanes)('the inactive licenses export on %s', (lane) => {
  let roster: TestRoster;

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    const id = await insertSource(roster, 'Jira feed');
    await syncRecords(
      roster,
      id,
      Array.from({ length: 30 }, (_, i) =>
        account(`user${i}@acme.io`, 'Jira', { licenseTypes: ['Standard'], lastUsedAt: ago(400) }),
      ),
    );
  });
  afterAll(async () => {
    await roster.close();
  });

  it('holds no database connection while it waits for a slow reader', async () => {
    // Each export's reader stalls on its first batch, as a browser tab stops reading, until released.
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const arrived: Promise<void>[] = [];
    const exports = Array.from({ length: waitingExports }, () => {
      let arrive!: () => void;
      arrived.push(
        new Promise<void>((resolve) => {
          arrive = resolve;
        }),
      );
      return forEachInactiveLicense(roster, {}, async () => {
        arrive();
        await released;
      });
    });
    await Promise.all(arrived);
    // While every export waits, the database still answers; a held connection never would.
    const answer = await Promise.race([
      sql<{ n: number }>`select count(*)::int as n from license_states where state = 'inactive'`.execute(
        roster.database.db,
      ),
      new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 10_000).unref()),
    ]);
    release();
    expect(answer === 'blocked' ? answer : answer.rows[0]!.n).toBe(30);
    expect(await Promise.all(exports)).toEqual(Array(waitingExports).fill(30));
  });

  it('stops reading when told to', async () => {
    const stop = new AbortController();
    const batches: number[] = [];
    const ended = forEachInactiveLicense(
      roster,
      {},
      async (batch) => {
        batches.push(batch.length);
        stop.abort();
      },
      { signal: stop.signal, batchSize: 10 },
    );
    await expect(ended).rejects.toMatchObject({ name: 'AbortError' });
    expect(batches).toEqual([10]);
  });
});
