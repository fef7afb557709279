import { describe, expect, it } from 'vitest';
import {
  insertExpenseLines,
  insertExpenseRule,
  insertExpenseSource,
} from '../../../test/support/expense-figures-lines.js';
import { useTestServer } from '../../../test/support/http.js';
import { lanes } from '../../../test/support/test-roster.js';
import { explain } from './explain.service.js';

const codes = (causes: { code: string }[]) => causes.map((c) => c.code);

describe.each(lanes)('explain expenses-total on %s: "why is the total too high?"', (lane) => {
  const ctx = useTestServer(
    async ({ roster }) => {
      const card = await insertExpenseSource(roster, 'Amex');
      const reports = await insertExpenseSource(roster, 'Expensify');
      const [cardSlack] = await insertExpenseLines(roster, [
        {
          source: card,
          date: '2026-01-10',
          amount: 800,
          vendor: 'SLACK T0123',
          app: 'Slack',
          account: 'corporate-1001',
        },
      ]);
      await insertExpenseLines(roster, [
        // A personal card nobody excluded: counted.
        { source: card, date: '2026-01-12', amount: 2500, vendor: 'DELTA AIR', account: 'personal-4242' },
        // An account the admin excluded.
        {
          source: card,
          date: '2026-01-13',
          amount: 90,
          vendor: 'ZOOM.US',
          app: 'Zoom',
          account: 'test-card',
          excluded: true,
        },
        // A report with a main item and two line items: only the lines count (the default).
        {
          source: reports,
          date: '2026-01-20',
          amount: 150,
          vendor: 'Figma',
          app: 'Figma',
          reportId: 'R-7',
          itemType: 'main',
          countedItem: false,
        },
        { source: reports, date: '2026-01-20', amount: 100, vendor: 'Figma', app: 'Figma', reportId: 'R-7' },
        { source: reports, date: '2026-01-20', amount: 50, vendor: 'Figma', app: 'Figma', reportId: 'R-7' },
        // The card's Slack charge again, in the expense report.
        {
          source: reports,
          date: '2026-01-10',
          amount: 800,
          vendor: 'Slack',
          app: 'Slack',
          duplicateOf: cardSlack,
        },
      ]);
    },
    { lane },
  );

  it('names the accounts counted and excluded, the item kind counted and the duplicates removed', async () => {
    const explanation = await explain(ctx.roster, 'expenses-total');
    expect(explanation.figure).toMatchObject({ total: 3450, excluded: 90, itemised: 150, duplicates: 800 });
    const text = (code: string) => explanation.causes.filter((c) => c.code === code).map((c) => c.text);
    expect(text('accounts_included')).toEqual([
      expect.stringMatching(
        /^Amex counts 2 accounts: corporate-1001 \(1 lines, \$800\.00\), personal-4242 \(1 lines, \$2,500\.00\)/,
      ),
      expect.stringContaining('Expensify counts 1 account'),
    ]);
    expect(text('account_excluded')).toEqual([
      expect.stringContaining('Amex account test-card is excluded by admin@acme.io: its 1 lines ($90.00)'),
    ]);
    expect(text('count_items')).toContain(
      "Expensify counts line items: a report's main item counts only when it has no line items (1 main items of 1 reports, $150.00, not counted).",
    );
    expect(explanation.causes.find((c) => c.code === 'duplicates_removed')).toMatchObject({
      count: 1,
      text: expect.stringContaining('1 lines of Expensify ($800.00) are the same purchases as lines of Amex'),
    });
    expect(explanation.toImprove).toContainEqual(
      expect.stringContaining('roster expenses accounts <source> --exclude <account>'),
    );
  });
});

