import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../../../test/support/test-roster.js';
import type { DB } from '../../../db/schema.js';
import { deriveExpenseLines } from '../derive.js';
import { importExchangeRates } from './exchange-rates.service.js';
import { setExpenseAccountExcluded } from './expense-accounts.service.js';
import { importExpenses } from './expense-import.service.js';

const header = 'id,date,amount,currency,vendor,description,report_id,item_type,account,employee_email';

// Catalog vendors (matched automatically, discovering their apps) and one nothing matches.
const vendors = ['SLACK TECHNOLOGIES', 'FIGMA INC', 'ZOOM.US 888-799-9666', 'CORNER CAFE'];

const line = fc.record({
  withId: fc.boolean(),
  // Few dates and amounts, so lines of different sources meet as duplicates and identical lines repeat.
  date: fc.constantFrom('2026-01-05', '2026-01-20', '2026-02-05'),
  // Amounts whose conversion rounds at the fourth decimal, halves included (1 GBP is 1.27345).
  amount: fc.constantFrom('10', '1', '-1', '25.5', '0.0005', '-3.3333', '1234.9999'),
  // EUR and GBP have rates (GBP only from February), JPY none.
  currency: fc.constantFrom('USD', 'USD', 'EUR', 'GBP', 'JPY'),
  vendor: fc.constantFrom(...vendors),
  report: fc.constantFrom('', '', 'R1', 'R2'),
  item: fc.constantFrom('main', 'line'),
  account: fc.constantFrom('', 'card-1', 'card-2'),
});

const file = fc.record({
  source: fc.constantFrom('A', 'B', 'C'),
  lines: fc.array(line, { minLength: 1, maxLength: 12 }),
  countItems: fc.constantFrom(undefined, 'lines' as const, 'main' as const),
  // Before this file, card-2 of the source is excluded (when the source has it).
  excludeCard2: fc.boolean(),
  // This many lines of the source's previous file come again, one of them with another amount.
  repeat: fc.nat({ max: 4 }),
});

class Rollback extends Error {}

/** Everything derived about the lines, and the totals, in a fixed order. */
async function derivedState(trx: Kysely<DB>) {
  const lines = await sql`select id, source_id, external_id, amount_converted::text, excluded, counted_item,
                                 app_id, ignored, duplicate_of, status
                          from expense_lines order by id`.execute(trx);
  const totals = await sql`select app_id, month::text, status, converted, lines, amount::text,
                                  first_date::text, last_date::text
                           from expense_line_totals order by 1, 2, 3, 4`.execute(trx);
  return { lines: lines.rows, totals: totals.rows };
}

/**
 * An import writes its new lines straight into `expense_lines`, already derived in JS (conversion, excluded
 * account, app, ignored flag, counted item kind). Whatever the files, the lines and totals must be what the
 * derivation in SQL gives when it computes every derived column again from nothing.
 */
describe.each(lanes)('lines written straight by an import, on %s', (lane) => {
  let roster: TestRoster;
  beforeAll(async () => {
    roster = await openTestRoster(lane);
    await importExchangeRates(
      roster,
      'test',
      'currency,date,rate\nEUR,2025-12-01,1.0837654321\nEUR,2026-01-20,1.1500000005\nGBP,2026-02-01,1.27345\n',
    );
  });
  afterAll(() => roster?.close());

  it('are what deriving every line again gives, whatever the files', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(file, { minLength: 1, maxLength: 3 }), async (files) => {
        run++;
        const previous = new Map<string, string[]>();
        for (const [n, f] of files.entries()) {
          const source = `${f.source}${run}`;
          const earlier = previous.get(source) ?? [];
          const again = earlier.slice(0, f.repeat);
          // The first line coming again has another amount: corrected when it has an id, else a new line.
          const changed = again
            .slice(0, 1)
            .map((row) => row.replace(/^([^,]*,[^,]*,)[^,]*/, (_, head) => `${head}7.77`));
          const rows = [
            ...changed,
            ...again.slice(1),
            ...f.lines.map((l, i) =>
              [
                l.withId ? `t${n}-${i}` : '',
                l.date,
                l.amount,
                l.currency,
                l.vendor,
                'plan',
                l.report,
                l.item,
                l.account,
                '',
              ].join(','),
            ),
          ];
          if (f.excludeCard2 && earlier.some((r) => r.includes(',card-2,')))
            await setExpenseAccountExcluded(roster, 'test', source, 'card-2', true);
          const result = await importExpenses(roster, 'test', {
            source,
            content: Buffer.from(`${header}\n${rows.join('\n')}\n`),
            countItems: f.countItems,
          });
          expect(result.error).toBeNull();
          // A line with an id is one line: its latest row replaces the earlier, so no file repeats an id.
          const ids = new Set(rows.map((row) => row.split(',')[0]).filter((id) => id !== ''));
          previous.set(source, [...earlier.filter((row) => !ids.has(row.split(',')[0] ?? '')), ...rows]);
        }
        const outcome = roster.database.db.transaction().execute(async (trx) => {
          const written = await derivedState(trx);
          await sql`update expense_lines set amount_converted = null, excluded = false, counted_item = true,
                                             app_id = null, ignored = false, duplicate_of = null`.execute(
            trx,
          );
          const sources = await trx.selectFrom('expense_lines').select('source_id').distinct().execute();
          await deriveExpenseLines(trx, { sourceIds: sources.map((s) => Number(s.source_id)) });
          expect(written).toEqual(await derivedState(trx));
          throw new Rollback();
        });
        await expect(outcome).rejects.toBeInstanceOf(Rollback);
      }),
      { numRuns: 12 },
    );
  });

  it('leave nothing behind when the file fails while its lines are written: no line, descriptor or account', async () => {
    // A rate that takes the line past numeric(18, 4): the COPY itself fails, inside the apply transaction.
    await importExchangeRates(roster, 'test', 'currency,date,rate\nCHF,2026-01-01,100000000\n');
    const count = async () => {
      const { rows } = await sql<{ lines: number; descriptors: number; accounts: number; imports: number }>`
        select (select count(*)::int from expense_lines) as lines,
               (select count(*)::int from expense_descriptors) as descriptors,
               (select count(*)::int from expense_accounts) as accounts,
               (select count(*)::int from expense_imports) as imports`.execute(roster.database.db);
      return rows[0];
    };
    const before = await count();
    const result = await importExpenses(roster, 'test', {
      source: 'Overflow',
      content: Buffer.from(
        `${header}\nx-1,2026-01-05,10,USD,NEW VENDOR ONE,plan,,,card-new,\nx-2,2026-01-06,99999999999,CHF,NEW VENDOR TWO,plan,,,card-new,\n`,
      ),
    });
    expect(result.status).toBe('failed');
    expect(await count()).toEqual(before);
    const run = await roster.database.db
      .selectFrom('sync_runs')
      .select(['status'])
      .where('id', '=', result.runId)
      .executeTakeFirstOrThrow();
    expect(run.status).toBe('failed');
  });
});
