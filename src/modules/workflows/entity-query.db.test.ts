import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { type EntityReading, entityQuery, keyIs } from './entity-query.js';
import type { EntityKind } from './workflow-fields.js';

// Four people; the last one's user is merged into the first, so its account reads the first one's record.
const emails = ['ann@acme.io', 'bob@acme.io', 'cat@acme.io', 'dan@acme.io'];
const sourceNames = ['HR', 'Payroll', 'IdP'];

// Employee records, written in the generated order so ids interleave with statuses; at most one per
// source and email, as the table allows.
const records = fc.uniqueArray(
  fc.record({
    person: fc.nat(emails.length - 1),
    source: fc.nat(sourceNames.length - 1),
    status: fc.constantFrom('active', 'terminated'),
    removed: fc.boolean(),
  }),
  { maxLength: 9, selector: (r) => `${r.person}:${r.source}` },
);
type Records = typeof records extends fc.Arbitrary<infer T> ? T : never;

/** The people list's rule, written out: a record not removed, an active one first, then the oldest (lowest id). */
function expectedRecord(written: Records, person: number): string | null {
  const candidates = written
    .map((r, i) => ({ ...r, name: `record ${i}` }))
    .filter((r) => r.person === person && !r.removed);
  candidates.sort((a, b) => Number(b.status === 'active') - Number(a.status === 'active'));
  return candidates[0]?.name ?? null;
}

describe.each(lanes)('The employee record of a workflow entity on %s', (lane) => {
  let roster: TestRoster;
  const sources: number[] = [];
  const users: number[] = [];
  const accounts: number[] = [];

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    const { db } = roster.database;
    for (const name of sourceNames)
      sources.push(
        (
          await db
            .insertInto('sources')
            .values({ kind: 'hr-csv', name, config: '{}' })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    for (const email of emails)
      users.push(
        (
          await db
            .insertInto('users')
            .values({ email, domain: 'acme.io' })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    await sql`insert into person_links (user_id, primary_user_id, source_id, field, raw_value)
              values (${users[3]}, ${users[0]}, ${sources[0]}, 'email', ${emails[3]})`.execute(db);
    const app = await db
      .insertInto('apps')
      .values({ name: 'Slack' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const instance = await db
      .insertInto('app_instances')
      .values({ app_id: app.id, source_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const user of users)
      accounts.push(
        (
          await db
            .insertInto('accounts')
            .values({
              app_id: app.id,
              instance_id: instance.id,
              user_id: user,
              status: 'active',
              first_seen_at: new Date(),
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
  });
  afterAll(() => roster.close());

  async function write(written: Records) {
    const { db } = roster.database;
    await sql`delete from employees`.execute(db);
    for (const [i, r] of written.entries())
      await db
        .insertInto('employees')
        .values({
          source_id: sources[r.source]!,
          email: emails[r.person]!,
          name: `record ${i}`,
          status: r.status,
          attributes: '{}',
          removed_at: r.removed ? new Date() : null,
        })
        .execute();
  }

  /** The employee record's name for each key: read for the whole set, or looked up key by key. */
  async function recordNames(kind: EntityKind, reading: EntityReading, keys: number[]) {
    const { db } = roster.database;
    const query = entityQuery(kind, new Set(['person']), reading);
    if (reading === 'many') {
      const { rows } = await sql<{ key: string; name: string | null }>`
        select ${query.key} as key, e.name from ${query.from} where ${query.where}`.execute(db);
      return Object.fromEntries(rows.map((r) => [r.key, r.name]));
    }
    const names: Record<string, string | null> = {};
    for (const key of keys) {
      const { rows } = await sql<{ name: string | null }>`
        select e.name from ${query.from} where ${query.where} and ${keyIs(kind, sql`${String(key)}::text`)}`.execute(
        db,
      );
      names[String(key)] = rows[0]!.name;
    }
    return names;
  }

  it('reads the same record for many entities as for one looked up by key: active first, then the oldest', async () => {
    await fc.assert(
      fc.asyncProperty(records, async (written) => {
        await write(written);
        const people = users.slice(0, 3);
        const expectedPeople = Object.fromEntries(
          people.map((u, i) => [String(u), expectedRecord(written, i)]),
        );
        // An account reads its person's record: the merged user's account, the primary person's.
        const expectedAccounts = Object.fromEntries(
          accounts.map((a, i) => [String(a), expectedRecord(written, i === 3 ? 0 : i)]),
        );
        expect(await recordNames('person', 'many', people)).toEqual(expectedPeople);
        expect(await recordNames('person', 'few', people)).toEqual(expectedPeople);
        expect(await recordNames('account', 'many', accounts)).toEqual(expectedAccounts);
        expect(await recordNames('account', 'few', accounts)).toEqual(expectedAccounts);
      }),
      { numRuns: 25 },
    );
  });
});
