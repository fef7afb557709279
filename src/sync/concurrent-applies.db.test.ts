import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, syncRecords } from '../../test/support/records.js';
import { insertSource } from '../../test/support/sources.js';
import { lanes, openTestRoster, type TestRoster } from '../../test/support/test-roster.js';
import type { SourceRecordInput } from '../connectors/kit/records.js';

/**
 * Two sources applying at once on a server database, both bringing the same new people and the same
 * partially seen apps: with rows written in no agreed order, each transaction waits on a row the other has
 * written, and PostgreSQL breaks the deadlock by failing one of them.
 */
const rounds = 3;
const people = 1_000;

describe.each(lanes)('concurrent syncs on %s', (lane) => {
  let roster: TestRoster;
  const sources: number[] = [];

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    for (const name of ['Feed A', 'Feed B']) {
      sources.push(await insertSource(roster, name));
    }
  });
  afterAll(async () => {
    await roster.close();
  });

  it('both succeed when their new emails and apps overlap', async () => {
    for (let round = 0; round < rounds; round++) {
      const emails = Array.from({ length: people }, (_, i) => `r${round}-p${i}@acme.io`);
      // Same people, opposite orders and different apps' interleaving, so inserts meet in both orders.
      const recordsA: SourceRecordInput[] = emails.map((email, i) =>
        account(email, i % 2 ? 'Slack' : 'Zoom'),
      );
      const recordsB: SourceRecordInput[] = [...emails]
        .reverse()
        .map((email, i) => account(email, i % 2 ? 'Zoom' : 'Slack'));
      const [a, b] = await Promise.all([
        syncRecords(roster, sources[0]!, recordsA),
        syncRecords(roster, sources[1]!, recordsB),
      ]);
      expect([a.status, b.status, a.error, b.error]).toEqual(['succeeded', 'succeeded', null, null]);
    }
    const users = await roster.database.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(users.n)).toBe(rounds * people);
  });
});
