import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { lanes, openTestRoster } from '../../../test/support/test-roster.js';
import { sharedKeyRefusal } from './import/run-line-writes.js';

/**
 * Every index on expense_lines costs on every line an import writes: each one kept has a reader
 * (migrations/0027_expense_lines_indexes.sql lists them), and one without goes. A source's lines are keyed
 * by a hash of their ids (0030).
 */
describe.each(lanes)('indexes of expense_lines on %s', (lane) => {
  it('are the ones some query reads, and no report index', async () => {
    const roster = await openTestRoster(lane);
    try {
      const { rows } = await sql<{ name: string }>`
        select indexname as name from pg_indexes where tablename = 'expense_lines' order by 1`.execute(
        roster.database.db,
      );
      expect(rows.map((r) => r.name)).toEqual([
        'expense_lines_app_idx',
        'expense_lines_date_idx',
        'expense_lines_descriptor_idx',
        'expense_lines_employee_idx',
        'expense_lines_pkey',
        'expense_lines_source_key',
        'expense_lines_unmatched_idx',
      ]);
    } finally {
      await roster.close();
    }
  });

  it('keep one line per source and id, and an import names the key it cannot share', async () => {
    const roster = await openTestRoster(lane);
    try {
      const { db } = roster.database;
      const add = (sourceId: number, externalId: string) =>
        sql`insert into expense_lines (source_id, external_id, first_import_id, date, amount, currency, descriptor_id, item_type)
            values (${sourceId}, ${externalId}, 1, '2026-01-05', 12.5, 'USD', 1, 'line')`.execute(db);
      await add(1, 'ch_1');
      // The same id in another source, and another id in the same source, are other lines.
      await add(2, 'ch_1');
      await add(1, 'ch_2');
      const refused = await add(1, 'ch_1').then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toMatchObject({ code: '23505', constraint: 'expense_lines_source_key' });
      expect(sharedKeyRefusal(refused)).toMatchObject({
        code: 'conflict',
        message: expect.stringContaining('share one 64-bit key'),
      });
      expect(sharedKeyRefusal(new Error('connection lost'))).toBeUndefined();
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from expense_lines`.execute(db);
      expect(rows[0]?.n).toBe(3);
    } finally {
      await roster.close();
    }
  });
});
