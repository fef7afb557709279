import type { ErrorDetail } from '../../lib/errors.js';
import { checkedExpenseRecord } from '../kit/expense-record-check.js';
import { type ExpenseRecord, expenseRecordSchema } from '../kit/records.js';
import { parseAmountText, parseDateText } from './cell-values.js';
import type { DateFormat, ExpenseColumn, ExpenseMapping } from './presets.js';

export interface RowDefaults {
  dateFormat: DateFormat;
  /** The currency of lines when the file has no currency column (a card billed in one currency). */
  currency: string | undefined;
}

// Record field → canonical column, so validation errors name the file's own header.
const fieldColumns: Record<string, ExpenseColumn> = {
  id: 'id',
  date: 'date',
  amount: 'amount',
  currency: 'currency',
  vendor: 'vendor',
  description: 'description',
  reportId: 'report_id',
  itemType: 'item_type',
  account: 'account',
  employeeEmail: 'employee_email',
};

const dateExamples: Record<DateFormat, string> = {
  'YYYY-MM-DD': '2026-01-31',
  'MM/DD/YYYY': '01/31/2026',
  'DD/MM/YYYY': '31/01/2026',
};

/**
 * One row of an expense file as a checked record (the record schema's output), or the problems naming the
 * file's headers.
 */
export function toExpenseRecord(
  columns: ExpenseMapping,
  defaults: RowDefaults,
  values: Record<string, string>,
): { record?: ExpenseRecord; problems: Omit<ErrorDetail, 'row'>[] } {
  const cell = (column: ExpenseColumn) => {
    const header = columns[column];
    return header === undefined ? '' : (values[header] ?? '').trim();
  };
  const header = (column: ExpenseColumn) => columns[column] ?? column;
  const problems: Omit<ErrorDetail, 'row'>[] = [];

  const date = parseDateText(cell('date'), defaults.dateFormat);
  if (date === null)
    problems.push({
      field: header('date'),
      message: `"${cell('date')}" is not a date like ${dateExamples[defaults.dateFormat]} (${defaults.dateFormat})`,
    });
  const amount = parseAmountText(cell('amount'));
  if (amount === null)
    problems.push({
      field: header('amount'),
      message: `"${cell('amount')}" is not an amount like 1234.50, $1,234.50 or (12.00)`,
    });
  const currency = cell('currency') || defaults.currency || '';
  if (currency === '')
    problems.push({
      field: header('currency'),
      message: 'no currency: map a currency column, or set the source’s currency (--currency)',
    });
  const itemText = cell('item_type').toLowerCase();
  const itemType = itemText === '' ? 'line' : itemText === 'header' ? 'main' : itemText;
  if (itemType !== 'main' && itemType !== 'line')
    problems.push({ field: header('item_type'), message: `"${cell('item_type')}" is not main or line` });
  if (problems.length) return { problems };

  const record = {
    type: 'expense' as const,
    id: cell('id') || null,
    date: date ?? '',
    amount: amount ?? '',
    currency,
    vendor: cell('vendor'),
    description: cell('description'),
    reportId: cell('report_id') || null,
    itemType: itemType as 'main' | 'line',
    account: cell('account'),
    employeeEmail: cell('employee_email') || null,
  };
  // Most rows are checked by hand; the schema parses only the others, and says which column is wrong.
  const checked = checkedExpenseRecord(record);
  if (checked) return { record: checked, problems };
  const parsed = expenseRecordSchema.safeParse(record);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = fieldColumns[String(issue.path[0] ?? '')];
      problems.push({ field: column ? header(column) : String(issue.path[0] ?? ''), message: issue.message });
    }
    return { problems };
  }
  return { record: parsed.data, problems };
}
