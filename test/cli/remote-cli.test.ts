import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** What differs between two installations given the same commands: times, secrets and one-time links. */
const normalise = (text: string) =>
  text
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
    .replace(/rst_[\w-]+/g, '<token>')
    .replace(/token=[\w-]+/g, 'token=<link>');

/** One command's output: JSON compared as values (a row's JSON keeps no key order), text as it is. */
const outcome = (result: CliResult, json: boolean) => ({
  code: result.code,
  stdout: json && result.stdout ? JSON.parse(normalise(result.stdout)) : normalise(result.stdout),
});

/**
 * The documented commands, as an admin runs them on a new installation: each gives the same output and exit
 * code on this machine's data as through a running server.
 */
const script: string[][] = [
  ['sign-in-link', 'ann@acme.io'],
  ['members', 'add', 'bob@acme.io', '--role', 'editor'],
  ['members', 'list', '--json'],
  ['tokens', 'create', '--name', 'ci', '--role', 'read-only', '--json'],
  ['tokens', 'list'],
  ['sources', 'add', 'hr-csv', '--name', 'HR', '--config', '{"file":"people.csv"}', '--json'],
  ['sync', 'HR', '--json'],
  ['sources', 'add', 'hr-csv', '--name', 'Broken', '--config', '{"file":"broken.csv"}'],
  ['sync', 'Broken'],
  ['audit', '--limit', '6', '--json'],
];

describe('the CLI beside a running server', () => {
  const folder = mkdtempSync(join(tmpdir(), 'roster-remote-cli-'));
  const alone = join(folder, 'alone');
  const served = join(folder, 'served');
  const csv = join(folder, 'slack.csv');
  let roster: Roster;
  let app: FastifyInstance;
  let socket: Server;
  let url: string;

  beforeAll(async () => {
    for (const dataDir of [alone, served]) {
      mkdirSync(join(dataDir, 'files'), { recursive: true });
      writeFileSync(join(dataDir, 'files', 'people.csv'), 'email,name,status\nann@acme.io,Ann,active\n');
      writeFileSync(join(dataDir, 'files', 'broken.csv'), 'email,name,status\nnot-an-email,Bo,active\n');
    }
    // A license unused for years: inactive, for the license commands.
    writeFileSync(
      csv,
      'email,name,status,role,license_types,last_used_at\nann@acme.io,Ann,active,,Pro,2020-01-01\n',
    );
    // The server holds its data directory as `roster serve` does: the CLI cannot open it.
    roster = await openRoster(testConfig(served));
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
    const commands = [
      ...script,
      ['import', 'csv', '--app', 'Slack', csv, '--json'],
      ['apps', 'threshold', 'Slack', '60'],
      ['apps', 'owners', 'Slack', 'ann@acme.io', '--json'],
      ['apps', 'show', 'Slack', '--json'],
      ['users', 'show', 'ann@acme.io', '--json'],
      ['explain', 'app-users', 'Slack', '--json'],
      ['licenses', 'inactive', '--json'],
      ['licenses', 'inactive', '--csv'],
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
    expect(remote.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // The license commands had something to show: Ann's unused Slack license.
    expect(remote.at(-1)?.stdout).toContain('ann@acme.io');
    // The server did the work: its own database holds what the CLI asked for, by the CLI's actor.
    const synced = await roster.database.db.selectFrom('sync_runs').select(['status', 'trigger']).execute();
    expect(synced.map((r) => r.status).sort()).toEqual(['failed', 'succeeded', 'succeeded']);
    expect(synced.every((r) => r.trigger.startsWith('cli:'))).toBe(true);
  }, 600_000);

  it('works against ROSTER_URL with ROSTER_TOKEN: the token’s role applies, and what cannot work remotely refuses', async () => {
    const admin = (await createToken(roster, 'test', { name: 'remote-admin', role: 'admin' })).token;
    const reader = (await createToken(roster, 'test', { name: 'remote-reader', role: 'read-only' })).token;
    const remote = (token: string) => ({
      ROSTER_URL: url,
      ROSTER_TOKEN: token,
      ROSTER_DATA_DIR: join(folder, 'none'),
    });
    const local = { ROSTER_DATA_DIR: served };

    for (const args of [
      ['members', 'list', '--json'],
      ['sources', 'list', '--json'],
      ['settings', 'show'],
    ]) {
      const [overSocket, overUrl] = await Promise.all([runCli(args, local), runCli(args, remote(admin))]);
      const json = args.includes('--json');
      expect(outcome(overUrl, json), args.join(' ')).toEqual(outcome(overSocket, json));
      expect(overUrl.code).toBe(0);
    }
    const [synced, refused, missing, migrate, badToken, unreachable] = await Promise.all([
      runCli(['sync', 'HR', '--json'], remote(admin)),
      runCli(['members', 'add', 'eve@acme.io', '--role', 'admin'], remote(reader)),
      runCli(['sync', 'nothing-here'], remote(admin)),
      runCli(['migrate'], remote(admin)),
      runCli(['tokens', 'list'], remote('rst_not-a-token')),
      runCli(['tokens', 'list'], { ...remote(admin), ROSTER_URL: 'http://127.0.0.1:9' }),
    ]);
    expect(synced.code, synced.stderr).toBe(0);
    expect(JSON.parse(synced.stdout)).toMatchObject({ status: 'succeeded', counters: { unchanged: 1 } });
    expect(refused.code).toBe(10);
    expect(refused.stderr).toContain('The role read-only may not do this');
    expect(missing.code).toBe(4);
    expect(migrate.code).toBe(7);
    expect(migrate.stderr).toContain('roster migrate works only on the machine that holds Roster');
    expect(badToken.code).toBe(10);
    expect(unreachable.code).toBe(7);
    expect(unreachable.stderr).toContain('Cannot reach http://127.0.0.1:9');
    const actors = await roster.database.db
      .selectFrom('sync_runs')
      .select('trigger')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(actors.trigger).toBe('token:remote-admin');
  }, 300_000);

  it('backs up the embedded database through the running server, and refuses to restore over it', async () => {
    const file = join(folder, 'served-backup.tar.gz');
    const backup = await runCli(['backup', file, '--json'], { ROSTER_DATA_DIR: served });
    expect(backup.code, backup.stderr).toBe(0);
    expect(JSON.parse(backup.stdout)).toMatchObject({ file, database: 'embedded' });
    const bytes = readFileSync(file);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]); // gzip: PGlite's dump
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const audit = await roster.database.db
      .selectFrom('audit_log')
      .select('actor')
      .where('action', '=', 'backup.create')
      .executeTakeFirstOrThrow();
    expect(audit.actor).toMatch(/^cli:/);
    // A restore replaces the files of a stopped Roster: the running server's lock refuses it.
    const restore = await runCli(['restore', file, '--replace'], { ROSTER_DATA_DIR: served });
    expect(restore.code).toBe(7);
    expect(restore.stderr).toMatch(/in use/);
  }, 300_000);
});
