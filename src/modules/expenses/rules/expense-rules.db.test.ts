import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addExpenseSource, insertExpenseLines, lineStates } from '../../../../test/support/expense-lines.js';
import { lanes, openTestRoster, type TestRoster } from '../../../../test/support/test-roster.js';
import { RosterError } from '../../../lib/errors.js';
import { deriveExpenseLines } from '../derive.js';
import { addRule, listRules, removeRule } from './expense-rules.service.js';
import { setLineApp } from './line-app.service.js';
import { testRule } from './rule-test.js';

describe.each(lanes)('Expense rules on %s', (lane) => {
  let roster: TestRoster;
  let card: number;
  let ids: number[];
  const statusOf = async (id: number) => (await lineStates(roster)).find((s) => s.id === id);

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    card = await addExpenseSource(roster, 'Card');
    const { db } = roster.database;
    await db
      .insertInto('apps')
      .values([{ name: 'Data Warehouse' }, { name: 'Team Chat' }])
      .execute();
    ids = await insertExpenseLines(roster, [
      { source: card, vendor: 'AMZN Mktp US*2K4HG7L21', description: 'Office chairs', amount: 300 },
      { source: card, vendor: 'SNOWFLAKE COMPUTING', description: 'credits', amount: 1000 },
      { source: card, vendor: 'SNOWFLAKE COMPUTING', description: 'credits', amount: 500 },
      { source: card, vendor: 'SLACK T0123ABCD 4155550100 CA', amount: 80 },
      { source: card, vendor: 'DWH CLOUD 415-555-0100', amount: 40 },
    ]);
    await db.transaction().execute((trx) => deriveExpenseLines(trx, { sourceIds: [card] }));
  });
  afterAll(() => roster?.close());

  it('tests a rule against the history before it is added: lines before and after, and what it takes', async () => {
    const preview = await testRule(roster.database.db, {
      action: 'match',
      app: 'data warehouse',
      field: 'vendor',
      op: 'regex',
      value: '^(snowflake|dwh)\\b',
    });
    expect(preview.rule).toMatchObject({ id: null, app: 'Data Warehouse', priority: 10 });
    expect(preview.meets).toEqual({ lines: 3, amount: 1540 });
    expect(preview.decides).toEqual({ lines: 3, amount: 1540 });
    expect(preview.before.matched.lines).toBe(4);
    expect(preview.after.matched.lines).toBe(5);
    expect(preview.after.unmatched).toEqual({ lines: 0, amount: 0 });
    expect(preview.takes).toEqual([
      expect.objectContaining({
        from: 'automatic',
        alias: 'SNOWFLAKE COMPUTING',
        app: 'Snowflake',
        lines: 2,
        amount: 1500,
      }),
      expect.objectContaining({ from: 'unmatched', app: null, lines: 1, amount: 40 }),
    ]);
    // A preview changes nothing.
    expect((await statusOf(ids[4] as number))?.status).toBe('unmatched');
  });

  it('applies rules in priority order, to past lines, and records which rule decided', async () => {
    const ignore = await addRule(roster, 'admin@example.com', {
      action: 'ignore',
      field: 'vendor',
      op: 'contains',
      value: 'amzn mktp',
      priority: 5,
    });
    const warehouse = await addRule(roster, 'admin@example.com', {
      action: 'match',
      app: 'Data Warehouse',
      field: 'vendor',
      op: 'regex',
      value: '^(snowflake|dwh)\\b',
    });
    // Lower priority runs first: this one never decides a Snowflake line while the regex comes first.
    const later = await addRule(roster, 'admin@example.com', {
      action: 'match',
      app: 'Team Chat',
      field: 'description',
      op: 'equals',
      value: 'CREDITS',
      priority: 100,
    });
    expect([ignore.priority, warehouse.priority, later.priority]).toEqual([5, 15, 100]);
    const states = await lineStates(roster);
    expect(states.map((s) => [s.app, s.status])).toEqual([
      [null, 'ignored'],
      ['Data Warehouse', 'matched'],
      ['Data Warehouse', 'matched'],
      ['Slack', 'matched'],
      ['Data Warehouse', 'matched'],
    ]);
    const listed = await listRules(roster.database.db);
    expect(listed.map((r) => [r.id, r.lines, r.amount])).toEqual([
      [ignore.id, 1, 300],
      [warehouse.id, 3, 1540],
      [later.id, 0, 0],
    ]);
    const descriptor = await roster.database.db
      .selectFrom('expense_descriptors')
      .select(['match_kind', 'match_rule_id'])
      .where('vendor', '=', 'SNOWFLAKE COMPUTING')
      .executeTakeFirstOrThrow();
    expect(descriptor).toEqual({ match_kind: 'rule', match_rule_id: warehouse.id });

    // Testing an existing rule compares the history without it and with it.
    const existing = await testRule(roster.database.db, { id: later.id });
    expect(existing.decides.lines).toBe(0);

    // Removing the regex hands its lines to the next rule, then to automatic matching.
    await removeRule(roster, 'admin@example.com', warehouse.id);
    expect((await lineStates(roster)).map((s) => s.app)).toEqual([
      null,
      'Team Chat',
      'Team Chat',
      'Slack',
      null,
    ]);
    const audit = await roster.database.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('action', 'like', 'expense-rule.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'expense-rule.add',
      'expense-rule.add',
      'expense-rule.add',
      'expense-rule.remove',
    ]);
  });

  it("sets a single line's app by hand, over rules and an Ignore rule, and back", async () => {
    const chairs = ids[0] as number;
    const set = await setLineApp(roster, 'admin@example.com', chairs, 'Team Chat');
    expect(set).toMatchObject({ app: 'Team Chat', manualBy: 'admin@example.com', status: 'matched' });
    await roster.database.db.transaction().execute((trx) => deriveExpenseLines(trx, {}));
    expect(await statusOf(chairs)).toMatchObject({ app: 'Team Chat', status: 'matched' });
    const cleared = await setLineApp(roster, 'admin@example.com', chairs, null);
    expect(cleared).toMatchObject({ app: null, manualAppId: null, status: 'ignored' });
  });

  it('refuses a bad rule, naming the field, and adds nothing', async () => {
    const before = (await listRules(roster.database.db)).length;
    const refusal = async (input: Parameters<typeof addRule>[2]) => {
      const error = await addRule(roster, 'admin@example.com', input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RosterError);
      return {
        code: (error as RosterError).code,
        fields: (error as RosterError).details.map((d) => d.field),
      };
    };
    expect(
      await refusal({ action: 'match', app: 'Team Chat', field: 'vendor', op: 'regex', value: '(a' }),
    ).toEqual({
      code: 'invalid_input',
      fields: ['value'],
    });
    // Back-references need backtracking: RE2 cannot bound them, so they are refused.
    expect(
      await refusal({ action: 'match', app: 'Team Chat', field: 'vendor', op: 'regex', value: '(a+)+\\1' }),
    ).toEqual({ code: 'invalid_input', fields: ['value'] });
    expect(await refusal({ action: 'match', field: 'vendor', op: 'contains', value: 'x' })).toEqual({
      code: 'invalid_input',
      fields: ['app'],
    });
    expect(
      await refusal({ action: 'match', app: 'Nope', field: 'vendor', op: 'contains', value: 'x' }),
    ).toEqual({
      code: 'invalid_input',
      fields: ['app'],
    });
    expect(
      await refusal({ action: 'ignore', app: 'Team Chat', field: 'vendor', op: 'contains', value: 'x' }),
    ).toEqual({ code: 'invalid_input', fields: ['app'] });
    expect((await listRules(roster.database.db)).length).toBe(before);
  });
});
