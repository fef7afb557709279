import { isValidEmail, normaliseEmail } from '../../lib/email.js';
import { isStorable } from '../../lib/storable-text.js';
import { canonicalAmount, isCalendarDate, isCurrencyCode } from './expense-values.js';
import type { ExpenseRecord } from './records.js';

/** What a file's row gives: every field a string already (or null where the schema allows it). */
export interface ExpenseRowRecord {
  id: string | null;
  date: string;
  amount: string;
  currency: string;
  vendor: string;
  description: string;
  reportId: string | null;
  itemType: 'main' | 'line';
  account: string;
  employeeEmail: string | null;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const threeLetters = /^[A-Za-z]{3}$/;

const fits = (value: string | null, max: number) =>
  value === null || (value.length <= max && isStorable(value));

/**
 * Whether `expenseRecordSchema` (kit/records.ts) surely accepts this row, checked by hand: parsing a million
 * rows through the schema was a large part of an import's reading (bench/RESULTS.md, "expenses"). It is
 * conservative: true only when every field passes the schema's own checks, so a row it refuses goes through
 * the schema, whose messages name what is wrong. Pinned against the schema by a property test.
 */
export function surelyValidExpense(row: ExpenseRowRecord): boolean {
  return (
    fits(row.id, 500) &&
    isoDate.test(row.date) &&
    isCalendarDate(row.date) &&
    canonicalAmount(row.amount) !== null &&
    threeLetters.test(row.currency) &&
    isCurrencyCode(row.currency.toUpperCase()) &&
    fits(row.vendor, 500) &&
    fits(row.description, 1000) &&
    (row.vendor.trim() !== '' || row.description.trim() !== '') &&
    fits(row.reportId, 200) &&
    (row.itemType === 'main' || row.itemType === 'line') &&
    fits(row.account, 200) &&
    (row.employeeEmail === null ||
      (row.employeeEmail.length <= 320 && isValidEmail(normaliseEmail(row.employeeEmail))))
  );
}

const orNull = (value: string | null) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/**
 * The record the schema would give for a row it surely accepts (trimmed texts, canonical amount, upper-case
 * currency, normalised email), or null when it may not accept it. A connector yielding these marks its page
 * `checked`, and the sync engine takes them as they are: no second parse. Pinned against the schema's output
 * by a property test.
 */
export function checkedExpenseRecord(row: ExpenseRowRecord): ExpenseRecord | null {
  if (!surelyValidExpense(row)) return null;
  return {
    type: 'expense',
    id: orNull(row.id),
    date: row.date,
    amount: canonicalAmount(row.amount) as string,
    currency: row.currency.toUpperCase(),
    vendor: row.vendor.trim(),
    description: row.description.trim(),
    reportId: orNull(row.reportId),
    itemType: row.itemType,
    account: row.account.trim(),
    employeeEmail: row.employeeEmail === null ? null : normaliseEmail(row.employeeEmail),
  };
}
