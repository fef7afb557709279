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

  beforeAll(async () => {
    roster = await openTestRoster(lane);
  });
  afterAll(async () => {
    await roster.close();
  });

  it('both succeed when their new emails and apps overlap', async () => {
    for (let round = 0; round < rounds; round++) {
      // Each round: two new sources, new people and new apps, so every round inserts all of them afresh.
      const [feedA, feedB] = [
        await insertSource(roster, `Feed A${round}`),
        await insertSource(roster, `Feed B${round}`),
      ];
      const [slack, zoom] = [`Slack ${round}`, `Zoom ${round}`];
      const emails = Array.from({ length: people }, (_, i) => `r${round}-p${i}@acme.io`);
      // Same people, opposite orders and different apps' interleaving, so inserts meet in both orders.
      const recordsA: SourceRecordInput[] = emails.map((email, i) => account(email, i % 2 ? slack : zoom));
      const recordsB: SourceRecordInput[] = [...emails]
        .reverse()
        .map((email, i) => account(email, i % 2 ? zoom : slack));
      const [a, b] = await Promise.all([
        syncRecords(roster, feedA, recordsA),
        syncRecords(roster, feedB, recordsB),
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
