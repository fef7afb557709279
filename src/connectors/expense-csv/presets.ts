/**
 * The canonical header of an expense file, and the presets that map common exports onto it. Each preset's
 * headers come from the vendor's documented export format (sources below and in docs/expense-presets.md);
 * a preset lists, per column, the headers that export uses, the first one present in the file wins. Dates
 * follow the preset's documented format, never a guess: 03/04/2026 is March 4th for an MM/DD/YYYY export and
 * an error for an ISO one. ISO dates (2026-03-04) are unambiguous and accepted by every preset.
 */
export const expenseColumns = [
  'id',
  'date',
  'amount',
  'currency',
  'vendor',
  'description',
  'report_id',
  'item_type',
  'account',
  'employee_email',
] as const;
export type ExpenseColumn = (typeof expenseColumns)[number];
export type ExpenseMapping = Partial<Record<ExpenseColumn, string>>;

export const dateFormats = ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY'] as const;
export type DateFormat = (typeof dateFormats)[number];

export const expensePresets = [
  'roster',
  'expensify',
  'ramp',
  'brex',
  'amex',
  'quickbooks',
  'netsuite',
  'auto',
] as const;
export type ExpensePreset = (typeof expensePresets)[number];

export interface PresetSpec {
  headers: Partial<Record<ExpenseColumn, readonly string[]>>;
  dateFormat: DateFormat;
}

const canonical = Object.fromEntries(expenseColumns.map((c) => [c, [c]])) as unknown as Record<
  ExpenseColumn,
  readonly string[]
>;

export const presetSpecs: Record<Exclude<ExpensePreset, 'auto'>, PresetSpec> = {
  roster: { headers: canonical, dateFormat: 'YYYY-MM-DD' },
  // Expensify Classic's expense-level CSV export ("Export to CSV" on the Expenses page, and the default
  // templates of https://help.expensify.com "Default Export Templates"): Timestamp, Merchant, Amount, MCC,
  // Category, Tag, Comment, Reimbursable, Original Currency, Original Amount, Receipt; report-level templates
  // add Report ID and the submitter's Email. Timestamps are written YYYY-MM-DD HH:MM:SS.
  expensify: {
    headers: {
      id: ['Transaction ID'],
      date: ['Timestamp', 'Date'],
      amount: ['Original Amount', 'Amount'],
      currency: ['Original Currency', 'Currency'],
      vendor: ['Merchant'],
      description: ['Comment', 'Description'],
      report_id: ['Report ID'],
      account: ['Card', 'Bank'],
      employee_email: ['Email', 'Submitter Email'],
    },
    dateFormat: 'YYYY-MM-DD',
  },
  // Ramp's card transactions: the fields of a transaction in Ramp's developer API
  // (https://docs.ramp.com/developer-api/v1/api/transactions: id, user_transaction_time, amount,
  // currency_code, merchant_name, memo, card_id) as its CSV export names them, and the upload template of
  // https://support.ramp.com "Migrate your card vendors" (transaction_time, amount, user, merchant_name).
  // Times are ISO 8601.
  ramp: {
    headers: {
      id: ['id', 'Transaction ID'],
      date: ['user_transaction_time', 'transaction_time', 'Transaction Date', 'Date'],
      amount: ['amount', 'Amount'],
      currency: ['currency_code', 'Currency'],
      vendor: ['merchant_name', 'Merchant Name', 'Merchant'],
      description: ['memo', 'Memo'],
      account: ['card_id', 'Card', 'Card Last 4'],
      employee_email: ['user_email', 'User Email', 'Email'],
    },
    dateFormat: 'YYYY-MM-DD',
  },
  // Brex's card transaction feed (CDF3 standard fields, https://www.brex.com/support/brex-and-cdf3:
  // ProcessorTransactionId, TransactionDate, AmountInOriginalCurrency, OriginalCurrencyCode,
  // CardAcceptorName, EmployeeId) and the dashboard's expense CSV (Transaction ID, Date, Amount, Currency,
  // Merchant, Memo, Card, User email). Dates are ISO 8601.
  brex: {
    headers: {
      id: ['ProcessorTransactionId', 'Transaction ID', 'Expense ID'],
      date: ['TransactionDate', 'Date', 'Posted Date'],
      amount: ['AmountInOriginalCurrency', 'Amount'],
      currency: ['OriginalCurrencyCode', 'Currency'],
      vendor: ['CardAcceptorName', 'Merchant', 'Merchant name'],
      description: ['Memo'],
      account: ['Card', 'Card Last Four'],
      employee_email: ['User email', 'Email'],
    },
    dateFormat: 'YYYY-MM-DD',
  },
  // American Express's statement download as CSV ("Download your Statement", americanexpress.com; layout
  // described in Amex's "Quick Reference Guide for Data Files"): Date, Description, Card Member, Account #,
  // Amount, and with "include all additional transaction details": Extended Details, Appears On Your
  // Statement As, Reference, Category. Dates MM/DD/YYYY; charges positive, credits negative; the file names no
  // currency (the card's billing currency: set the source's currency).
  amex: {
    headers: {
      id: ['Reference'],
      date: ['Date'],
      amount: ['Amount'],
      currency: ['Currency'],
      vendor: ['Description', 'Appears On Your Statement As'],
      description: ['Extended Details'],
      account: ['Account #'],
      employee_email: ['Card Member Email'],
    },
    dateFormat: 'MM/DD/YYYY',
  },
  // QuickBooks Online's "Transaction Detail by Account" / "Expenses by Vendor Detail" reports exported to
  // CSV/Excel: Date, Transaction Type, Num, Name, Memo/Description, Account, Split, Amount (QuickBooks report
  // columns; dates MM/DD/YYYY in US companies). Num is a check or bill number, not unique, so it is not an id.
  quickbooks: {
    headers: {
      date: ['Date'],
      amount: ['Amount'],
      currency: ['Currency'],
      vendor: ['Name', 'Vendor'],
      description: ['Memo/Description', 'Description', 'Memo'],
      account: ['Account', 'Split'],
    },
    dateFormat: 'MM/DD/YYYY',
  },
  // NetSuite's expense report and transaction saved searches exported to CSV (fields of the expense report
  // record, https://docs.oracle.com/en/cloud/saas/netsuite "Expense Report Body Fields" and "Sublist Fields":
  // Date, Employee, Account, Amount, Currency, Memo; Document Number names the report). NetSuite writes dates
  // in the account's date preference, MM/DD/YYYY by default: other preferences set the source's date format.
  netsuite: {
    headers: {
      date: ['Date'],
      amount: ['Amount', 'Amount (Foreign Currency)'],
      currency: ['Currency'],
      vendor: ['Vendor', 'Name', 'Merchant'],
      description: ['Memo', 'Description'],
      report_id: ['Document Number', 'Expense Report'],
      account: ['Account'],
      employee_email: ['Employee Email', 'Email'],
    },
    dateFormat: 'MM/DD/YYYY',
  },
};

