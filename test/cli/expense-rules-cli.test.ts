import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRoster } from '../../src/roster.js';
import { runCli } from '../support/cli.js';
import { addExpenseSource, insertExpenseLines } from '../support/expense-lines.js';
import { testConfig, withMigratedDatabase } from '../support/test-roster.js';

describe('roster expenses rules and set-app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roster-expense-rules-cli-'));
  const env = { ROSTER_DATA_DIR: withMigratedDatabase(dir) };
  let lines: number[] = [];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    // The lines as an import leaves them; the CLI process opens the same data directory after.
    const roster = await openRoster(testConfig(dir));
    const card = await addExpenseSource(roster, 'Card');
    await roster.database.db.insertInto('apps').values({ name: 'Data Warehouse' }).execute();
    lines = await insertExpenseLines(roster, [
      { source: card, vendor: 'DWH CLOUD 415-555-0100', amount: 40 },
      { source: card, vendor: 'SNOWFLAKE COMPUTING', amount: 500 },
    ]);
    await roster.close();
  });
  const json = async (args: string[], code = 0) => {
    const result = await runCli([...args, '--json'], env);
    expect(result.code, result.stderr).toBe(code);
    return JSON.parse(result.stdout);
  };
  const rule = [
    '--action',
    'match',
    '--app',
    'Data Warehouse',
    '--field',
    'vendor',
    '--op',
    'regex',
    '--value',
    '^(dwh|snowflake)\\b',
  ];

  it('tests a rule, adds it, sets a line by hand and removes the rule', async () => {
    const preview = await json(['expenses', 'rules', 'test', ...rule]);
    expect(preview.decides).toEqual({ lines: 2, amount: 540 });
    expect(preview.takes.map((t: { from: string }) => t.from).sort()).toEqual(['automatic', 'unmatched']);

    const added = await json(['expenses', 'rules', 'add', ...rule, '--priority', '3']);
    expect(added).toMatchObject({ priority: 3, app: 'Data Warehouse', lines: 2, amount: 540 });

    const set = await json(['expenses', 'set-app', String(lines[1]), 'Data Warehouse']);
    expect(set).toMatchObject({ app: 'Data Warehouse', manualAppId: set.appId, status: 'matched' });

    expect((await runCli(['expenses', 'rules', 'remove', String(added.id)], env)).code).toBe(0);
  });

  it('refuses a pattern RE2 cannot run, naming the field, and adds nothing', async () => {
    const bad = await runCli(['expenses', 'rules', 'add', ...rule.slice(0, -1), '(a+)+\\1'], env);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('value');
    // The rule removed above is gone too.
    expect(await json(['expenses', 'rules', 'list'])).toEqual([]);
  });
});