describe.each(lanes)('explain expenses-total on %s: "why is the total too low?"', (lane) => {
  const ctx = useTestServer(
    async ({ roster }) => {
      await roster.database.db.updateTable('organisation_settings').set({ currency: 'EUR' }).execute();
      const card = await insertExpenseSource(roster, 'Brex');
      const ap = await insertExpenseSource(roster, 'NetSuite AP');
      await insertExpenseLines(roster, [
        { source: card, date: '2026-06-30', amount: 100, vendor: 'GITHUB', app: 'GitHub' },
        { source: card, date: '2026-06-01', amount: 700, vendor: 'PAYPAL *ATLSN 4029357733' },
        { source: card, date: '2026-06-02', amount: 200, vendor: 'SQ *HUBSPT' },
        {
          source: card,
          date: '2026-06-03',
          amount: 5000,
          currency: 'GBP',
          converted: null,
          vendor: 'MIRO',
          app: 'Miro',
        },
        // The accounts-payable export stops in February.
        { source: ap, date: '2026-01-15', amount: 300, vendor: 'Salesforce', app: 'Salesforce' },
        { source: ap, date: '2026-02-15', amount: 300, vendor: 'Salesforce', app: 'Salesforce' },
      ]);
    },
    { lane },
  );

  it('gives the matching rate, the biggest unmatched descriptors, unconverted lines and a source that stopped', async () => {
    const explanation = await explain(ctx.roster, 'expenses-total');
    expect(explanation.figure).toMatchObject({ total: 1600, matched: 700, unmatched: 900, unconverted: 1 });
    const byCode = (code: string) => explanation.causes.find((c) => c.code === code);
    expect(byCode('match_rate')?.text).toBe(
      '43.8% of the amount (66.7% of 6 lines) is matched to an app; €900.00 in 2 lines is on no app.',
    );
    expect(byCode('unmatched_biggest')?.text).toContain(
      'PAYPAL *ATLSN 4029357733 (1 lines, €700.00); SQ *HUBSPT (1 lines, €200.00)',
    );
    expect(byCode('unconverted')).toMatchObject({
      count: 1,
      text: expect.stringContaining('1 lines in GBP (5000 GBP) have no exchange rate to EUR'),
    });
    expect(byCode('source_behind')).toMatchObject({
      count: 135,
      text: expect.stringContaining("NetSuite AP's lines end 135 days before the newest line (2026-06-30)"),
    });
    expect(explanation.causes.filter((c) => c.code === 'source_period').map((c) => c.text)).toEqual([
      'Brex covers 2026-06-01 to 2026-06-30 (4 lines).',
      'NetSuite AP covers 2026-01-15 to 2026-02-15 (2 lines).',
    ]);
    expect(explanation.toImprove).toContainEqual(expect.stringContaining('Import GBP rates'));
  });
});

describe.each(lanes)(
  'explain expenses-app on %s: "an app with 25,000 dollars in expenses shows none"',
  (lane) => {
    const ctx = useTestServer(
      async ({ roster }) => {
        const card = await insertExpenseSource(roster, 'Amex');
        const rule = await insertExpenseRule(roster, {
          action: 'match',
          app: 'Zoom',
          field: 'vendor',
          op: 'contains',
          value: 'ZOOM.US',
        });
        const ignore = await insertExpenseRule(roster, {
          action: 'ignore',
          field: 'vendor',
          op: 'contains',
          value: 'AMZN',
        });
        await insertExpenseLines(roster, [
          { source: card, date: '2026-03-01', amount: 12_000, vendor: 'DATADOG INC NEW YORK NY' },
          { source: card, date: '2026-04-01', amount: 13_000, vendor: 'DATADOG INC NEW YORK NY' },
          {
            source: card,
            date: '2026-04-02',
            amount: 40,
            vendor: 'ZOOM.US 888-799-9666',
            app: 'Zoom',
            match: { kind: 'rule', ruleId: rule },
          },
          {
            source: card,
            date: '2026-04-03',
            amount: 60,
            vendor: 'AMZN Mktp Datadog agent',
            ignored: true,
            ignoreRuleId: ignore,
          },
        ]);
        await roster.database.db.insertInto('apps').values({ name: 'Datadog' }).execute();
      },
      { lane },
    );

    it('shows the unmatched lines that name the app and the rule that would catch them', async () => {
      const explanation = await explain(ctx.roster, 'expenses-app', 'datadog');
      expect(explanation.figure).toMatchObject({ total: 0, lines: 0 });
      expect(explanation.causes.find((c) => c.code === 'unmatched_naming_app')).toEqual({
        code: 'unmatched_naming_app',
        count: 2,
        text: '2 unmatched lines "DATADOG INC NEW YORK NY" ($25,000.00) name Datadog; a Match rule vendor equals "DATADOG INC NEW YORK NY" would put them on it.',
      });
      expect(explanation.causes.find((c) => c.code === 'ignored_naming_app')?.text).toContain(
        'but Ignore rule #',
      );
      expect(explanation.toImprove[0]).toBe(
        "roster expenses rules add --action match --app 'Datadog' --field vendor --op equals --value 'DATADOG INC NEW YORK NY'",
      );
    });

    it('names the rule that matched an app that shows spend', async () => {
      const explanation = await explain(ctx.roster, 'expenses-app', 'Zoom');
      expect(explanation.figure).toMatchObject({ total: 40, lines: 1 });
      expect(codes(explanation.causes)).toEqual(['matched_rule']);
      expect(explanation.causes[0]?.text).toMatch(
        /^Match rule #\d+ \(vendor contains "ZOOM\.US", priority 100\) matched 1 lines \(\$40\.00\)\.$/,
      );
    });

    it('is answered over HTTP, organisation-wide for the total', async () => {
      const { server } = ctx;
      const total = await server.app.inject({
        url: '/api/explain/expenses-total',
        headers: server.as('read-only'),
      });
      expect(total.statusCode).toBe(200);
      expect(total.json().figure.unmatched).toBe(25_000);
      const owner = await server.app.inject({
        url: '/api/explain/expenses-total',
        headers: server.as('app-owner'),
      });
      expect(owner.statusCode).toBe(403);
    });
  },
);
