import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/modules/tokens/tokens.service.js';
import { runCli } from '../support/cli.js';
import { outcome, type ServedPair, startServedPair } from '../support/remote-cli.js';

/**
 * The data commands (sources, syncs, imports, apps, people, licenses, explanations, Merge Users), as an admin
 * runs them on a new installation: each gives the same output and exit code on this machine's data as through
 * a running server.
 */
describe('the data CLI beside a running server', () => {
  let pair: ServedPair;
  let csv: string;
  beforeAll(async () => {
    pair = await startServedPair('remote-cli-data', (dataDir) => {
      writeFileSync(
        join(dataDir, 'files', 'people.csv'),
        'email,name,status,personal_email\nann@acme.io,Ann,active,ann.lee@gmail.com\n',
      );
      writeFileSync(join(dataDir, 'files', 'broken.csv'), 'email,name,status\nnot-an-email,Bo,active\n');
    });
    // A license unused for years: inactive, for the license commands; Ann's personal address, for Merge Users.
    csv = join(pair.folder, 'slack.csv');
    writeFileSync(
      csv,
      'email,name,status,role,license_types,last_used_at\nann@acme.io,Ann,active,,Pro,2020-01-01\nann.lee@gmail.com,Ann,active,,,\n',
    );
  }, 300_000);
  afterAll(() => pair.close());

  it('gives the same output and exit codes on this machine’s data and through the running server', async () => {
    const commands = [
      ['sources', 'add', 'hr-csv', '--name', 'HR', '--config', '{"file":"people.csv"}', '--json'],
      ['sync', 'HR', '--json'],
      ['sources', 'add', 'hr-csv', '--name', 'Broken', '--config', '{"file":"broken.csv"}'],
      ['sync', 'Broken'],
      ['import', 'csv', '--app', 'Slack', csv, '--json'],
      ['apps', 'threshold', 'Slack', '60'],
      ['apps', 'owners', 'Slack', 'ann@acme.io', '--json'],
      ['apps', 'show', 'Slack', '--json'],
      ['users', 'show', 'ann@acme.io', '--json'],
      ['explain', 'app-users', 'Slack', '--json'],
      ['licenses', 'inactive', '--json'],
      ['licenses', 'inactive', '--csv'],
      ['merge', 'configure', '--source', 'HR', '--fields', 'personal_email', '--json'],
      ['merge', 'preview'],
      ['merge', 'apply', '--json'],
      ['merge', 'revoke'],
    ];
    const { local, remote } = await pair.runBoth(commands);
    commands.forEach((args, i) => {
      const json = args.includes('--json');
      expect.soft(remote[i]?.stderr, args.join(' ')).not.toMatch(/in use by another Roster process/);
      expect.soft(outcome(remote[i]!, json), args.join(' ')).toEqual(outcome(local[i]!, json));
    });
    expect(remote.map((r) => r.code)).toEqual([0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // The license commands had something to show: Ann's unused Slack license.
    expect(remote[11]?.stdout).toContain('ann@acme.io');
    // Merge Users found Ann's personal address, merged it, and restored it.
    expect(JSON.parse(remote[12]?.stdout ?? '')).toMatchObject({
      merges: [{ primary: 'ann@acme.io', aliases: ['ann.lee@gmail.com'] }],
    });
    expect(remote[13]?.stdout).toContain('ann.lee@gmail.com');
    expect(JSON.parse(remote[14]?.stdout ?? '')).toMatchObject({ merged: 1 });
    expect(remote[15]?.stdout).toMatch(/1/);
    // The server did the work: its own database holds what the CLI asked for, by the CLI's actor.
    const synced = await pair.roster.database.db
      .selectFrom('sync_runs')
      .select(['status', 'trigger'])
      .execute();
    expect(synced.map((r) => r.status).sort()).toEqual(['failed', 'succeeded', 'succeeded']);
    expect(synced.every((r) => r.trigger.startsWith('cli:'))).toBe(true);
    const merges = await pair.roster.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('action', 'like', 'merge.%')
      .orderBy('id')
      .execute();
    expect(merges.map((m) => m.action)).toEqual(['merge.configure', 'merge.apply', 'merge.revoke']);
    expect(merges.every((m) => m.actor.startsWith('cli:'))).toBe(true);
  }, 1_500_000);

  it('runs Merge Users against ROSTER_URL with the token’s role', async () => {
    const { roster, folder, url, served } = pair;
    const admin = (await createToken(roster, 'test', { name: 'merge-admin', role: 'admin' })).token;
    const reader = (await createToken(roster, 'test', { name: 'merge-reader', role: 'read-only' })).token;
    const remote = (token: string) => ({
      ROSTER_URL: url,
      ROSTER_TOKEN: token,
      ROSTER_DATA_DIR: join(folder, 'none'),
    });
    const [overSocket, read, refused, applied] = await Promise.all([
      runCli(['merge', 'preview', '--json'], { ROSTER_DATA_DIR: served }),
      runCli(['merge', 'preview', '--json'], remote(reader)),
      runCli(['merge', 'apply'], remote(reader)),
      runCli(['merge', 'configure', '--source', 'HR', '--fields', 'personal_email', '--json'], remote(admin)),
    ]);
    expect(read.code, read.stderr).toBe(0);
    expect(outcome(read, true)).toEqual(outcome(overSocket, true));
    expect(refused.code).toBe(10);
    expect(refused.stderr).toContain('The role read-only may not do this');
    expect(applied.code, applied.stderr).toBe(0);
    const last = await roster.database.db
      .selectFrom('audit_log')
      .select('actor')
      .where('action', '=', 'merge.configure')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.actor).toBe('token:merge-admin');
  }, 300_000);
});
