import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { lanes, openTestRoster } from '../../../test/support/test-roster.js';

/**
 * Every index on expense_lines costs on every line an import writes: each one kept has a reader
 * (migrations/0027_expense_lines_indexes.sql lists them), and one without goes.
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
        'expense_lines_source_id_external_id_key',
        'expense_lines_unmatched_idx',
      ]);
    } finally {
      await roster.close();
    }
  });
});
