import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { withMigratedDatabase } from '../support/test-roster.js';

describe('roster workflows', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roster-workflows-cli-'));
  const env = { ROSTER_DATA_DIR: withMigratedDatabase(join(dir, 'data')), ROSTER_FILES_DIR: dir };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const json = async (args: string[], code = 0) => {
    const result = await runCli([...args, '--json'], env);
    expect(result.code, result.stderr).toBe(code);
    return JSON.parse(result.stdout);
  };

  const file = join(dir, 'wf.json');
  // Each command is a process of its own: the steps are split so each test stays within its time.
  it('refuses a bad file naming the error, creates from a good one, and tests it without acting', async () => {
    writeFileSync(
      join(dir, 'hr.csv'),
      'email,name,status\nann@acme.io,Ann Lee,terminated\nbob@acme.io,Bob,active\n',
    );
    expect(
      (
        await runCli(
          ['sources', 'add', 'hr-csv', '--name', 'HR', '--config', JSON.stringify({ file: 'hr.csv' })],
          env,
        )
      ).code,
    ).toBe(0);
    expect((await runCli(['sync', 'HR'], env)).code).toBe(0);
    writeFileSync(join(dir, 'jira.csv'), 'email,status\nann@acme.io,active\nbob@acme.io,active\n');
    expect((await runCli(['import', 'csv', '--app', 'Jira', join(dir, 'jira.csv')], env)).code).toBe(0);
    writeFileSync(
      file,
      JSON.stringify({
        name: 'Leavers',
        trigger: { type: 'matches', entity: 'person' },
        conditions: { all: [{ field: 'person.status', op: 'equals', value: 'past' }] },
        actions: [{ type: 'offboarding.start', force_reason: '' }],
      }),
    );
    const refused = await runCli(['workflows', 'create', '--file', file], env);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('actions[0].force_reason');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'Leavers',
        trigger: { type: 'matches', entity: 'person' },
        conditions: { all: [{ field: 'person.status', op: 'equals', value: 'past' }] },
        actions: [{ type: 'offboarding.start' }],
      }),
    );
    expect(await json(['workflows', 'create', '--file', file])).toMatchObject({ version: 1 });
    expect(await json(['workflows', 'test', 'Leavers'])).toMatchObject({
      matching: 1,
      items: [{ actions: [{ summary: 'Start the offboarding of ann@acme.io' }] }],
    });
  }, 240_000);

  it('enables, exports, and updates from the export as a new version', async () => {
    expect(await json(['workflows', 'enable', 'Leavers'])).toEqual({ name: 'Leavers', enabled: true });
    const exported = await runCli(['workflows', 'export', 'Leavers'], env);
    writeFileSync(file, exported.stdout);
    expect(await json(['workflows', 'update', '--file', file])).toMatchObject({
      version: 2,
      document: { enabled: true },
    });
    expect(await json(['workflows', 'list'])).toMatchObject([{ name: 'Leavers', version: 2, enabled: true }]);
    expect(await json(['workflows', 'runs', 'Leavers'])).toEqual([]);
  }, 240_000);

  it("sets an action type's credentials from a file and lists them as set, never showing them", async () => {
    const creds = join(dir, 'creds.json');
    const token = 'xoxb-0000-cli-secret';
    writeFileSync(creds, JSON.stringify({ botToken: token }));
    const set = await runCli(['workflows', 'credentials', 'set', 'slack.message', '--file', creds], env);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe('slack.message: credentials set\n');
    const list = await runCli(['workflows', 'credentials', 'list', '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).not.toContain(token);
    expect(JSON.parse(list.stdout).map((c: { type: string; set: boolean }) => [c.type, c.set])).toEqual([
      ['slack.message', true],
      ['jira.issue', false],
    ]);
  }, 240_000);
});
