import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv } from '../../src/modules/imports/imports.service.js';
import { addSource, syncSource } from '../../src/modules/sources/sources.service.js';
import { createToken } from '../../src/modules/tokens/tokens.service.js';
import { runCli } from '../support/cli.js';
import { outcome, type ServedPair, startServedPair } from '../support/remote-cli.js';

/**
 * Offboarding from the CLI: every subcommand gives the same output and exit code on this machine's data as
 * through a running server (which acts on the tasks before answering, as the command does on the data), and
 * against ROSTER_URL with a token's role. The organisation is prepared in this process; only the offboarding
 * commands start CLI processes.
 */
describe('the offboarding CLI beside a running server', () => {
  let pair: ServedPair;
  beforeAll(async () => {
    pair = await startServedPair('remote-cli-offboarding', (dataDir) =>
      writeFileSync(
        join(dataDir, 'files', 'hr.csv'),
        'email,name,status\nann@acme.io,Ann Lee,terminated\nbob@acme.io,Bob,active\ncid@acme.io,Cid,terminated\n',
      ),
    );
    // Ann and Cid left: Ann has an active Jira account and a deleted Looker one, Cid a Jira account.
    await pair.onBoth(async (roster) => {
      const hr = await addSource(roster, 'test', { kind: 'hr-csv', name: 'HR', config: { file: 'hr.csv' } });
      expect((await syncSource(roster, 'test', hr.id)).status).toBe('succeeded');
      const csv = (text: string) => Buffer.from(text);
      await importCsv(roster, 'test', {
        app: 'Jira',
        content: csv('email,status\nann@acme.io,active\nbob@acme.io,active\ncid@acme.io,active\n'),
      });
      await importCsv(roster, 'test', { app: 'Looker', content: csv('email,status\nann@acme.io,deleted\n') });
    });
  }, 600_000);
  afterAll(() => pair.close());

  it('gives the same output and exit codes on this machine’s data and through the running server', async () => {
    const commands = [
      ['offboarding', 'candidates', '--json'],
      ['offboarding', 'start', 'ann@acme.io', '--dry-run', '--json'],
      ['offboarding', 'method', 'Looker', 'ignore', '--json'],
      ['offboarding', 'start', 'ann@acme.io', '--json'],
      ['offboarding', 'task', 'ann@acme.io', 'done', '--app', 'Jira', '--json'],
      ['offboarding', 'task', 'ann@acme.io', 'retry', '--app', 'Jira'],
      ['offboarding', 'complete', 'ann@acme.io', '--json'],
      ['offboarding', 'drift', '--json'],
      ['offboarding', 'reopen', 'ann@acme.io'],
    ];
    const { local, remote } = await pair.runBoth(commands);
    commands.forEach((args, i) => {
      const json = args.includes('--json');
      expect.soft(remote[i]?.stderr, args.join(' ')).not.toMatch(/in use by another Roster process/);
      expect.soft(outcome(remote[i]!, json), args.join(' ')).toEqual(outcome(local[i]!, json));
    });
    expect(remote.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 5, 0, 0, 0]);
    const jsonOf = (i: number) => JSON.parse(remote[i]?.stdout ?? '');
    expect(jsonOf(0)).toMatchObject([{ primaryEmail: 'ann@acme.io' }, { primaryEmail: 'cid@acme.io' }]);
    expect(jsonOf(1).tasks.map((t: { app: string }) => t.app)).toEqual(['Jira', 'Looker']);
    expect(jsonOf(3)).toMatchObject({ status: 'in_progress', counts: { pending: 1, skipped: 1 } });
    expect(jsonOf(4).tasks.find((t: { app: string }) => t.app === 'Jira')).toMatchObject({ status: 'done' });
    expect(jsonOf(6)).toMatchObject({ status: 'completed', completedHow: 'manual' });
    expect(remote[8]?.stdout).toContain('in progress');
    // The server did the work, by the CLI's actor.
    const audit = await pair.roster.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('action', 'like', 'offboarding.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['offboarding.start', 'offboarding.task.done', 'offboarding.complete']),
    );
    expect(audit.every((a) => a.actor.startsWith('cli:'))).toBe(true);
  }, 900_000);

  it('works against ROSTER_URL with the token’s role', async () => {
    const { roster, folder, url, served } = pair;
    const editor = (await createToken(roster, 'test', { name: 'off-editor', role: 'editor' })).token;
    const reader = (await createToken(roster, 'test', { name: 'off-reader', role: 'read-only' })).token;
    const remote = (token: string) => ({
      ROSTER_URL: url,
      ROSTER_TOKEN: token,
      ROSTER_DATA_DIR: join(folder, 'none'),
    });
    const [overSocket, read, refused] = await Promise.all([
      runCli(['offboarding', 'show', 'ann@acme.io', '--json'], { ROSTER_DATA_DIR: served }),
      runCli(['offboarding', 'show', 'ann@acme.io', '--json'], remote(reader)),
      runCli(['offboarding', 'start', 'cid@acme.io'], remote(reader)),
    ]);
    expect(read.code, read.stderr).toBe(0);
    expect(outcome(read, true)).toEqual(outcome(overSocket, true));
    expect(refused.code).toBe(10);
    expect(refused.stderr).toContain('The role read-only may not do this');
    const started = await runCli(['offboarding', 'start', 'cid@acme.io', '--json'], remote(editor));
    expect(started.code, started.stderr).toBe(0);
    expect(JSON.parse(started.stdout)).toMatchObject({
      primaryEmail: 'cid@acme.io',
      startedBy: 'token:off-editor',
      counts: { pending: 1 },
    });
  }, 300_000);
});
