import { describe, expect, it } from 'vitest';
import { strictOutboundClient } from '../../lib/outbound/outbound-client.js';
import { validateRecord } from '../../sync/validate-record.js';
import type { ConnectorError } from '../kit/connector-error.js';
import type { ExpenseRecord } from '../kit/records.js';
import { parseAmountText, parseDateText } from './cell-values.js';
import { type ExpenseUpload, expenseCsvSourceKind } from './expense-csv-source.js';

/** Reads a file through the kind, as the engine would: the validated lines, or the rows it rejected. */
async function read(upload: ExpenseUpload, config: Record<string, unknown> = {}) {
  const lines: ExpenseRecord[] = [];
  const rejected: unknown[] = [];
  const pages = expenseCsvSourceKind.fetch({
    config: expenseCsvSourceKind.configSchema.parse(config),
    credentials: undefined,
    input: upload,
    signal: new AbortController().signal,
    filesDir: '',
    maxFileBytes: 1_000_000,
    outbound: strictOutboundClient(),
  });
  for await (const page of pages) {
    rejected.push(...(page.rejected ?? []));
    for (const input of page.records) {
      const checked = validateRecord(input);
      if ('problems' in checked) rejected.push(...checked.problems);
      else lines.push(checked.record as ExpenseRecord);
    }
  }
  return { lines, rejected };
}

const pick = (line: ExpenseRecord) => ({
  id: line.id,
  date: line.date,
  amount: line.amount,
  currency: line.currency,
  vendor: line.vendor,
  description: line.description,
  reportId: line.reportId,
  account: line.account,
  employeeEmail: line.employeeEmail,
});

