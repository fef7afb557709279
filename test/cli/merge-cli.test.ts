import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { withMigratedDatabase } from '../support/test-roster.js';

describe('roster merge', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roster-merge-cli-'));
  const env = { ROSTER_DATA_DIR: withMigratedDatabase(join(dir, 'data')), ROSTER_FILES_DIR: dir };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('configures, previews, applies and finds the person by an alias', async () => {
    writeFileSync(
      join(dir, 'hr.csv'),
      'email,name,status,personal_email\nann@acme.io,Ann Lee,active,ann.lee@gmail.com\n',
    );
    writeFileSync(join(dir, 'zoom.csv'), 'email\nann@acme.io\nann.lee@gmail.com\n');
    const hr = await runCli(
      ['sources', 'add', 'hr-csv', '--name', 'HR', '--config', JSON.stringify({ file: 'hr.csv' })],
      env,
    );
    expect(hr.code, hr.stderr).toBe(0);
    expect((await runCli(['sync', 'HR'], env)).code).toBe(0);
    expect((await runCli(['import', 'csv', '--app', 'Zoom', join(dir, 'zoom.csv')], env)).code).toBe(0);

    const wrong = await runCli(['merge', 'configure', '--source', 'HR', '--fields', 'proxyAddresses'], env);
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain('personal_email');

    const preview = await runCli(
      ['merge', 'configure', '--source', 'HR', '--fields', 'personal_email', '--json'],
      env,
    );
    expect(preview.code, preview.stderr).toBe(0);
    expect(JSON.parse(preview.stdout)).toMatchObject({
      usersBefore: 2,
      usersAfter: 1,
      merges: [{ primary: 'ann@acme.io', aliases: ['ann.lee@gmail.com'] }],
    });

    const applied = await runCli(['merge', 'apply'], env);
    expect(applied.stdout).toContain('Merged 1 email');
    const person = JSON.parse((await runCli(['users', 'show', 'ann.lee@gmail.com', '--json'], env)).stdout);
    expect(person).toMatchObject({
      primaryEmail: 'ann@acme.io',
      emails: [{ email: 'ann@acme.io' }, { email: 'ann.lee@gmail.com' }],
    });
    // Each command is a process of its own that opens the database: minutes on a loaded machine.
  }, 600_000);
});
