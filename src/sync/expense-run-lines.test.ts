import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExpenseRecord } from '../connectors/kit/records.js';
import { ExpenseRunLines } from './expense-run-lines.js';

const text = fc.oneof(fc.constantFrom('', 'SLACK', 'card-1', 'a text longer than twelve'), fc.string());
const record: fc.Arbitrary<ExpenseRecord> = fc.record({
  type: fc.constant('expense' as const),
  // Few ids, so the same one comes twice.
  id: fc.option(fc.constantFrom('TX-1', 'TX-2', 'TX-3', 'a longer id, past twelve', 'TX-é'), { nil: null }),
  date: fc.constantFrom('2026-01-05', '1999-12-31', '2024-02-29'),
  amount: fc.constantFrom('12.5', '-3', '0', '12345678901234.5678'),
  currency: fc.constantFrom('USD', 'EUR'),
  vendor: text,
  description: text,
  reportId: fc.option(text, { nil: null }),
  itemType: fc.constantFrom('main' as const, 'line' as const),
  account: text,
  employeeEmail: fc.option(fc.constantFrom('ana@example.com', 'bo@example.com'), { nil: null }),
});

/** The rule written out plainly: each id given to more than one line, with all its rows, by id. */
function duplicatesModel(records: readonly ExpenseRecord[], seqs: readonly number[]) {
  const byId = new Map<string, number[]>();
  records.forEach((r, i) => {
    if (r.id !== null) byId.set(r.id, [...(byId.get(r.id) ?? []), seqs[i] as number]);
  });
  return [...byId]
    .filter(([, rows]) => rows.length > 1)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, rows]) => ({
      row: [...rows].sort((a, b) => a - b)[1],
      field: 'id',
      message: `expense line "${id}" appears more than once (rows ${[...rows].sort((a, b) => a - b).join(', ')})`,
    }));
}

describe('a run’s expense lines held by field', () => {
  it('give back every line as it was added, and each distinct descriptor, account, currency and date once', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 60 }), (records) => {
        const run = new ExpenseRunLines();
        for (const [i, r] of records.entries()) run.add(r, i + 2);
        expect(run.length).toBe(records.length);
        expect(records.map((_, i) => run.line(i))).toEqual(records);
        expect(records.map((_, i) => run.seq(i))).toEqual(records.map((_, i) => i + 2));
        const pairs = run.descriptors.vendors.map((v, d) => [v, run.descriptors.descriptions[d]]);
        expect(new Set(pairs.map((p) => JSON.stringify(p))).size).toBe(pairs.length);
        records.forEach((r, i) => {
          expect(pairs[run.descriptor(i)]).toEqual([r.vendor, r.description]);
        });
        expect([...run.accounts].sort()).toEqual([...new Set(records.map((r) => r.account))].sort());
        expect([...run.currencies].sort()).toEqual([...new Set(records.map((r) => r.currency))].sort());
        expect([...run.dates].sort()).toEqual([...new Set(records.map((r) => r.date))].sort());
      }),
    );
  });

  it('report each id given to two lines or more, with all its rows', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 60 }), fc.integer({ min: 1, max: 5 }), (records, step) => {
        const run = new ExpenseRunLines();
        // Rows need not come in order (a JSON array's positions do; a merged feed's may not).
        const seqs = records.map((_, i) => ((i * step * 7919) % 1000) + i * 1000);
        for (const [i, r] of records.entries()) run.add(r, seqs[i] as number);
        expect(run.duplicates('row')).toEqual(duplicatesModel(records, seqs));
      }),
    );
  });

  it('find duplicates among many lines past the first chunk', () => {
    const run = new ExpenseRunLines();
    const base = {
      type: 'expense',
      date: '2026-01-05',
      amount: '1',
      currency: 'USD',
      vendor: 'V',
      description: '',
      reportId: null,
      itemType: 'line',
      account: '',
      employeeEmail: null,
    } as const;
    for (let i = 0; i < 50_000; i++) run.add({ ...base, id: `id-${i}` }, i + 2);
    run.add({ ...base, id: 'id-17' }, 50_002);
    run.add({ ...base, id: 'id-49999' }, 50_003);
    expect(run.duplicates('row').map((d) => d.message)).toEqual([
      'expense line "id-17" appears more than once (rows 19, 50002)',
      'expense line "id-49999" appears more than once (rows 50001, 50003)',
    ]);
  });
});
