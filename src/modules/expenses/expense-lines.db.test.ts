import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { insertExpenseLines, insertExpenseSource } from '../../../test/support/expense-figures-lines.js';
import { useTestServer } from '../../../test/support/http.js';
import { lanes } from '../../../test/support/test-roster.js';
import { forEachExpenseLine } from './expense-lines.repo.js';

describe.each(lanes)('expense lines on %s', (lane) => {
  const ctx = useTestServer(
    async ({ roster }) => {
      const card = await insertExpenseSource(roster, 'Card');
      await insertExpenseLines(roster, [
        {
          source: card,
          date: '2026-01-05',
          amount: 20,
          vendor: 'SQ *FIGMA',
          suggestions: [{ catalogId: 'figma', name: 'Figma', reason: 'name in descriptor' }],
        },
        { source: card, date: '2026-01-06', amount: 900, vendor: 'LINEAR ORBIT INC' },
        { source: card, date: '2026-01-07', amount: 300, vendor: '=HYPERLINK("http://x")' },
        {
          source: card,
          date: '2026-01-08',
          amount: 55,
          vendor: 'SLACK T0123',
          app: 'Slack',
          match: { kind: 'automatic', alias: 'slack' },
        },
        {
          source: card,
          date: '2026-01-09',
          amount: 65,
          vendor: 'SLACK T0123',
          app: 'Slack',
          match: { kind: 'automatic', alias: 'slack' },
        },
        { source: card, date: '2026-01-10', amount: 5, vendor: 'DRIBBBLE', manualApp: 'Dribbble' },
      ]);
    },
    { lane },
  );

  it('lists unmatched lines biggest first, a page at a time, with suggestions and the rule that would catch them', async () => {
    const { server } = ctx;
    const first = await server.app.inject({
      url: '/api/expenses/lines?status=unmatched&limit=2',
      headers: server.as('read-only'),
    });
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items.map((l: { amount: number }) => l.amount)).toEqual([900, 300]);
    expect(page1.items[0].suggestedRule).toEqual({
      action: 'match',
      app: null,
      field: 'vendor',
      op: 'equals',
      value: 'LINEAR ORBIT INC',
    });
    const second = await server.app.inject({
      url: `/api/expenses/lines?status=unmatched&limit=2&cursor=${page1.nextCursor}`,
      headers: server.as('read-only'),
    });
    const page2 = second.json();
    expect(page2.items).toEqual([
      expect.objectContaining({
        amount: 20,
        vendor: 'SQ *FIGMA',
        status: 'unmatched',
        suggestions: [{ catalogId: 'figma', name: 'Figma', reason: 'name in descriptor' }],
        suggestedRule: { action: 'match', app: 'Figma', field: 'vendor', op: 'equals', value: 'SQ *FIGMA' },
      }),
    ]);
    expect(page2.nextCursor).toBeNull();
  });

  it('filters by app, newest first, saying how each line was matched', async () => {
    const { server } = ctx;
    const slack = (
      await server.app.inject({ url: '/api/expenses/lines?app=slack', headers: server.as('read-only') })
    ).json();
    expect(
      slack.items.map((l: { date: string; matchedBy: string; alias: string }) => [
        l.date,
        l.matchedBy,
        l.alias,
      ]),
    ).toEqual([
      ['2026-01-09', 'automatic', 'slack'],
      ['2026-01-08', 'automatic', 'slack'],
    ]);
    const manual = (
      await server.app.inject({
        url: '/api/expenses/lines?status=matched&app=Dribbble',
        headers: server.as('read-only'),
      })
    ).json();
    expect(manual.items).toEqual([
      expect.objectContaining({ app: 'Dribbble', matchedBy: 'manual', ruleId: null, alias: null }),
    ]);
  });

  it('refuses an unknown status, naming the field', async () => {
    const response = await ctx.server.app.inject({
      url: '/api/expenses/lines?status=lost',
      headers: ctx.server.as('read-only'),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('status');
  });

  it('downloads every line as formula-safe CSV in keyset batches', async () => {
    const { server, roster } = ctx;
    const response = await server.app.inject({
      url: '/api/expenses/lines.csv?status=unmatched',
      headers: server.as('read-only'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('expenses-unmatched.csv');
    const rows = parse(response.body, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.vendor)).toEqual(['LINEAR ORBIT INC', `'=HYPERLINK("http://x")`, 'SQ *FIGMA']);
    // Batches smaller than the list still give every line once, in order.
    const seen: number[] = [];
    await forEachExpenseLine(
      roster,
      {},
      async (batch) => {
        seen.push(...batch.map((l) => l.id));
      },
      { batchSize: 2 },
    );
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });
});
