import { describe, expect, it } from 'vitest';
import { addExpenseSource, insertExpenseLines, lineStates } from '../support/expense-lines.js';
import { useTestServer } from '../support/http.js';
import { lanes } from '../support/test-roster.js';

describe.each(lanes)('Expense rules over HTTP on %s', (lane) => {
  let lines: number[] = [];
  const ctx = useTestServer(
    async ({ roster }) => {
      const card = await addExpenseSource(roster, 'Card');
      await roster.database.db.insertInto('apps').values({ name: 'Data Warehouse' }).execute();
      lines = await insertExpenseLines(roster, [
        { source: card, vendor: 'DWH CLOUD 415-555-0100', amount: 40 },
        { source: card, vendor: 'AMZN Mktp US*2K4HG7L21', amount: 300 },
      ]);
    },
    { lane },
  );
  const rule = {
    action: 'match',
    app: 'Data Warehouse',
    field: 'vendor',
    op: 'contains',
    value: 'dwh cloud',
  };

  it('previews, adds, lists and removes a rule; a bad pattern is refused naming the field', async () => {
    const { app, as } = ctx.server;
    const preview = await app.inject({
      method: 'POST',
      url: '/api/expenses/rules/test',
      headers: as('read-only'),
      payload: rule,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().takes).toEqual([
      expect.objectContaining({ from: 'unmatched', lines: 1, amount: 40 }),
    ]);

    const bad = await app.inject({
      method: 'POST',
      url: '/api/expenses/rules',
      headers: as('editor'),
      payload: { ...rule, op: 'regex', value: '(?<=x)y' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(['value']);

    const added = await app.inject({
      method: 'POST',
      url: '/api/expenses/rules',
      headers: as('editor'),
      payload: rule,
    });
    expect(added.statusCode).toBe(201);
    const listed = await app.inject({ url: '/api/expenses/rules', headers: as('read-only') });
    expect(listed.json().items).toEqual([
      expect.objectContaining({ id: added.json().id, app: 'Data Warehouse', lines: 1, amount: 40 }),
    ]);
    expect((await lineStates(ctx.roster))[0]?.app).toBe('Data Warehouse');

    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/expenses/rules/${added.json().id}`,
      headers: as('editor'),
    });
    expect(removed.statusCode).toBe(204);
    expect((await lineStates(ctx.roster))[0]?.status).toBe('unmatched');
  });

  it("sets a line's app by hand and clears it", async () => {
    const { app, as } = ctx.server;
    const url = `/api/expenses/lines/${lines[1]}/app`;
    const set = await app.inject({
      method: 'PUT',
      url,
      headers: as('editor'),
      payload: { app: 'Data Warehouse' },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ app: 'Data Warehouse', status: 'matched' });
    const unknown = await app.inject({ method: 'PUT', url, headers: as('editor'), payload: { app: 'Nope' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('app');
    const cleared = await app.inject({ method: 'PUT', url, headers: as('editor'), payload: { app: null } });
    // Back to its automatic match: the catalog's alias for Amazon Business.
    expect(cleared.json()).toMatchObject({ app: 'Amazon Business', manualAppId: null });
  });
});
