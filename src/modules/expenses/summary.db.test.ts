import { describe, expect, it } from 'vitest';
import {
  appIdNamed,
  insertExpenseLines,
  insertExpenseSource,
} from '../../../test/support/expense-figures-lines.js';
import { useTestServer } from '../../../test/support/http.js';
import { account, syncRecords } from '../../../test/support/records.js';
import { lanes } from '../../../test/support/test-roster.js';
import { deriveExpenseLines } from './derive.js';
import { loadAppSpend, loadExpenseSummary } from './summary.service.js';

describe.each(lanes)('expenses summary on %s', (lane) => {
  const ctx = useTestServer(
    async ({ roster }) => {
      await roster.database.db.updateTable('organisation_settings').set({ currency: 'EUR' }).execute();
      const card = await insertExpenseSource(roster, 'Amex card');
      const reports = await insertExpenseSource(roster, 'Expensify', { countItems: 'main' });
      const [counted] = await insertExpenseLines(roster, [
        { source: card, date: '2026-01-10', amount: 300, vendor: 'SLACK T0123', app: 'Slack' },
      ]);
      await insertExpenseLines(roster, [
        { source: card, date: '2026-02-10', amount: 100, vendor: 'NOTION LABS', app: 'Notion' },
        { source: card, date: '2026-03-10', amount: 50, vendor: 'CORNER CAFE' },
        // Beside the total, never in it.
        {
          source: card,
          date: '2026-03-11',
          amount: 40,
          vendor: 'AMAZON MKTPLACE',
          ignored: true,
          ignoreRuleId: 1,
        },
        {
          source: card,
          date: '2026-03-12',
          amount: 70,
          vendor: 'SLACK T0123',
          app: 'Slack',
          excluded: true,
          account: 'personal',
        },
        {
          source: reports,
          date: '2026-01-10',
          amount: 300,
          vendor: 'Slack',
          app: 'Slack',
          duplicateOf: counted,
        },
        {
          source: reports,
          date: '2026-02-01',
          amount: 25,
          vendor: 'Notion',
          app: 'Notion',
          reportId: 'R1',
          countedItem: false,
        },
        // No rate converts it: counted in no total, only as a line.
        {
          source: card,
          date: '2026-03-20',
          amount: 999,
          currency: 'JPY',
          converted: null,
          vendor: 'SLACK T0123',
          app: 'Slack',
        },
      ]);
    },
    { lane },
  );

  it('totals matched and unmatched lines, reports the others beside, and the matching rate', async () => {
    const summary = await loadExpenseSummary(ctx.roster);
    expect(summary).toMatchObject({
      currency: 'EUR',
      total: 450,
      matched: 400,
      unmatched: 50,
      ignored: 40,
      excluded: 70,
      duplicates: 300,
      itemised: 25,
      unconverted: 1,
      lines: { matched: 3, unmatched: 1, ignored: 1, excluded: 1, duplicates: 1, itemised: 1 },
      countItems: [
        expect.objectContaining({ source: 'Amex card', countItems: 'lines' }),
        expect.objectContaining({ source: 'Expensify', countItems: 'main' }),
      ],
      coveredPeriod: { from: '2026-01-10', to: '2026-03-10', days: 60 },
      // 3 of 4 lines; 400 of 450.
      matchRate: { byCount: 0.75, byAmount: 0.8889 },
    });
    expect(summary.apps.map((a) => [a.app, a.total, a.lines])).toEqual([
      ['Slack', 300, 2],
      ['Notion', 100, 1],
    ]);
  });

  it('extrapolates a period shorter than a year and says so', async () => {
    const summary = await loadExpenseSummary(ctx.roster);
    expect(summary.annualisedFrom).toBe('extrapolated');
    // 450 over 60 days, scaled to 365.
    expect(summary.annualised).toBe(2737.5);
    expect(summary.annualisedWording).toContain('only 60 days');
    expect(summary.apps.find((a) => a.app === 'Slack')).toMatchObject({
      annualised: 1825,
      annualisedFrom: 'extrapolated',
    });
  });

  it('reads one app month by month with the license cost beside', async () => {
    const { roster } = ctx;
    const source = await roster.database.db
      .insertInto('sources')
      .values({ kind: 'scripted', name: 'Slack admin', config: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await syncRecords(roster, source.id, [
      { type: 'license_type', app: 'Slack', name: 'Pro', purchased: 5, pricePerUserCents: 875 },
      account('ann@acme.io', 'Slack', { licenseTypes: ['Pro'] }),
    ]);
    const slack = await loadAppSpend(roster, await appIdNamed(roster, 'Slack'));
    expect(slack).toMatchObject({ app: 'Slack', total: 300, lines: 2, licenseCost: 105, currency: 'EUR' });
    expect(slack.months).toEqual([
      { month: '2026-01', amount: 300, lines: 1 },
      { month: '2026-03', amount: 0, lines: 1 },
    ]);
    const summary = await loadExpenseSummary(roster);
    expect(summary.apps.find((a) => a.app === 'Slack')?.licenseCost).toBe(105);
    expect(summary.apps.find((a) => a.app === 'Notion')?.licenseCost).toBeNull();
  });
});

describe.each(lanes)('annualised spend over a year of lines on %s', (lane) => {
  const ctx = useTestServer(
    async ({ roster }) => {
      const card = await insertExpenseSource(roster, 'Card');
      await insertExpenseLines(roster, [
        { source: card, date: '2024-06-15', amount: 1000, vendor: 'ZOOM.US', app: 'Zoom' },
        { source: card, date: '2025-04-01', amount: 120, vendor: 'ZOOM.US', app: 'Zoom' },
        { source: card, date: '2026-03-31', amount: 100, vendor: 'ZOOM.US', app: 'Zoom' },
      ]);
    },
    { lane },
  );

  it('takes the trailing 12 calendar months once the lines cover a year', async () => {
    const summary = await loadExpenseSummary(ctx.roster);
    // April 2025 to March 2026: the June 2024 line is outside.
    expect(summary.apps).toEqual([
      expect.objectContaining({
        app: 'Zoom',
        total: 1220,
        annualised: 220,
        annualisedFrom: 'trailing-12-months',
      }),
    ]);
    expect(summary).toMatchObject({ annualised: 220, annualisedFrom: 'trailing-12-months' });
  });
});

describe.each(lanes)('figures after a derivation on %s', (lane) => {
  const ctx = useTestServer(undefined, { lane });

  it('are rewritten at the end of deriveExpenseLines, in its transaction', async () => {
    const { roster } = ctx;
    const card = await insertExpenseSource(roster, 'Card');
    await insertExpenseLines(roster, [
      { source: card, date: '2026-05-01', amount: 10, vendor: 'HARDWARE STORE 0042' },
    ]);
    // A line written by an import step, before the derivation runs.
    const line = await roster.database.db
      .selectFrom('expense_lines')
      .select(['descriptor_id', 'first_import_id'])
      .executeTakeFirstOrThrow();
    await roster.database.db
      .insertInto('expense_lines')
      .values({
        source_id: card,
        external_id: 'second',
        first_import_id: line.first_import_id,
        date: '2026-05-02',
        amount: 15,
        currency: 'USD',
        descriptor_id: line.descriptor_id,
        item_type: 'line',
        amount_converted: 15,
        app_id: null,
      })
      .execute();
    expect((await loadExpenseSummary(roster)).unmatched).toBe(10);
    await roster.database.db.transaction().execute((trx) => deriveExpenseLines(trx));
    expect((await loadExpenseSummary(roster)).unmatched).toBe(25);
  });
});
