import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../../../test/support/test-roster.js';
import { updateSettings } from '../../settings/settings.service.js';
import { importExchangeRates } from './exchange-rates.service.js';
import { listExpenseAccounts, setExpenseAccountExcluded } from './expense-accounts.service.js';
import { type ExpenseFileInput, importExpenses } from './expense-import.service.js';
import { linesOf, snapshotExpenses } from './expense-test-support.js';

const header = 'id,date,amount,currency,vendor,description,report_id,item_type,account,employee_email';

describe.each(lanes)('expense line flags on %s', (lane) => {
  let roster: TestRoster;
  beforeAll(async () => {
    roster = await openTestRoster(lane);
  });
  afterAll(async () => {
    await roster.close();
  });

  const importFile = (source: string, rows: string[], options: Partial<ExpenseFileInput> = {}) =>
    importExpenses(roster, 'test', {
      source,
      content: Buffer.from(`${header}\n${rows.join('\n')}\n`, 'utf8'),
      ...options,
    });
  const converted = async (sourceId: number) =>
    (await linesOf(roster, sourceId)).map((l) => [l.external_id, l.amount_converted]);

  it('converts with the latest rate on or before the line’s date, leaves lines without one unconverted', async () => {
    const result = await importFile('Rates card', [
      'usd,2026-01-10,10,USD,Slack,,,,,',
      'before,2026-01-01,100,EUR,Figma,,,,,',
      'first,2026-01-10,100,EUR,Figma,,,,,',
      'between,2026-01-20,100,EUR,Figma,,,,,',
      'second,2026-02-01,100,EUR,Figma,,,,,',
      'yen,2026-02-01,1000,JPY,Figma,,,,,',
    ]);
    expect(result.status).toBe('succeeded');
    expect(Object.fromEntries(await converted(result.source.id))).toEqual({
      usd: 10,
      before: null,
      first: null,
      between: null,
      second: null,
      yen: null,
    });
    const rates = await importExchangeRates(
      roster,
      'test',
      'date,currency,rate\n2026-01-10,EUR,1.1\n2026-02-01,EUR,1.2\n2026-01-01,JPY,0.006712345678\n',
    );
    expect(rates).toEqual({ rates: 3, added: 3, updated: 0 });
    expect(Object.fromEntries(await converted(result.source.id))).toEqual({
      usd: 10,
      before: null,
      first: 110,
      between: 110,
      second: 120,
      yen: 6.7123,
    });
    // A changed rate converts again.
    await importExchangeRates(roster, 'test', 'date,currency,rate\n2026-02-01,EUR,1.25\n');
    expect(Object.fromEntries(await converted(result.source.id)).second).toBe(125);
  });

  it('rejects a rates file with one bad row whole, naming row and field', async () => {
    const before = await snapshotExpenses(roster);
    await expect(
      importExchangeRates(
        roster,
        'test',
        'date,currency,rate\n2026-03-01,GBP,1.3\n2026-03-02,GBP,-1\n2026-13-01,XXQ,1\n',
      ),
    ).rejects.toMatchObject({
      details: expect.arrayContaining([
        expect.objectContaining({ row: 3, field: 'rate' }),
        expect.objectContaining({ row: 4, field: 'date' }),
        expect.objectContaining({ row: 4, field: 'currency' }),
      ]),
    });
    expect(await snapshotExpenses(roster)).toEqual(before);
  });

  it('converts every line again when the organisation’s currency changes', async () => {
    const result = await importFile('Currency card', [
      'eur,2026-05-05,50,EUR,Miro,,,,,',
      'usd,2026-05-05,20,USD,Loom,,,,,',
    ]);
    await importExchangeRates(roster, 'test', 'date,currency,rate\n2026-05-01,USD,0.9\n');
    expect(Object.fromEntries(await converted(result.source.id))).toMatchObject({ usd: 20 });
    await updateSettings(roster, 'test', { currency: 'eur' });
    expect(Object.fromEntries(await converted(result.source.id))).toEqual({ eur: 50, usd: 18 });
    await expect(updateSettings(roster, 'test', { currency: 'EUX' })).rejects.toMatchObject({
      details: [expect.objectContaining({ field: 'currency' })],
    });
    await updateSettings(roster, 'test', { currency: 'USD' });
  });

  it('excludes an account’s lines, audits it, and includes them again', async () => {
    const result = await importFile('Accounts card', [
      'a,2026-06-01,5,USD,Slack,,,,card-1,',
      'b,2026-06-02,6,USD,Zoom,,,,card-2,',
    ]);
    const excludedOf = async () =>
      Object.fromEntries((await linesOf(roster, result.source.id)).map((l) => [l.external_id, l.excluded]));
    expect(await excludedOf()).toEqual({ a: false, b: false });
    const view = await setExpenseAccountExcluded(roster, 'admin@acme.io', 'Accounts card', 'card-2', true);
    expect(view).toMatchObject({ account: 'card-2', lines: 1, excludedBy: 'admin@acme.io' });
    expect(await excludedOf()).toEqual({ a: false, b: true });
    const audit = await roster.database.db
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('action', 'like', 'expense_account.%')
      .execute();
    expect(audit).toEqual([{ actor: 'admin@acme.io', action: 'expense_account.exclude' }]);
    // A later import of the excluded card keeps its new lines excluded too.
    await importFile('Accounts card', ['c,2026-06-03,7,USD,Zoom,,,,card-2,']);
    expect(await excludedOf()).toEqual({ a: false, b: true, c: true });
    await setExpenseAccountExcluded(roster, 'admin@acme.io', 'Accounts card', 'card-2', false);
    expect(await excludedOf()).toEqual({ a: false, b: false, c: false });
    const listed = await listExpenseAccounts(roster, 'Accounts card');
    expect(listed.accounts.map((a) => [a.account, a.lines, a.excludedAt])).toEqual([
      ['card-1', 1, null],
      ['card-2', 2, null],
    ]);
    await expect(
      setExpenseAccountExcluded(roster, 'admin@acme.io', 'Accounts card', 'card-9', true),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  const reportRows = [
    'r1-main,2026-07-01,300,USD,Travel report,,R1,main,,',
    'r1-a,2026-07-01,100,USD,Slack,,R1,line,,',
    'r1-b,2026-07-01,200,USD,Zoom,,R1,line,,',
    'r2-main,2026-07-02,50,USD,Canva,,R2,main,,',
    'r3-line,2026-07-03,70,USD,Miro,,R3,line,,',
    'loose,2026-07-04,9,USD,Loom,,,main,,',
  ];
  const countedOf = async (sourceId: number) =>
    Object.fromEntries((await linesOf(roster, sourceId)).map((l) => [l.external_id, l.counted_item]));

  it('counts line items by default: a report’s main item only when it has no lines', async () => {
    const result = await importFile('Lines reports', reportRows);
    expect(await countedOf(result.source.id)).toEqual({
      'r1-main': false,
      'r1-a': true,
      'r1-b': true,
      'r2-main': true,
      'r3-line': true,
      loose: true,
    });
  });

  it('counts main items with --count-items main: a report’s lines only when it has no main item', async () => {
    const result = await importFile('Main reports', reportRows, { countItems: 'main' });
    expect(await countedOf(result.source.id)).toEqual({
      'r1-main': true,
      'r1-a': false,
      'r1-b': false,
      'r2-main': true,
      'r3-line': true,
      loose: true,
    });
    // Switching the mode with the same file again changes no line, only how they count.
    const again = await importFile('Main reports', reportRows, { countItems: 'lines' });
    expect(again.message).toMatch(/^Same file/);
    expect(await countedOf(result.source.id)).toMatchObject({ 'r1-main': false, 'r1-a': true });
  });
});
