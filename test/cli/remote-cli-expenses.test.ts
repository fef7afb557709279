import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/modules/tokens/tokens.service.js';
import { type CliResult, runCli } from '../support/cli.js';
import { type ServedPair, startServedPair } from '../support/remote-cli.js';

/** What differs between two installations given the same commands: the times they ran at. */
const normalise = (text: string) => text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>');

/** Only a run on this machine reports its progress (on stderr) as it reads the file. */
const withoutProgress = (text: string) =>
  text
    .split('\n')
    .filter((line) => !/: fetched page \d+/.test(line))
    .join('\n');

/** One command's output: JSON compared as values, text as it is; what it said went wrong, too. */
const outcome = (result: CliResult, json: boolean) => ({
  code: result.code,
  stdout: json && result.stdout ? JSON.parse(normalise(result.stdout)) : normalise(result.stdout),
  stderr: withoutProgress(normalise(result.stderr)),
});

describe('the expenses CLI beside a running server', () => {
  let pair: ServedPair;
  const file = (name: string, text: string) => {
    const path = join(pair.folder, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(async () => {
    pair = await startServedPair('remote-cli-expenses');
    // The app the rule below gives its lines, on both installations.
    await pair.onBoth(async (roster) => {
      await roster.database.db.insertInto('apps').values({ name: 'Video Calls' }).execute();
    });
  }, 300_000);
  afterAll(() => pair.close());

  it('gives the same output and exit codes on this machine’s data and through the running server', async () => {
    const amex = file(
      'amex.csv',
      'Date,Description,Card Member,Account #,Amount\n01/02/2026,ADOBE SYSTEMS,ANN LEE,-41007,19.99\n01/03/2026,ZOOM.US,BOB RAY,-52001,"1,200.00"\n',
    );
    const bad = file('bad.csv', 'Date,Description,Amount\n13/45/2026,ZOOM.US,5\n');
    const rule = ['--action', 'match', '--app', 'Video Calls', '--field', 'vendor', '--op', 'contains'];
    // Few commands (each is a process start): one per kind of call the expenses client makes remotely.
    const commands = [
      ['import', 'expenses', amex, '--source', 'Amex', '--preset', 'amex', '--currency', 'usd', '--json'],
      // Rejected whole: the rows named on stderr, and the source keeps USD.
      ['import', 'expenses', bad, '--source', 'Amex', '--currency', 'EUR'],
      ['expenses', 'accounts', 'Amex', '--exclude', '-41007', '--json'],
      ['expenses', 'rules', 'add', ...rule, '--value', 'zoom', '--json'],
      ['expenses', 'set-app', '1', 'Video Calls', '--json'],
      ['expenses', 'list', '--status', 'matched', '--csv'],
      ['expenses', 'summary', '--json'],
    ];
    const { local, remote } = await pair.runBoth(commands);
    commands.forEach((args, i) => {
      const json = args.includes('--json');
      expect(remote[i]?.stderr, args.join(' ')).not.toMatch(/in use by another Roster process/);
      expect(outcome(remote[i]!, json), args.join(' ')).toEqual(outcome(local[i]!, json));
    });
    expect(remote.map((r) => r.code)).toEqual([0, 3, 0, 0, 0, 0, 0]);
    expect(remote[1]?.stderr).toContain('Date: "13/45/2026" is not a date like 01/31/2026 (MM/DD/YYYY)');
    // The matched lines' CSV had something to show: Zoom's line, by the rule (Adobe's card is excluded).
    expect(remote[5]?.stdout).toContain('ZOOM.US');
    expect(remote[5]?.stdout).not.toContain('ADOBE SYSTEMS');

    // The server did the work: its own database holds the lines and the source's settings, by the CLI's actor.
    const lines = await pair.roster.database.db.selectFrom('expense_lines').select('amount').execute();
    expect(lines.map((l) => Number(l.amount)).sort()).toEqual([1200, 19.99]);
    const source = await pair.roster.database.db
      .selectFrom('sources')
      .select('config')
      .where('name', '=', 'Amex')
      .executeTakeFirstOrThrow();
    expect(source.config).toMatchObject({ currency: 'USD', preset: 'amex' });
    const actors = await pair.roster.database.db
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('action', 'like', 'expense%')
      .execute();
    expect(actors.length).toBeGreaterThan(0);
    expect(actors.every((a) => a.actor.startsWith('cli:'))).toBe(true);
  }, 600_000);

  it('works against ROSTER_URL with ROSTER_TOKEN: a read-only token reads figures and may not add rules', async () => {
    const reader = (await createToken(pair.roster, 'test', { name: 'expenses-reader', role: 'read-only' }))
      .token;
    const remote = { ROSTER_URL: pair.url, ROSTER_TOKEN: reader, ROSTER_DATA_DIR: join(pair.folder, 'none') };
    const [summary, refused] = await Promise.all([
      runCli(['expenses', 'summary', '--json'], remote),
      runCli(
        [
          'expenses',
          'rules',
          'add',
          '--action',
          'ignore',
          '--field',
          'vendor',
          '--op',
          'contains',
          '--value',
          'adobe',
        ],
        remote,
      ),
    ]);
    expect(summary.code, summary.stderr).toBe(0);
    expect(JSON.parse(summary.stdout)).toMatchObject({ currency: 'USD' });
    expect(refused.code).toBe(10);
    expect(refused.stderr).toContain('The role read-only may not do this');
    const rules = await pair.roster.database.db.selectFrom('expense_rules').select('action').execute();
    expect(rules).toEqual([{ action: 'match' }]);
  }, 300_000);
});