describe('expense export presets', () => {
  it('expensify: expense-level export with original amounts and report ids', async () => {
    const { lines, rejected } = await read({
      preset: 'expensify',
      content:
        'Timestamp,Merchant,Amount,MCC,Category,Tag,Comment,Reimbursable,Original Currency,Original Amount,Receipt,Report ID,Email\n' +
        '2026-01-31 00:00:00,Slack,45.00,5734,Software,,Team plan,no,EUR,"41.50",,R00I7J3xs5fn,ann@acme.io\n',
    });
    expect(rejected).toEqual([]);
    expect(lines.map(pick)).toEqual([
      {
        id: null,
        date: '2026-01-31',
        amount: '41.5',
        currency: 'EUR',
        vendor: 'Slack',
        description: 'Team plan',
        reportId: 'R00I7J3xs5fn',
        account: '',
        employeeEmail: 'ann@acme.io',
      },
    ]);
  });

  it('ramp: API field names, ISO timestamps', async () => {
    const { lines, rejected } = await read({
      preset: 'ramp',
      content:
        'id,user_transaction_time,amount,currency_code,merchant_name,memo,card_id,state\n' +
        'f3a1,2026-02-03T18:22:11Z,120.5,USD,FIGMA,Design seats,card_77,CLEARED\n',
    });
    expect(rejected).toEqual([]);
    expect(lines.map(pick)).toEqual([
      {
        id: 'f3a1',
        date: '2026-02-03',
        amount: '120.5',
        currency: 'USD',
        vendor: 'FIGMA',
        description: 'Design seats',
        reportId: null,
        account: 'card_77',
        employeeEmail: null,
      },
    ]);
  });

  it('brex: card feed fields', async () => {
    const { lines, rejected } = await read({
      preset: 'brex',
      content:
        'ProcessorTransactionId,PostingDate,TransactionDate,AmountInOriginalCurrency,OriginalCurrencyCode,CardAcceptorName\n' +
        'P-9,2026-03-02,2026-03-01,"1,200.00",GBP,NOTION LABS\n',
    });
    expect(rejected).toEqual([]);
    expect(lines.map(pick)).toEqual([
      expect.objectContaining({
        id: 'P-9',
        date: '2026-03-01',
        amount: '1200',
        currency: 'GBP',
        vendor: 'NOTION LABS',
      }),
    ]);
  });

  it('amex: MM/DD/YYYY dates, the source’s currency, credits negative', async () => {
    const content =
      'Date,Description,Card Member,Account #,Amount,Extended Details,Reference\n' +
      '01/02/2026,ADOBE  *ACROPRO SUBS SAN JOSE CA,ANN LEE,-41007,19.99,ADOBE SYSTEMS,320260020123\n' +
      '01/15/2026,ADOBE  *ACROPRO SUBS SAN JOSE CA,ANN LEE,-41007,-19.99,CREDIT,320260150456\n';
    const { lines, rejected } = await read({ preset: 'amex', content }, { currency: 'USD' });
    expect(rejected).toEqual([]);
    expect(lines.map((l) => [l.date, l.amount, l.currency, l.vendor, l.account, l.id])).toEqual([
      ['2026-01-02', '19.99', 'USD', 'ADOBE  *ACROPRO SUBS SAN JOSE CA', '-41007', '320260020123'],
      ['2026-01-15', '-19.99', 'USD', 'ADOBE  *ACROPRO SUBS SAN JOSE CA', '-41007', '320260150456'],
    ]);
  });

  it('amex without a currency set on the source: the header is refused, naming currency', async () => {
    await expect(
      read({ preset: 'amex', content: 'Date,Description,Amount\n01/02/2026,ADOBE,19.99\n' }),
    ).rejects.toMatchObject({
      details: [expect.objectContaining({ row: 1, field: 'currency' })],
    } satisfies Partial<ConnectorError>);
  });

  it('quickbooks: report columns, $ amounts and accounting negatives', async () => {
    const { lines, rejected } = await read(
      {
        preset: 'quickbooks',
        content:
          'Date,Transaction Type,Num,Name,Memo/Description,Account,Split,Amount\n' +
          '03/04/2026,Expense,1001,Atlassian,Jira Cloud,Software Subscriptions,Amex Card,"$1,234.50"\n' +
          '03/05/2026,Credit Card Credit,,Atlassian,Refund,Software Subscriptions,Amex Card,(12.00)\n',
      },
      { currency: 'USD' },
    );
    expect(rejected).toEqual([]);
    expect(lines.map((l) => [l.date, l.amount, l.vendor, l.description, l.account])).toEqual([
      ['2026-03-04', '1234.5', 'Atlassian', 'Jira Cloud', 'Software Subscriptions'],
      ['2026-03-05', '-12', 'Atlassian', 'Refund', 'Software Subscriptions'],
    ]);
  });

  it('netsuite: expense report lines with the report named', async () => {
    const { lines, rejected } = await read({
      preset: 'netsuite',
      content:
        'Internal ID,Document Number,Date,Employee,Vendor,Memo,Account,Currency,Amount\n' +
        '5521,EXP-104,3/9/2026,Ann Lee,Zoom Video,Pro annual,6120 Software,USD,149.90\n',
    });
    expect(rejected).toEqual([]);
    expect(lines.map((l) => [l.date, l.amount, l.vendor, l.reportId, l.account])).toEqual([
      ['2026-03-09', '149.9', 'Zoom Video', 'EXP-104', '6120 Software'],
    ]);
  });

  it('auto: recognises any preset’s headers; slashed dates need a date format', async () => {
    const content = 'Merchant Name,Transaction Date,Amount,Currency\nLOOM,2026-06-01,8,USD\n';
    const { lines } = await read({ preset: 'auto', content });
    expect(lines.map((l) => [l.vendor, l.date, l.amount])).toEqual([['LOOM', '2026-06-01', '8']]);
    const slashed = await read({
      preset: 'auto',
      content: 'Merchant,Date,Amount,Currency\nLOOM,06/01/2026,8,USD\n',
    });
    expect(slashed.rejected).toEqual([expect.objectContaining({ row: 2, field: 'Date' })]);
    const told = await read({
      preset: 'auto',
      dateFormat: 'DD/MM/YYYY',
      content: 'Merchant,Date,Amount,Currency\nLOOM,06/01/2026,8,USD\n',
    });
    expect(told.lines.map((l) => l.date)).toEqual(['2026-01-06']);
  });

  it('--map names a header for a column, over the preset', async () => {
    const { lines } = await read({
      preset: 'roster',
      mapping: { vendor: 'Payee', amount: 'Total' },
      content: 'date,Total,currency,Payee\n2026-01-01,3,USD,Canva\n',
    });
    expect(lines.map((l) => [l.vendor, l.amount])).toEqual([['Canva', '3']]);
  });
});

describe('dates and amounts of exports', () => {
  it('reads a slashed date in the preset’s documented order only', () => {
    expect(parseDateText('03/04/2026', 'MM/DD/YYYY')).toBe('2026-03-04');
    expect(parseDateText('03/04/2026', 'DD/MM/YYYY')).toBe('2026-04-03');
    expect(parseDateText('03/04/2026', 'YYYY-MM-DD')).toBeNull();
    expect(parseDateText('2026-03-04 12:00:00', 'MM/DD/YYYY')).toBe('2026-03-04');
    expect(parseDateText('3/4/26', 'MM/DD/YYYY')).toBeNull();
    expect(parseDateText('13/04/2026', 'MM/DD/YYYY')).toBeNull();
    expect(parseDateText('02/30/2026', 'MM/DD/YYYY')).toBeNull();
  });

  it('reads currency symbols, thousands separators and accounting negatives, and refuses malformed ones', () => {
    expect(parseAmountText('$1,234.50')).toBe('1234.50');
    expect(parseAmountText('(12.00)')).toBe('-12.00');
    expect(parseAmountText('-$5')).toBe('-5');
    expect(parseAmountText('€15')).toBe('15');
    expect(parseAmountText('1,23.4')).toBeNull();
    expect(parseAmountText('(12.00')).toBeNull();
    expect(parseAmountText('--3')).toBeNull();
    expect(parseAmountText('12,5')).toBeNull();
    expect(parseAmountText('')).toBeNull();
  });
});
