import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/modules/tokens/tokens.service.js';
import { runCli } from '../support/cli.js';
import { outcome, type ServedPair, startServedPair } from '../support/remote-cli.js';

/**
 * The admin's commands (members, tokens, links, settings, the employee source of truth, the audit log, backups),
 * on a new installation: the same output and exit codes on this machine's data as through a running server,
 * and against ROSTER_URL with a token's role.
 */
const script: string[][] = [
  ['sign-in-link', 'ann@acme.io'],
  ['members', 'add', 'bob@acme.io', '--role', 'editor'],
  ['members', 'list', '--json'],
  ['password-link', 'bob@acme.io'],
  ['tokens', 'create', '--name', 'ci', '--role', 'read-only', '--json'],
  ['tokens', 'list'],
  ['sources', 'add', 'hr-csv', '--name', 'HR', '--config', '{"file":"people.csv"}', '--json'],
  ['employees', 'source'],
  ['employees', 'source', 'HR', '--json'],
  ['employees', 'source', 'Nothing'],
  ['employees', 'source', '--default', '--json'],
  ['settings', 'show'],
  ['audit', '--limit', '8', '--json'],
];

describe('the admin CLI beside a running server', () => {
  let pair: ServedPair;
  beforeAll(async () => {
    pair = await startServedPair('remote-cli-admin', (dataDir) =>
      writeFileSync(join(dataDir, 'files', 'people.csv'), 'email,name,status\nann@acme.io,Ann,active\n'),
    );
  }, 300_000);
  afterAll(() => pair.close());

  it('gives the same output and exit codes on this machine’s data and through the running server', async () => {
    const { local, remote } = await pair.runBoth(script);
    script.forEach((args, i) => {
      const json = args.includes('--json');
      expect.soft(remote[i]?.stderr, args.join(' ')).not.toMatch(/in use by another Roster process/);
      expect.soft(outcome(remote[i]!, json), args.join(' ')).toEqual(outcome(local[i]!, json));
    });
    expect(remote.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0]);
    // The server did the work, by the CLI's actor.
    const chosen = await pair.roster.database.db
      .selectFrom('audit_log')
      .select('actor')
      .where('action', 'like', 'employees.%')
      .execute();
    expect(chosen.length).toBeGreaterThan(0);
    expect(chosen.every((r) => r.actor.startsWith('cli:'))).toBe(true);
  }, 1_500_000);

  it('prints a /set-password link with which the member sets a password and signs in', async () => {
    const printed = await runCli(['password-link', 'bob@acme.io'], { ROSTER_DATA_DIR: pair.served });
    expect(printed.code, printed.stderr).toBe(0);
    const link = new URL(printed.stdout.split('\n')[0] ?? '');
    expect(link.pathname).toBe('/set-password');
    // The console's page posts the token from its address with the chosen password.
    const token = link.searchParams.get('token') ?? '';
    const password = 'a long enough passphrase 42';
    const set = await pair.app.inject({
      method: 'POST',
      url: '/api/session/password',
      payload: { token, password },
    });
    expect(set.statusCode, set.body).toBe(200);
    const signIn = await pair.app.inject({
      method: 'POST',
      url: '/api/session/sign-in',
      payload: { email: 'bob@acme.io', password },
    });
    expect(signIn.statusCode, signIn.body).toBe(200);
  }, 300_000);

  it('works against ROSTER_URL with ROSTER_TOKEN: the token’s role applies, and what cannot work remotely refuses', async () => {
    const { roster, folder, url, served } = pair;
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
      ['employees', 'source', '--json'],
    ]) {
      const [overSocket, overUrl] = await Promise.all([runCli(args, local), runCli(args, remote(admin))]);
      const json = args.includes('--json');
      expect(outcome(overUrl, json), args.join(' ')).toEqual(outcome(overSocket, json));
      expect(overUrl.code).toBe(0);
    }
    const [synced, refused, chooseRefused, missing, migrate, badToken, unreachable] = await Promise.all([
      runCli(['sync', 'HR', '--json'], remote(admin)),
      runCli(['members', 'add', 'eve@acme.io', '--role', 'admin'], remote(reader)),
      runCli(['employees', 'source', 'HR'], remote(reader)),
      runCli(['sync', 'nothing-here'], remote(admin)),
      runCli(['migrate'], remote(admin)),
      runCli(['tokens', 'list'], remote('rst_not-a-token')),
      runCli(['tokens', 'list'], { ...remote(admin), ROSTER_URL: 'http://127.0.0.1:9' }),
    ]);
    expect(synced.code, synced.stderr).toBe(0);
    expect(JSON.parse(synced.stdout)).toMatchObject({ status: 'succeeded' });
    expect(refused.code).toBe(10);
    expect(refused.stderr).toContain('The role read-only may not do this');
    expect(chooseRefused.code).toBe(10);
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
    const { roster, folder, served } = pair;
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
