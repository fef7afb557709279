import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../../../test/support/test-roster.js';
import type { ExpenseRecord } from '../../../connectors/kit/records.js';
import { ExpenseRunLines } from '../../../sync/expense-run-lines.js';
import { externalIdsOf } from './line-ids.js';

/** The ids of the lines as one run would hold them. */
function idsOf(records: readonly ExpenseRecord[]): string[] {
  const run = new ExpenseRunLines();
  for (const [seq, record] of records.entries()) run.add(record, seq);
  const ids = externalIdsOf(run);
  return records.map((_, i) => ids(i));
}

const line = fc.record({
  type: fc.constant('expense' as const),
  id: fc.constant(null),
  date: fc.constantFrom('2026-01-05', '1999-12-31'),
  amount: fc.constantFrom('12.5', '-3', '0', '0.0001', '12345678901234.5678'),
  currency: fc.constantFrom('USD', 'EUR'),
  vendor: fc.constantFrom('', 'SLACK', 'Café Zoë', 'tab\tand, comma'),
  description: fc.constantFrom('', 'Pro plan', '日本語'),
  reportId: fc.constantFrom(null, 'R1'),
  itemType: fc.constantFrom('main' as const, 'line' as const),
  account: fc.constantFrom('', 'card-1'),
  employeeEmail: fc.constantFrom(null, 'ana@example.com'),
});

/**
 * Lines without an id of their own keep the ids the earlier import wrote in SQL (a hash of their fields as
 * PostgreSQL printed them, and their occurrence among identical lines of the run), so a file imported before
 * this import path existed is still recognised line by line.
 */
describe.each(lanes)('ids of lines without one, on %s', (lane) => {
  let roster: TestRoster;
  beforeAll(async () => {
    roster = await openTestRoster(lane);
  });
  afterAll(() => roster?.close());

  it('are the ones the SQL of earlier imports derived', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 8 }), async (lines: ExpenseRecord[]) => {
        const column = <K extends keyof ExpenseRecord>(key: K) => lines.map((l) => l[key]);
        const { rows } = await sql<{ external_id: string }>`
          with s as (
            select * from unnest(${lines.map((_, i) => i)}::int[], ${column('date')}::date[],
                                 ${column('amount')}::numeric(18, 4)[], ${column('currency')}::text[],
                                 ${column('vendor')}::text[], ${column('description')}::text[],
                                 ${column('reportId')}::text[], ${column('itemType')}::text[],
                                 ${column('account')}::text[], ${column('employeeEmail')}::text[])
              as t(seq, date, amount, currency, vendor, description, report_id, item_type, account, employee_email)
          )
          select 'h:' || left(encode(sha256(convert_to(concat_ws(chr(31),
                   to_char(s.date, 'YYYY-MM-DD'), s.amount::text, s.currency, s.vendor, s.description,
                   coalesce(s.report_id, ''), s.item_type, s.account, coalesce(s.employee_email, '')
                 ), 'UTF8')), 'hex'), 32)
                 || ':' || row_number() over (
                      partition by s.date, s.amount, s.currency, s.vendor, s.description,
                                   s.report_id, s.item_type, s.account, s.employee_email
                      order by s.seq) as external_id
          from s order by s.seq`.execute(roster.database.db);
        expect(idsOf(lines)).toEqual(rows.map((r) => r.external_id));
      }),
      { numRuns: 50 },
    );
  });

  it('keep a line’s own id', () => {
    expect(
      idsOf([
        {
          type: 'expense',
          id: 'TX-9',
          date: '2026-01-05',
          amount: '1',
          currency: 'USD',
          vendor: 'A',
          description: '',
          reportId: null,
          itemType: 'line',
          account: '',
          employeeEmail: null,
        },
      ]),
    ).toEqual(['TX-9']);
  });
});
