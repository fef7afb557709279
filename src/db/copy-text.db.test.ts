import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../test/support/test-roster.js';

describe.each(lanes)('COPY encoding on %s', (lane) => {
  let roster: TestRoster;
  beforeAll(async () => {
    roster = await openTestRoster(lane);
    await sql`create table copy_probe (n int, t text, a text[])`.execute(roster.database.db);
  });
  afterAll(async () => {
    await roster.close();
  });

  it('round-trips any text, nulls and arrays', async () => {
    // Any text, NUL included: PostgreSQL text cannot hold NUL, so it is dropped; everything else survives.
    const text = fc.string({
      unit: fc.oneof(fc.constant('\0'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
    });
    const stored = (s: string) => s.replace(/\0/g, '');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.option(text), fc.array(text, { maxLength: 3 })), { maxLength: 20 }),
        async (rows) => {
          await sql`truncate copy_probe`.execute(roster.database.db);
          await roster.database.copyRows(
            'copy_probe',
            ['n', 't', 'a'],
            rows.map(([t, a], i) => [i, t, a]),
          );
          const { rows: back } = await sql<{
            t: string | null;
            a: string[];
          }>`select t, a from copy_probe order by n`.execute(roster.database.db);
          expect(back).toEqual(
            rows.map(([t, a]) => ({ t: t === null ? null : stored(t), a: a.map(stored) })),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});
