import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import {
  type AccountFacts,
  accountFactsColumns,
  instanceJoin,
  observationsJoin,
  toAccountFacts,
} from './account-facts.js';

/** Four sources; Bravo and Delta have never succeeded, so their dates are stale. */
const sourceNames = ['Alpha', 'Bravo', 'Charlie', 'Delta'] as const;
const staleNames = new Set(['Bravo', 'Delta']);
/** Few distinct dates, so that two sources often report the same last use. */
const dates = ['2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.123Z', '2026-05-17T08:30:00.000Z'];

const observation = fc.record({
  source: fc.constantFrom(...sourceNames),
  /** Whether the source reads the app itself (has an instance of it) rather than seeing it through SSO. */
  direct: fc.boolean(),
  status: fc.constantFrom('active', 'suspended', 'deleted'),
  name: fc.option(fc.constantFrom('Ann', 'Bo'), { nil: null }),
  role: fc.option(fc.constantFrom('admin', 'member'), { nil: null }),
  lastUsedAt: fc.option(fc.constantFrom(...dates), { nil: null }),
  removedAt: fc.option(fc.constant('2026-06-01T00:00:00.000Z'), { nil: null }),
});
/** One account as its sources saw it, the first one holding it (its instance), in the order stored. */
const observed = fc.uniqueArray(observation, { minLength: 1, maxLength: 4, selector: (o) => o.source });

type Observed = typeof observed extends fc.Arbitrary<infer T> ? T : never;

/** What the account's facts say of its observations, worked out here from the rows themselves. */
function expectedFacts(rows: Observed) {
  const holder = rows[0]!;
  const firstSeenAt = '2026-01-01T00:00:00.000Z';
  const isDirect = (o: Observed[number]) => o === holder || o.direct;
  const used = rows
    .filter((o) => o.lastUsedAt !== null)
    .sort((a, b) => b.lastUsedAt!.localeCompare(a.lastUsedAt!) || a.source.localeCompare(b.source));
  return {
    instance: holder.source,
    lastUsedAt: used[0]?.lastUsedAt ?? null,
    lastUsedSource: used[0]?.source ?? null,
    usageBySource: used.map((o) => ({
      source: o.source,
      lastUsedAt: o.lastUsedAt,
      stale: staleNames.has(o.source),
    })),
    sources: [...rows]
      .sort((a, b) => Number(!isDirect(a)) - Number(!isDirect(b)) || a.source.localeCompare(b.source))
      .map((o) => ({
        source: o.source,
        kind: 'csv',
        role: isDirect(o) ? 'direct' : 'partial',
        status: o.status,
        nameInApp: o.name,
        roleInApp: o.role,
        lastUsedAt: o.lastUsedAt,
        firstSeenAt,
        removedAt: o.removedAt,
        stale: staleNames.has(o.source),
      })),
  };
}

describe.each(lanes)('An account’s facts from its observations on %s', (lane) => {
  let roster: TestRoster;
  const sourceIds = new Map<string, number>();
  let appId: number;
  let userId: number;

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    const { db } = roster.database;
    // Created in reverse, so that neither the sources' ids nor their rows' order follow their names.
    for (const name of [...sourceNames].reverse()) {
      const { id } = await db
        .insertInto('sources')
        .values({
          kind: 'csv',
          name,
          config: '{}',
          last_success_at: staleNames.has(name) ? null : new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      sourceIds.set(name, id);
    }
    ({ id: appId } = await db
      .insertInto('apps')
      .values({ name: 'Figma' })
      .returning('id')
      .executeTakeFirstOrThrow());
    ({ id: userId } = await db
      .insertInto('users')
      .values({ email: 'ann@acme.io', domain: 'acme.io' })
      .returning('id')
      .executeTakeFirstOrThrow());
  });
  afterAll(() => roster.close());

  async function store(rows: Observed) {
    const { db } = roster.database;
    await sql`delete from account_observations`.execute(db);
    await sql`delete from accounts`.execute(db);
    await sql`delete from app_instances`.execute(db);
    const instances = new Map<string, number>();
    for (const o of rows) {
      if (o !== rows[0] && !o.direct) continue;
      const { id } = await db
        .insertInto('app_instances')
        .values({ app_id: appId, source_id: sourceIds.get(o.source)! })
        .returning('id')
        .executeTakeFirstOrThrow();
      instances.set(o.source, id);
    }
    const holder = rows[0]!;
    const { id: accountId } = await db
      .insertInto('accounts')
      .values({
        app_id: appId,
        instance_id: instances.get(holder.source)!,
        user_id: userId,
        name: holder.name,
        status: holder.status,
        first_seen_at: new Date('2026-01-01T00:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const o of rows) {
      await db
        .insertInto('account_observations')
        .values({
          account_id: accountId,
          source_id: sourceIds.get(o.source)!,
          app_id: appId,
          user_id: userId,
          name: o.name,
          role: o.role,
          status: o.status,
          last_used_at: o.lastUsedAt ? new Date(o.lastUsedAt) : null,
          first_seen_at: new Date('2026-01-01T00:00:00Z'),
          removed_at: o.removedAt ? new Date(o.removedAt) : null,
        })
        .execute();
    }
  }

  it('lists every source (direct first), each usage source newest first, and the latest use with its source', async () => {
    await fc.assert(
      fc.asyncProperty(observed, async (rows) => {
        await store(rows);
        const { rows: read } = await sql<Parameters<typeof toAccountFacts>[0]>`
          select ${accountFactsColumns} from accounts ac ${instanceJoin} ${observationsJoin}`.execute(
          roster.database.db,
        );
        expect(read).toHaveLength(1);
        const facts: AccountFacts = toAccountFacts(read[0]!);
        const { instance, lastUsedAt, lastUsedSource, usageBySource, sources } = facts;
        expect({ instance, lastUsedAt, lastUsedSource, usageBySource, sources }).toEqual(expectedFacts(rows));
      }),
      { numRuns: 60 },
    );
  });
});
