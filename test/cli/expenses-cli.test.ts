import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { withMigratedDatabase } from '../support/test-roster.js';

describe('roster import expenses, expenses accounts and rates, settings set --currency', () => {
  let dir: string;
  let env: Record<string, string>;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'roster-cli-expenses-'));
    env = { ROSTER_DATA_DIR: withMigratedDatabase(join(dir, 'data')) };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a preset export, recognises it again, excludes an account, imports rates and sets the currency', async () => {
    const amex = file(
      'amex.csv',
      'Date,Description,Card Member,Account #,Amount\n01/02/2026,ADOBE SYSTEMS,ANN LEE,-41007,19.99\n01/03/2026,ZOOM.US,BOB RAY,-52001,"1,200.00"\n',
    );
    const args = ['import', 'expenses', amex, '--source', 'Amex', '--preset', 'amex', '--currency', 'usd'];
    const first = await runCli(args, env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('Amex: 2 line(s) added, 0 corrected, 0 already imported\n');
    const again = await runCli(args, env);
    expect(again.stdout).toMatch(/^Amex: Same file as the import of \d{4}-\d{2}-\d{2}; nothing changed\n$/);

    const bad = await runCli(
      [
        'import',
        'expenses',
        file('bad.csv', 'Date,Description,Amount\n13/45/2026,ZOOM.US,5\n'),
        '--source',
        'Amex',
      ],
      env,
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('row 2');
    expect(bad.stderr).toContain('Date: "13/45/2026" is not a date like 01/31/2026 (MM/DD/YYYY)');

    const excluded = await runCli(['expenses', 'accounts', 'Amex', '--exclude', '-52001', '--json'], env);
    expect(excluded.code, excluded.stderr).toBe(0);
    expect(
      JSON.parse(excluded.stdout).accounts.map((a: { account: string; excludedAt: string | null }) => [
        a.account,
        a.excludedAt !== null,
      ]),
    ).toEqual([
      ['-41007', false],
      ['-52001', true],
    ]);

    const rates = await runCli(
      ['expenses', 'rates', file('rates.csv', 'date,currency,rate\n2026-01-01,EUR,1.1\n')],
      env,
    );
    expect(rates.code, rates.stderr).toBe(0);
    expect(rates.stdout).toBe('1 rate(s): 1 added, 0 changed\n');

    const currency = await runCli(['settings', 'set', '--currency', 'eur', '--json'], env);
    expect(currency.code, currency.stderr).toBe(0);
    expect(JSON.parse(currency.stdout).currency).toBe('EUR');
    const wrong = await runCli(['settings', 'set', '--currency', 'EURO'], env);
    expect(wrong.code).not.toBe(0);
  });
});
