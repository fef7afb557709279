import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../test/support/test-roster.js';

// Text that leans on what quoting could get wrong: quotes, backslashes, dollar signs, semicolons.
const awkwardText = fc.string({
  unit: fc.oneof(
    fc.constantFrom("'", '\\', '$', ';', '"', 'E', '\n', ')'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }).filter((c) => c !== '\0'),
  ),
});

describe.each(lanes)('prepared reads on %s', (lane) => {
  let roster: TestRoster;
  beforeAll(async () => {
    roster = await openTestRoster(lane);
    await sql`create table prepared_probe (n int primary key, t text, b boolean)`.execute(roster.database.db);
  });
  afterAll(async () => {
    await roster.close();
  });

  it('answers as the same query run plainly, whatever the arguments hold', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -1000, max: 1000 }), awkwardText, fc.boolean(), async (n, t, b) => {
        await sql`truncate prepared_probe`.execute(roster.database.db);
        await sql`insert into prepared_probe values (${n}, ${t}, ${b})`.execute(roster.database.db);
        const query = (key: number, text: string, flag: boolean) =>
          sql<{
            n: number;
            t: string;
            echoed: string;
          }>`select n, t, ${text}::text as echoed from prepared_probe
            where n = ${key} and t = ${text} and b = ${flag}`.compile(roster.database.db);
        expect(await roster.database.prepared('prepared_probe_read', query(n, t, b))).toEqual([
          { n, t, echoed: t },
        ]);
        expect(await roster.database.prepared('prepared_probe_read', query(n + 1, t, b))).toEqual([]);
        expect(await roster.database.prepared('prepared_probe_read', query(n, t, !b))).toEqual([]);
      }),
      { numRuns: 60 },
    );
    // Nothing an argument held ran as SQL: the table is as the last insert left it.
    const { rows } = await sql<{ count: number }>`select count(*)::int as count from prepared_probe`.execute(
      roster.database.db,
    );
    expect(rows).toEqual([{ count: 1 }]);
  });

  it('takes null arguments', async () => {
    const query = sql<{ v: string | null }>`select ${null}::text as v`.compile(roster.database.db);
    expect(await roster.database.prepared('prepared_probe_null', query)).toEqual([{ v: null }]);
  });

  it('refuses a second text under a name already prepared', async () => {
    await roster.database.prepared('prepared_probe_fixed', sql`select 1 as v`.compile(roster.database.db));
    await expect(
      roster.database.prepared('prepared_probe_fixed', sql`select 2 as v`.compile(roster.database.db)),
    ).rejects.toThrow('The prepared statement prepared_probe_fixed was prepared with another text');
  });
});

describe('prepared reads on the embedded database', () => {
  let roster: TestRoster;
  beforeAll(async () => {
    roster = await openTestRoster('pglite');
    await sql`create table prepared_probe (n int primary key)`.execute(roster.database.db);
  });
  afterAll(async () => {
    await roster.close();
  });

  it('plans a read once, not on every request', async () => {
    const query = (n: number) =>
      sql<{ n: number }>`select n from prepared_probe where n = ${n}`.compile(roster.database.db);
    for (let i = 0; i < 10; i++) await roster.database.prepared('prepared_probe_plan', query(i));
    const { rows } = await sql<{ generic: number; custom: number }>`
      select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements
      where name = 'prepared_probe_plan'`.execute(roster.database.db);
    // PostgreSQL tries five custom plans, then keeps the generic one when it costs no more.
    expect(rows).toEqual([{ generic: 5, custom: 5 }]);
  });
});