// `auto` knows every header above; formats it cannot know (slashed dates) need an explicit date format.
const autoHeaders = Object.fromEntries(
  expenseColumns.map((column) => [
    column,
    [...new Set(Object.values(presetSpecs).flatMap((spec) => spec.headers[column] ?? []))],
  ]),
) as unknown as Record<ExpenseColumn, readonly string[]>;

export function specOf(preset: ExpensePreset): PresetSpec {
  return preset === 'auto' ? { headers: autoHeaders, dateFormat: 'YYYY-MM-DD' } : presetSpecs[preset];
}

const squash = (header: string) => header.toLowerCase().replace(/[\s_-]/g, '');

/**
 * Which header of the file feeds each column. `roster` matches its own names exactly; the vendor presets
 * and `auto` ignore case, spaces, dashes and underscores. An explicit mapping always wins.
 */
export function resolveExpenseColumns(
  header: readonly string[],
  preset: ExpensePreset,
  mapping: ExpenseMapping,
): ExpenseMapping {
  const spec = specOf(preset);
  const exact = preset === 'roster';
  const byKey = new Map(header.map((h) => [exact ? h : squash(h), h]));
  const resolved: ExpenseMapping = {};
  for (const column of expenseColumns) {
    const explicit = mapping[column];
    if (explicit !== undefined) {
      resolved[column] = explicit;
      continue;
    }
    for (const candidate of spec.headers[column] ?? []) {
      const found = byKey.get(exact ? candidate : squash(candidate));
      if (found !== undefined) {
        resolved[column] = found;
        break;
      }
    }
  }
  return resolved;
}
