import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRoster } from '../../src/roster.js';
import { runCli } from '../support/cli.js';
import { insertExpenseLines, insertExpenseSource } from '../support/expense-figures-lines.js';
import { testConfig, withMigratedDatabase } from '../support/test-roster.js';

describe('roster expenses summary and list', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roster-expenses-cli-'));
  const env = { ROSTER_DATA_DIR: withMigratedDatabase(dir) };
  beforeAll(async () => {
    const roster = await openRoster(testConfig(dir));
    const card = await insertExpenseSource(roster, 'Card');
    await insertExpenseLines(roster, [
      { source: card, date: '2026-02-01', amount: 120, vendor: 'SLACK T0123', app: 'Slack' },
      { source: card, date: '2026-02-03', amount: 80, vendor: '+CALL ME 555' },
      { source: card, date: '2026-02-04', amount: 30, vendor: 'AMZN MKTP', ignored: true, ignoreRuleId: 1 },
    ]);
    await roster.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the summary as JSON and as text', async () => {
    const json = await runCli(['expenses', 'summary', '--json'], env);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      currency: 'USD',
      total: 200,
      matched: 120,
      unmatched: 80,
      ignored: 30,
      matchRate: { byCount: 0.5, byAmount: 0.6 },
      apps: [{ app: 'Slack', total: 120, lines: 1, annualisedFrom: 'extrapolated' }],
    });
    const text = await runCli(['expenses', 'summary'], env);
    expect(text.stdout).toContain('Total       200.00 USD (matched 120.00 USD, unmatched 80.00 USD)');
    expect(text.stdout).toContain('Matching    60% by amount, 50% by count');
  });

  it('lists by status as JSON and formula-safe CSV, and refuses an unknown status', async () => {
    const json = await runCli(['expenses', 'list', '--status', 'unmatched', '--json'], env);
    expect(JSON.parse(json.stdout).items).toEqual([
      expect.objectContaining({
        vendor: '+CALL ME 555',
        status: 'unmatched',
        suggestedRule: expect.objectContaining({ op: 'equals' }),
      }),
    ]);
    const csv = await runCli(['expenses', 'list', '--csv'], env);
    expect(csv.code, csv.stderr).toBe(0);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.vendor, r.status])).toEqual([
      ['AMZN MKTP', 'ignored'],
      ["'+CALL ME 555", 'unmatched'],
      ['SLACK T0123', 'matched'],
    ]);
    const bad = await runCli(['expenses', 'list', '--status', 'lost'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('status');
  });
});
