import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { lanes, openTestRoster, type TestRoster } from '../../../../test/support/test-roster.js';
import { type ExpenseFileInput, importExpenses } from './expense-import.service.js';
import { linesOf, snapshotExpenses } from './expense-test-support.js';

const header = 'id,date,amount,currency,vendor,description,report_id,item_type,account,employee_email';

describe.each(lanes)('expense file import on %s', (lane) => {
  let roster: TestRoster;
  beforeAll(async () => {
    roster = await openTestRoster(lane);
  });
  afterAll(async () => {
    await roster.close();
  });

  const importFile = (source: string, content: string | Buffer, options: Partial<ExpenseFileInput> = {}) =>
    importExpenses(roster, 'test', {
      source,
      content: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
      ...options,
    });

  it('imports Roster’s canonical columns, negative amounts (refunds) included', async () => {
    const result = await importFile(
      'Corporate card',
      `${header}\n` +
        'tx-1,2026-01-05,49.00,USD,SLACK T0123,Slack Pro,,,card-1111,ann@acme.io\n' +
        'tx-2,2026-01-06,-10.5,USD,ZOOM.US,Refund,,,card-1111,\n' +
        ',2026-01-07,1234.5678,EUR,Figma,,R-1,main,card-2222,\n',
    );
    expect(result.status).toBe('succeeded');
    expect(result.counters.added).toBe(3);
    const lines = await linesOf(roster, result.source.id);
    expect(
      lines.map((l) => [l.external_id.startsWith('h:') ? 'derived' : l.external_id, l.date, l.amount]),
    ).toEqual([
      ['tx-1', '2026-01-05', 49],
      ['tx-2', '2026-01-06', -10.5],
      ['derived', '2026-01-07', 1234.5678],
    ]);
    expect(lines[2]).toMatchObject({
      currency: 'EUR',
      report_id: 'R-1',
      item_type: 'main',
      account: 'card-2222',
    });
    expect(lines[0]).toMatchObject({
      vendor: 'SLACK T0123',
      description: 'Slack Pro',
      employee_email: 'ann@acme.io',
    });
    const accounts = await roster.database.db
      .selectFrom('expense_accounts')
      .select('account')
      .where('source_id', '=', result.source.id)
      .orderBy('account')
      .execute();
    expect(accounts.map((a) => a.account)).toEqual(['card-1111', 'card-2222']);
  });

  it('rejects a file with one bad row whole, naming the row and the header, and applies nothing', async () => {
    await importFile('Rejecting card', `${header}\nok-1,2026-02-01,5,USD,Slack,,,,,\n`);
    const before = await snapshotExpenses(roster);
    const result = await importFile(
      'Rejecting card',
      `${header}\nok-2,2026-02-02,5,USD,Slack,,,,,\nbad,2026-02-30,5,USD,Zoom,,,,,\nbad-2,2026-02-03,5,DOLLARS,Zoom,,,,,\n`,
    );
    expect(result.status).toBe('failed');
    expect(result.error?.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, field: 'date' }),
        expect.objectContaining({ row: 4, field: 'currency' }),
      ]),
    );
    expect(await snapshotExpenses(roster)).toEqual(before);
  });

  it('rejects an export that gives two lines the same id, naming both rows', async () => {
    const result = await importFile(
      'Duplicate ids card',
      `${header}\ntx-9,2026-02-01,5,USD,Slack,,,,,\ntx-9,2026-02-02,6,USD,Zoom,,,,,\n`,
    );
    expect(result.status).toBe('failed');
    expect(result.error?.message).toBe(
      'The data lists the same expense line id more than once; nothing was applied',
    );
    expect(result.error?.details).toEqual([
      expect.objectContaining({ row: 3, field: 'id', message: expect.stringContaining('rows 2, 3') }),
    ]);
  });

  it('recognises the same file uploaded again: succeeds, says so, and writes nothing', async () => {
    const file = `${header}\n,2026-03-01,20,USD,Notion,,,,card-1,\n,2026-03-02,30,USD,Linear,,,,card-1,\n`;
    const first = await importFile('Repeat card', file);
    expect(first.counters.added).toBe(2);
    const before = await snapshotExpenses(roster);
    const again = await importFile('Repeat card', file);
    expect(again.status).toBe('succeeded');
    expect(again.message).toMatch(/^Same file as the import of \d{4}-\d{2}-\d{2}; nothing changed$/);
    expect(await snapshotExpenses(roster)).toEqual(before);
  });

  it('reads the same bytes with another preset or mapping as another import, not the same file', async () => {
    // Read with the roster preset, "amount" is the amount; mapped to "net", the same bytes give other lines.
    const file = 'id,date,amount,net,currency,vendor\ntx-1,2026-03-01,20,18,USD,Notion\n';
    const first = await importFile('Remapped card', file);
    expect(first.counters.added).toBe(1);
    const remapped = await importFile('Remapped card', file, { mapping: { amount: 'net' } });
    expect(remapped.status).toBe('succeeded');
    expect(remapped.message).toBe('0 line(s) added, 1 corrected, 0 already imported');
    expect((await linesOf(roster, first.source.id)).map((l) => l.amount)).toEqual([18]);
    const otherDates = await importFile('Remapped card', file, {
      mapping: { amount: 'net' },
      dateFormat: 'MM/DD/YYYY',
    });
    expect(otherDates.message).toBe('0 line(s) added, 0 corrected, 1 already imported');
    const again = await importFile('Remapped card', file, { mapping: { amount: 'net' } });
    expect(again.message).toMatch(/^Same file as the import of/);
  });

  it('keeps an import’s currency and count mode only when the file is applied', async () => {
    const noCurrency = 'date,amount,vendor\n';
    const first = await importFile('Settings card', `${noCurrency}2026-03-01,20,Notion\n`, {
      currency: 'USD',
    });
    expect(first.status).toBe('succeeded');
    const configOf = async () =>
      (
        await roster.database.db
          .selectFrom('sources')
          .select('config')
          .where('id', '=', first.source.id)
          .executeTakeFirstOrThrow()
      ).config;
    const auditsOf = async () =>
      (
        await roster.database.db
          .selectFrom('audit_log')
          .select('id')
          .where('action', '=', 'source.configure')
          .where('target_id', '=', String(first.source.id))
          .execute()
      ).length;
    expect(await configOf()).toMatchObject({ currency: 'USD', countItems: 'lines' });
    const configBefore = await configOf();
    const audits = await auditsOf();

    const rejected = await importFile('Settings card', `${noCurrency}2026-02-30,20,Notion\n`, {
      currency: 'EUR',
      countItems: 'main',
    });
    expect(rejected.status).toBe('failed');
    expect(rejected.error?.details).toEqual([expect.objectContaining({ row: 2, field: 'date' })]);
    expect(await configOf()).toEqual(configBefore);
    expect(await auditsOf()).toBe(audits);

    const applied = await importFile('Settings card', `${noCurrency}2026-03-02,30,Linear\n`, {
      currency: 'EUR',
      countItems: 'main',
    });
    expect(applied.status).toBe('succeeded');
    expect(await configOf()).toMatchObject({ currency: 'EUR', countItems: 'main' });
    expect((await linesOf(roster, first.source.id)).map((l) => l.currency)).toEqual(['USD', 'EUR']);
  });

  it('adds only the new lines of an overlapping export, writing none of the old ones again', async () => {
    const january = `${header}\n,2026-01-10,20,USD,Notion,,,,,\n,2026-01-20,30,USD,Linear,,,,,\n`;
    const first = await importFile('Overlap card', january);
    const before = await linesOf(roster, first.source.id);
    const overlapping = `${header}\n,2026-01-20,30.00,USD,Linear,,,,,\n,2026-02-01,40,USD,Figma,,,,,\n`;
    const second = await importFile('Overlap card', overlapping);
    expect(second.counters).toMatchObject({ added: 1, updated: 0, unchanged: 1 });
    const after = await linesOf(roster, first.source.id);
    expect(after.map((l) => l.vendor)).toEqual(['Notion', 'Linear', 'Figma']);
    expect(after.slice(0, 2)).toEqual(before);
  });

  it('keeps identical lines of one file as separate purchases', async () => {
    const result = await importFile(
      'Twice card',
      `${header}\n,2026-04-01,15,USD,Zoom,,,,,\n,2026-04-01,15,USD,Zoom,,,,,\n`,
    );
    expect(result.counters.added).toBe(2);
    const lines = await linesOf(roster, result.source.id);
    expect(new Set(lines.map((l) => l.external_id)).size).toBe(2);
  });

  it('reads an XLSX workbook, with typed date and number cells', async () => {
    const xlsx = await writeXlsxFile([
      ['date', 'amount', 'currency', 'vendor'].map((value) => ({ value })),
      [
        { value: new Date(Date.UTC(2026, 4, 17)), format: 'mm/dd/yyyy' },
        { value: 1234.5 },
        { value: 'USD' },
        { value: 'Atlassian' },
      ],
      [{ value: '2026-05-18' }, { value: '$99.00' }, { value: 'USD' }, { value: 'Miro' }],
    ]).toBuffer();
    const result = await importFile('Workbook card', xlsx, { fileName: 'may.xlsx' });
    expect(result.status).toBe('succeeded');
    const lines = await linesOf(roster, result.source.id);
    expect(lines.map((l) => [l.date, l.amount, l.vendor])).toEqual([
      ['2026-05-17', 1234.5, 'Atlassian'],
      ['2026-05-18', 99, 'Miro'],
    ]);
    const imported = await roster.database.db
      .selectFrom('expense_imports')
      .select(['file_name', 'lines', 'first_date', 'last_date'])
      .where('source_id', '=', result.source.id)
      .executeTakeFirstOrThrow();
    expect({
      ...imported,
      first_date: String(imported.first_date),
      last_date: String(imported.last_date),
    }).toEqual({
      file_name: 'may.xlsx',
      lines: 2,
      first_date: '2026-05-17',
      last_date: '2026-05-18',
    });
  });
});
