import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkedExpenseRecord, surelyValidExpense } from './expense-record-check.js';
import { expenseRecordSchema } from './records.js';

const good = {
  id: 'TX-1',
  date: '2026-02-28',
  amount: '12.50',
  currency: 'usd',
  vendor: 'SLACK TECHNOLOGIES',
  description: 'Pro plan',
  reportId: null,
  itemType: 'line' as const,
  account: 'card-1',
  employeeEmail: 'Ana@Example.com',
};

// Values around every edge the schema checks: lengths, calendar days, decimals, codes, NULs, emails.
const texts = (max: number) =>
  fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      'a',
      ' padded ',
      'x'.repeat(max),
      'x'.repeat(max + 1),
      `${'y'.repeat(max)} `,
      'nul\u0000',
    ),
    fc.string({ maxLength: 12 }),
  );
const row = fc.record({
  id: fc.option(texts(500)),
  date: fc.constantFrom(
    '2026-02-28',
    '2026-02-29',
    '2024-02-29',
    '1899-12-31',
    '2026-13-01',
    ' 2026-01-01',
    '2026-1-01',
    '',
  ),
  amount: fc.constantFrom(
    '12.5',
    '-0',
    '1.23456',
    '123456789012345',
    '12345678901234.5',
    ' 7 ',
    '1e3',
    '',
    '00012.10',
  ),
  currency: fc.constantFrom('USD', 'usd', 'EUR', 'XYZ', 'US', 'USDX', ' EUR', ''),
  vendor: texts(500),
  description: texts(1000),
  reportId: fc.option(texts(200)),
  itemType: fc.constantFrom('main' as const, 'line' as const),
  account: texts(200),
  employeeEmail: fc.option(
    fc.constantFrom(
      'ana@example.com',
      'Ana@Example.COM',
      ' ana@example.com',
      'ana@',
      'not an email',
      `${'a'.repeat(320)}@x.io`,
    ),
  ),
});

describe('surelyValidExpense', () => {
  it('accepts a plain row of a file', () => {
    expect(surelyValidExpense(good)).toBe(true);
    expect(expenseRecordSchema.safeParse({ type: 'expense', ...good }).success).toBe(true);
  });

  it('accepts only rows the record schema accepts', () => {
    fc.assert(
      fc.property(row, (r) => {
        if (surelyValidExpense(r))
          expect(expenseRecordSchema.safeParse({ type: 'expense', ...r }).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses what the schema refuses, row by row', () => {
    for (const bad of [
      { date: '2026-02-30' },
      { amount: '1.23456' },
      { currency: 'XYZ' },
      { vendor: '', description: ' ' },
      { account: 'x'.repeat(201) },
      { employeeEmail: 'ana@' },
      { vendor: 'nul\u0000' },
    ])
      expect(surelyValidExpense({ ...good, ...bad })).toBe(false);
  });
});

describe('checkedExpenseRecord', () => {
  it('gives what the record schema gives, for every row it takes', () => {
    let taken = 0;
    fc.assert(
      fc.property(row, (r) => {
        const checked = checkedExpenseRecord(r);
        if (checked === null) return;
        taken++;
        expect(checked).toEqual(expenseRecordSchema.parse({ type: 'expense', ...r }));
      }),
      { numRuns: 3000 },
    );
    expect(taken).toBeGreaterThan(0);
  });

  it("gives the schema's forms of a plain row: canonical amount, upper-case currency, normalised email", () => {
    expect(checkedExpenseRecord({ ...good, id: ' TX-1 ', amount: '012.50', reportId: '  ' })).toEqual({
      type: 'expense',
      id: 'TX-1',
      date: '2026-02-28',
      amount: '12.5',
      currency: 'USD',
      vendor: 'SLACK TECHNOLOGIES',
      description: 'Pro plan',
      reportId: null,
      itemType: 'line',
      account: 'card-1',
      employeeEmail: 'ana@example.com',
    });
  });
});
