import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer } from '../../../../test/support/http.js';
import { lanes, openTestRoster, type TestRoster } from '../../../../test/support/test-roster.js';
import { addSource, syncSource } from '../../sources/sources.service.js';
import { importExpenses } from './expense-import.service.js';
import { linesOf, snapshotExpenses } from './expense-test-support.js';

/** A finance system's endpoint answering pages of lines, and the bearer tokens it was sent. */
async function financeEndpoint(pages: Record<string, unknown>) {
  const tokens: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    tokens.push(String(req.headers.authorization));
    const body = pages[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: 'no such page' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tokens,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe.each(lanes)('expense feeds on %s', (lane) => {
  let roster: TestRoster;
  let server: Awaited<ReturnType<typeof testServer>>;
  beforeAll(async () => {
    roster = await openTestRoster(lane, { ROSTER_OUTBOUND_ALLOW: '127.0.0.1' });
    server = await testServer(roster);
  });
  afterAll(async () => {
    await server.app.close();
    await roster.close();
  });

  it('pulls lines page by page from an expense-json-url endpoint, with its token; a second pull adds nothing', async () => {
    const endpoint = await financeEndpoint({
      '/lines': {
        lines: [
          {
            id: 'p-1',
            date: '2026-01-03',
            amount: 12.5,
            currency: 'USD',
            vendor: 'Slack',
            account: 'card-1',
          },
          {
            date: '2026-01-04',
            amount: '40',
            currency: 'USD',
            vendor: 'Zoom',
            report_id: 7,
            item_type: 'main',
          },
        ],
        next: '/lines?page=2',
      },
      '/lines?page=2': {
        lines: [{ id: 'p-3', date: '2026-01-05', amount: '-3', vendor: 'Slack', description: 'refund' }],
        next: null,
      },
    });
    try {
      const source = await addSource(roster, 'test', {
        kind: 'expense-json-url',
        name: 'Finance feed',
        config: { url: `${endpoint.url}/lines`, currency: 'EUR' },
        credentials: { token: 'finance-token' },
        schedule: null,
      });
      const first = await syncSource(roster, 'test', 'Finance feed');
      expect(first.status).toBe('succeeded');
      expect(first.counters.added).toBe(3);
      expect(new Set(endpoint.tokens)).toEqual(new Set(['Bearer finance-token']));
      const lines = await linesOf(roster, source.id);
      expect(lines.map((l) => [l.vendor, l.amount, l.currency, l.report_id, l.item_type])).toEqual([
        ['Slack', 12.5, 'USD', null, 'line'],
        ['Zoom', 40, 'USD', '7', 'main'],
        ['Slack', -3, 'EUR', null, 'line'],
      ]);
      const before = await snapshotExpenses(roster);
      const second = await syncSource(roster, 'test', 'Finance feed');
      expect(second.counters).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
      const after = await snapshotExpenses(roster);
      // No line or descriptor is written again; the pull records its import and when it saw the card.
      expect(after.expense_lines).toEqual(before.expense_lines);
      expect(after.expense_descriptors).toEqual(before.expense_descriptors);
      expect(after.expense_imports).toHaveLength((before.expense_imports?.length ?? 0) + 1);
      const seen = (rows: unknown[] = []) =>
        rows.map((r) => (r as { account: string; first_seen_at: string }).first_seen_at);
      expect(seen(after.expense_accounts)).toEqual(seen(before.expense_accounts));
    } finally {
      await endpoint.close();
    }
  });

  it('refuses a next link to another host, before sending the token there', async () => {
    const endpoint = await financeEndpoint({
      '/lines': { lines: [], next: 'https://elsewhere.example.com/lines' },
    });
    try {
      await addSource(roster, 'test', {
        kind: 'expense-json-url',
        name: 'Leaky feed',
        config: { url: `${endpoint.url}/lines` },
        credentials: { token: 'finance-token' },
        schedule: null,
      });
      const result = await syncSource(roster, 'test', 'Leaky feed');
      expect(result.status).toBe('failed');
      expect(result.error?.message).toMatch(/another host/);
    } finally {
      await endpoint.close();
    }
  });

  it('takes lines pushed to POST /api/expenses/lines; a bad line rejects the batch, naming it', async () => {
    const push = (payload: unknown) =>
      server.app.inject({
        method: 'POST',
        url: '/api/expenses/lines?source=ERP%20push',
        headers: server.as('editor'),
        payload: payload as object,
      });
    const ok = await push({
      lines: [
        {
          id: 'erp-1',
          date: '2026-02-01',
          amount: '99.90',
          currency: 'USD',
          vendor: 'Atlassian',
          employee_email: 'Ann@Acme.io',
        },
      ],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'succeeded',
      counters: { added: 1 },
      source: { name: 'ERP push' },
    });
    const before = await snapshotExpenses(roster);
    const bad = await push({
      lines: [
        { id: 'erp-2', date: '2026-02-02', amount: '5', currency: 'USD', vendor: 'Miro' },
        { id: 'erp-3', date: '2026-02-03', amount: 'lots', currency: 'USD', vendor: 'Miro' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ path: 'lines[1].amount' })]);
    expect(await snapshotExpenses(roster)).toEqual(before);
    const readOnly = await server.app.inject({
      method: 'POST',
      url: '/api/expenses/lines?source=ERP%20push',
      headers: server.as('read-only'),
      payload: { lines: [] },
    });
    expect(readOnly.statusCode).toBe(403);
  });

  it('imports a file through POST /api/imports/expenses and lists, then excludes, its accounts', async () => {
    const file = 'Date,Description,Amount,Account #\n01/02/2026,ADOBE SYSTEMS,19.99,-41007\n';
    const imported = await server.app.inject({
      method: 'POST',
      url: '/api/imports/expenses?source=Amex&preset=amex&currency=USD&fileName=jan.csv',
      headers: { ...server.as('editor'), 'content-type': 'text/csv' },
      payload: file,
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ status: 'succeeded', counters: { added: 1 } });
    const again = await server.app.inject({
      method: 'POST',
      url: '/api/imports/expenses?source=Amex&preset=amex',
      headers: { ...server.as('editor'), 'content-type': 'text/csv' },
      payload: file,
    });
    expect(again.json().message).toMatch(/^Same file as the import of \d{4}-\d{2}-\d{2}; nothing changed$/);
    const accounts = await server.app.inject({
      url: '/api/expenses/sources/Amex/accounts',
      headers: server.as('read-only'),
    });
    expect(accounts.json().accounts).toEqual([
      expect.objectContaining({ account: '-41007', lines: 1, excludedAt: null }),
    ]);
    const byEditor = await server.app.inject({
      method: 'POST',
      url: '/api/expenses/sources/Amex/accounts/exclude',
      headers: server.as('editor'),
      payload: { account: '-41007' },
    });
    expect(byEditor.statusCode).toBe(403);
    const excluded = await server.app.inject({
      method: 'POST',
      url: '/api/expenses/sources/Amex/accounts/exclude',
      headers: server.as('admin'),
      payload: { account: '-41007' },
    });
    expect(excluded.statusCode).toBe(200);
    expect(excluded.json().excludedAt).not.toBeNull();
    const rates = await server.app.inject({
      method: 'POST',
      url: '/api/expenses/rates',
      headers: { ...server.as('admin'), 'content-type': 'text/csv' },
      payload: 'date,currency,rate\n2026-01-01,EUR,1.08\n',
    });
    expect(rates.json()).toEqual({ rates: 1, added: 1, updated: 0 });
    const currency = await server.app.inject({
      method: 'PATCH',
      url: '/api/settings',
      headers: server.as('admin'),
      payload: { currency: 'XYZ' },
    });
    expect(currency.statusCode).toBe(400);
    expect(currency.json().error.details).toEqual([expect.objectContaining({ field: 'currency' })]);
  });

  it('derives the same set of line ids from any order of a file’s rows (identical rows stay distinct)', async () => {
    const row = fc.record({
      day: fc.integer({ min: 1, max: 3 }),
      amount: fc.constantFrom('10', '10.00', '25.5', '-4'),
      vendor: fc.constantFrom('Slack', 'Zoom'),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(row, { minLength: 1, maxLength: 8 })
          .chain((rows) =>
            fc.tuple(
              fc.constant(rows),
              fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
            ),
          ),
        async ([rows, shuffled]) => {
          run += 1;
          const csv = (list: typeof rows) =>
            Buffer.from(
              `date,amount,currency,vendor\n${list.map((r) => `2026-03-0${r.day},${r.amount},USD,${r.vendor}`).join('\n')}\n`,
            );
          const ids = async (source: string, list: typeof rows) => {
            const result = await importExpenses(roster, 'test', { source, content: csv(list) });
            expect(result.status).toBe('succeeded');
            return (await linesOf(roster, result.source.id)).map((l) => l.external_id).sort();
          };
          const inOrder = await ids(`Order ${run}`, rows);
          expect(inOrder).toHaveLength(rows.length);
          expect(await ids(`Shuffled ${run}`, shuffled)).toEqual(inOrder);
        },
      ),
      { numRuns: 8 },
    );
  });
});
