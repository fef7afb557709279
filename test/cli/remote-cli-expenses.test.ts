import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeLocalSocket, listenOnLocalSocket } from '../../src/http/local-socket.js';
import { buildServer } from '../../src/http/server.js';
import { createToken } from '../../src/modules/tokens/tokens.service.js';
import { openRoster, type Roster } from '../../src/roster.js';
import { type CliResult, runCli } from '../support/cli.js';
import { testConfig } from '../support/test-roster.js';

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
  const folder = mkdtempSync(join(tmpdir(), 'roster-remote-cli-expenses-'));
  const alone = join(folder, 'alone');
  const served = join(folder, 'served');
  const file = (name: string, text: string) => {
    const path = join(folder, name);
    writeFileSync(path, text);
    return path;
  };
  let roster: Roster;
  let app: FastifyInstance;
  let socket: Server;
  let url: string;

  beforeAll(async () => {
    for (const dataDir of [alone, served]) mkdirSync(dataDir, { recursive: true });
    // The app the rule below gives its lines, on both installations.
    const lone = await openRoster(testConfig(alone));
    await lone.database.db.insertInto('apps').values({ name: 'Video Calls' }).execute();
    await lone.close();
    // The server holds its data directory as `roster serve` does: the CLI cannot open it.
    roster = await openRoster(testConfig(served));
    await roster.database.db.insertInto('apps').values({ name: 'Video Calls' }).execute();
    app = await buildServer(roster, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    socket = await listenOnLocalSocket(app, served);
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }, 300_000);
  afterAll(async () => {
    await closeLocalSocket(socket, served);
    await app.close();
    await roster.close();
    rmSync(folder, { recursive: true, force: true });
  });

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
    // Each installation takes the commands in order; the two run side by side.
    const runAll = async (dataDir: string) => {
      const results: CliResult[] = [];
      for (const args of commands) results.push(await runCli(args, { ROSTER_DATA_DIR: dataDir }));
      return results;
    };
    const [local, remote] = await Promise.all([runAll(alone), runAll(served)]);
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
    const lines = await roster.database.db.selectFrom('expense_lines').select('amount').execute();
    expect(lines.map((l) => Number(l.amount)).sort()).toEqual([1200, 19.99]);
    const source = await roster.database.db
      .selectFrom('sources')
      .select('config')
      .where('name', '=', 'Amex')
      .executeTakeFirstOrThrow();
    expect(source.config).toMatchObject({ currency: 'USD', preset: 'amex' });
    const actors = await roster.database.db
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('action', 'like', 'expense%')
      .execute();
    expect(actors.length).toBeGreaterThan(0);
    expect(actors.every((a) => a.actor.startsWith('cli:'))).toBe(true);
  }, 600_000);

  it('works against ROSTER_URL with ROSTER_TOKEN: a read-only token reads figures and may not add rules', async () => {
    const reader = (await createToken(roster, 'test', { name: 'expenses-reader', role: 'read-only' })).token;
    const remote = { ROSTER_URL: url, ROSTER_TOKEN: reader, ROSTER_DATA_DIR: join(folder, 'none') };
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
    const rules = await roster.database.db.selectFrom('expense_rules').select('action').execute();
    expect(rules).toEqual([{ action: 'match' }]);
  }, 300_000);
});
