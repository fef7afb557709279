import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../../../test/support/test-roster.js';
import { importExpenses } from './expense-import.service.js';

const header = 'id,date,amount,currency,vendor,description,report_id,item_type,account,employee_email';

/** A file of `count` lines past the import's threshold for refreshing statistics (5,000 lines). */
function file(prefix: string, count: number): Buffer {
  const rows = Array.from(
    { length: count },
    (_, i) =>
      `${prefix}-${i},2026-01-${String((i % 28) + 1).padStart(2, '0')},${(i % 90) + 1},USD,SHOP ${i % 40},,,,,`,
  );
  return Buffer.from(`${header}\n${rows.join('\n')}\n`);
}

/** Statistics refreshed by hand (ANALYZE), not by the server's autovacuum. */
async function analyses(roster: TestRoster): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select analyze_count::int as n from pg_stat_user_tables where relname = 'expense_lines'`.execute(
    roster.database.db,
  );
  return Number(rows[0]?.n ?? 0);
}

describe.each(lanes)('the statistics an import refreshes, on %s', (lane) => {
  let roster: TestRoster;
  beforeAll(async () => {
    roster = await openTestRoster(lane);
  });
  afterAll(() => roster?.close());

  it('refreshes them when a large import more than triples the lines they know of, and only then', async () => {
    const before = await analyses(roster);
    const first = await importExpenses(roster, 'test', { source: 'Card', content: file('a', 6000) });
    expect(first.counters.added).toBe(6000);
    const afterFirst = await analyses(roster);
    // The table was believed empty: the derivation must not be planned on that.
    expect(afterFirst).toBe(before + 1);

    const second = await importExpenses(roster, 'test', { source: 'Card', content: file('b', 6000) });
    expect(second.counters.added).toBe(6000);
    // 6,000 known, 12,000 now: the plans stand, so no refresh inside the import.
    expect(await analyses(roster)).toBe(afterFirst);
  });
});
