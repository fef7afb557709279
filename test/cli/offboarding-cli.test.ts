import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { withMigratedDatabase } from '../support/test-roster.js';

describe('roster offboarding', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roster-offboarding-cli-'));
  const env = { ROSTER_DATA_DIR: withMigratedDatabase(join(dir, 'data')), ROSTER_FILES_DIR: dir };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const json = async (args: string[], code = 0) => {
    const result = await runCli([...args, '--json'], env);
    expect(result.code, result.stderr).toBe(code);
    return JSON.parse(result.stdout);
  };

  it('lists the leaver, previews, starts, marks tasks done and completes, in JSON', async () => {
    writeFileSync(
      join(dir, 'hr.csv'),
      'email,name,status\nann@acme.io,Ann Lee,terminated\nbob@acme.io,Bob,active\n',
    );
    writeFileSync(join(dir, 'jira.csv'), 'email,status\nann@acme.io,active\nbob@acme.io,active\n');
    writeFileSync(join(dir, 'looker.csv'), 'email,status\nann@acme.io,deleted\n');
    expect(
      (
        await runCli(
          ['sources', 'add', 'hr-csv', '--name', 'HR', '--config', JSON.stringify({ file: 'hr.csv' })],
          env,
        )
      ).code,
    ).toBe(0);
    expect((await runCli(['sync', 'HR'], env)).code).toBe(0);
    for (const app of ['jira', 'looker'])
      expect(
        (
          await runCli(
            ['import', 'csv', '--app', app === 'jira' ? 'Jira' : 'Looker', join(dir, `${app}.csv`)],
            env,
          )
        ).code,
      ).toBe(0);

    expect(await json(['offboarding', 'candidates'])).toMatchObject([
      { primaryEmail: 'ann@acme.io', reason: 'terminated in HR', accounts: 2, activeAccounts: 1 },
    ]);
    const preview = await json(['offboarding', 'start', 'ann@acme.io', '--dry-run']);
    expect(
      preview.tasks.map((t: { app: string; accountStatus: string }) => [t.app, t.accountStatus]),
    ).toEqual([
      ['Jira', 'active'],
      ['Looker', 'deleted'],
    ]);
    expect((await runCli(['offboarding', 'show', 'ann@acme.io'], env)).code).toBe(4);

    const ignored = await json(['offboarding', 'method', 'Looker', 'ignore']);
    expect(ignored).toMatchObject({ app: 'Looker', method: 'ignore', hasCredentials: false });
    expect((await runCli(['offboarding', 'method', 'Looker', 'erase'], env)).code).toBe(3);

    const started = await json(['offboarding', 'start', 'ann@acme.io']);
    expect(started).toMatchObject({ status: 'in_progress', counts: { pending: 1, skipped: 1 } });
    expect((await runCli(['offboarding', 'start', 'ann@acme.io'], env)).code).toBe(5);

    const done = await json(['offboarding', 'task', 'ann@acme.io', 'done', '--app', 'Jira']);
    expect(done.tasks.find((t: { app: string }) => t.app === 'Jira')).toMatchObject({ status: 'done' });
    expect(done.tasks[0].doneBy).toMatch(/^cli:/);
    expect((await runCli(['offboarding', 'task', 'ann@acme.io', 'retry', '--app', 'Jira'], env)).code).toBe(
      5,
    );

    const completed = await json(['offboarding', 'complete', 'ann@acme.io']);
    expect(completed).toMatchObject({ status: 'completed', completedHow: 'manual' });
    expect(completed.completedBy).toMatch(/^cli:/);
    expect(await json(['offboarding', 'candidates'])).toEqual([]);
    expect((await json(['offboarding', 'reopen', 'ann@acme.io'])).status).toBe('in_progress');
    // Each command is a process of its own that opens the database: minutes on a loaded machine.
  }, 600_000);
});
