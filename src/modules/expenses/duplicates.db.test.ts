import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addExpenseSource, insertExpenseLines, lineStates } from '../../../test/support/expense-lines.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { deriveExpenseLines } from './derive.js';
import { importExpenses } from './import/expense-import.service.js';

describe.each(lanes)('Duplicate expense lines across sources on %s', (lane) => {
  let roster: TestRoster;
  let card: number;
  let reports: number;
  let ap: number;

  const derive = (sourceIds?: number[]) =>
    roster.database.db
      .transaction()
      .execute((trx) => deriveExpenseLines(trx, sourceIds ? { sourceIds } : {}));

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    card = await addExpenseSource(roster, 'Card');
    reports = await addExpenseSource(roster, 'Expense reports');
    ap = await addExpenseSource(roster, 'Accounts payable');
  });
  afterAll(() => roster?.close());

  it('pairs lines one to one across sources, counting the line of the source added first', async () => {
    const slack = { vendor: 'SLACK TECHNOLOGIES', amount: 80, date: '2026-02-01' };
    const cardLines = await insertExpenseLines(roster, [
      { source: card, ...slack },
      { source: card, ...slack },
      { source: card, ...slack },
    ]);
    const reportLines = await insertExpenseLines(roster, [
      { source: reports, ...slack },
      { source: reports, ...slack },
    ]);
    await derive([reports]);
    const byId = new Map((await lineStates(roster)).map((s) => [s.id, s]));
    expect(cardLines.map((id) => byId.get(id)?.status)).toEqual(['matched', 'matched', 'matched']);
    expect(reportLines.map((id) => byId.get(id)?.duplicateOf)).toEqual([cardLines[0], cardLines[1]]);
    expect(reportLines.map((id) => byId.get(id)?.status)).toEqual(['duplicate', 'duplicate']);
  });

  it('never marks identical lines of one source as duplicates of each other', async () => {
    const ids = await insertExpenseLines(roster, [
      { source: ap, vendor: 'FIGMA INC', amount: 45, date: '2026-03-03' },
      { source: ap, vendor: 'FIGMA INC', amount: 45, date: '2026-03-03' },
    ]);
    await derive([ap]);
    const states = (await lineStates(roster)).filter((s) => ids.includes(s.id));
    expect(states.map((s) => [s.status, s.duplicateOf])).toEqual([
      ['matched', null],
      ['matched', null],
    ]);
  });

  it("counts another source's line again when an import corrects the line it duplicated", async () => {
    const header = 'id,date,amount,currency,vendor,description,report_id,item_type,account,employee_email';
    const upload = (source: string, row: string) =>
      importExpenses(roster, 'test', { source, content: Buffer.from(`${header}\n${row}\n`) });
    await upload('Card feed', 'c-1,2026-05-06,61,USD,NOTION LABS INC,plan,,,,');
    await upload('Report feed', 'r-1,2026-05-06,61,USD,NOTION LABS INC,plan,,,,');
    // Lines are listed by id: the report's line is the last, the card's the one before.
    const reportLine = async () => (await lineStates(roster)).at(-1);
    const cardLine = (await lineStates(roster)).at(-2);
    expect((await reportLine())?.duplicateOf).toBe(cardLine?.id);
    // The card's next file corrects the line's amount: no card line has the report line's amount any more.
    const corrected = await upload('Card feed', 'c-1,2026-05-06,62,USD,NOTION LABS INC,plan,,,,');
    expect(corrected.error).toBeNull();
    const report = await reportLine();
    expect([report?.status, report?.duplicateOf]).toEqual(['matched', null]);
  });

  it('needs the same date, amount, currency and app, and lines that count', async () => {
    const base = { vendor: 'ZOOM.US 888-799-9666', amount: 15, date: '2026-04-04' };
    const [kept] = await insertExpenseLines(roster, [{ source: card, ...base }]);
    const others = await insertExpenseLines(roster, [
      { source: reports, ...base, amount: 16 },
      { source: reports, ...base, date: '2026-04-05' },
      { source: reports, ...base, currency: 'EUR' },
      { source: reports, ...base, vendor: 'FIGMA INC' },
      { source: reports, ...base, vendor: 'UNKNOWN SHOP' },
    ]);
    await derive();
    const byId = new Map((await lineStates(roster)).map((s) => [s.id, s]));
    expect(byId.get(kept as number)?.status).toBe('matched');
    expect(others.map((id) => byId.get(id)?.duplicateOf)).toEqual([null, null, null, null, null]);

    // An excluded card line no longer counts: the report's line is the purchase's counted line.
    const [report] = await insertExpenseLines(roster, [{ source: reports, ...base }]);
    await derive([reports]);
    expect((await lineStates(roster)).find((s) => s.id === report)?.duplicateOf).toBe(kept);
    // The account excluded as an admin excludes it (the flag as deriving the line's flags sets it).
    await roster.database.db
      .insertInto('expense_accounts')
      .values({ source_id: card, account: 'card-7', excluded_at: new Date(), excluded_by: 'test' })
      .execute();
    await sql`update expense_lines set account = 'card-7', excluded = true where id = ${kept}`.execute(
      roster.database.db,
    );
    await derive([card]);
    const after = (await lineStates(roster)).find((s) => s.id === report);
    expect(after).toMatchObject({ status: 'matched', duplicateOf: null });
  });
});
