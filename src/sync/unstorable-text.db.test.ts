import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, syncRecords } from '../../test/support/records.js';
import { snapshotTables } from '../../test/support/snapshot.js';
import { insertSource } from '../../test/support/sources.js';
import { lanes, openTestRoster, type TestRoster } from '../../test/support/test-roster.js';

describe.each(lanes)('provider text the database cannot store, on %s', (lane) => {
  let roster: TestRoster;
  let source: number;

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    source = await insertSource(roster, 'Feed');
    await syncRecords(roster, source, [account('ann@acme.io', 'Jira')]);
  });
  afterAll(async () => {
    await roster.close();
  });

  it('refuses a record with NUL or a broken character in a field, naming its place, and applies nothing', async () => {
    const before = await snapshotTables(roster);
    const result = await syncRecords(roster, source, [
      account('ann@acme.io', 'Jira'),
      { ...account('bob@acme.io', 'Jira', { name: 'Bob\u0000Builder' }), ref: 2 },
      { ...account('cy@acme.io', 'Jira', { role: 'Admin \uD83D' }), ref: 'users[7]' },
      { type: 'employee', email: 'dee@acme.io', status: 'active', attributes: { title: 'x\u0000' }, ref: 4 },
    ]);
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('invalid_data');
    expect(result.error?.details).toEqual([
      expect.objectContaining({ row: 2, field: 'name', message: expect.stringMatching(/NUL/) }),
      expect.objectContaining({ path: 'users[7].role', message: expect.stringMatching(/cannot be stored/) }),
      expect.objectContaining({ row: 4, field: 'attributes.title' }),
    ]);
    expect(await snapshotTables(roster)).toEqual(before);
  });

  it('keeps a raw provider object with NUL and lone surrogates, cleaned, and applies the run', async () => {
    const result = await syncRecords(roster, source, [
      {
        ...account('ann@acme.io', 'Jira'),
        raw: {
          objectType: 'user',
          externalId: 'u1',
          data: { note: 'a\u0000b', cut: '\uD83D!', path: 'C:\\u0000' },
        },
      },
    ]);
    expect(result.status).toBe('succeeded');
    const raw = await roster.database.db
      .selectFrom('raw_records')
      .select('data')
      .where('external_id', '=', 'u1')
      .executeTakeFirstOrThrow();
    expect(raw.data).toEqual({ note: 'ab', cut: '\uFFFD!', path: 'C:\\u0000' });
  });
});
