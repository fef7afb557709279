import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { listMigrations } from '../../src/db/migrate.js';
import { runCli } from '../support/cli.js';

/** The CLI on an embedded install: rotating its key file, and commands that only read. */
describe('roster CLI on an embedded install', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'roster-cli-keys-'));
    env = { ROSTER_DATA_DIR: join(dir, 'data') };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rotates the key file and keeps reading the credentials it re-sealed', async () => {
    const added = await runCli(
      [
        'sources',
        'add',
        'json-url',
        '--name',
        'Intranet',
        '--config',
        '{"app":"Slack","url":"https://intranet.acme.test/s.json"}',
        '--credentials',
        '{"token":"t0ken-value"}',
      ],
      env,
    );
    expect(added.code, added.stderr).toBe(0);
    const keyBefore = readFileSync(join(dir, 'data', 'secret.key'), 'utf8');

    const rotated = await runCli(['secrets', 'rotate'], env);
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toMatch(/Re-sealed 1 stored credentials under key id [0-9a-f]{16}/);
    expect(rotated.stdout).not.toContain('t0ken-value');
    expect(readFileSync(join(dir, 'data', 'secret.key'), 'utf8')).not.toBe(keyBefore);

    const listed = await runCli(['sources', 'list', '--json'], env);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({ items: [{ name: 'Intranet', hasCredentials: true }] });
  }, 300_000); // three CLI processes, each opening the embedded database

  it('does not migrate for a command that only reads, and says how to', async () => {
    const last = listMigrations().at(-1)!.version;
    const database = await openDatabase(loadConfig({ ...env, ROSTER_LOG_LEVEL: 'silent' }).database);
    await database.db.deleteFrom('schema_migrations').where('version', '=', last).execute();
    await database.close();

    const listed = await runCli(['apps', 'list'], env);
    expect(listed.code).toBe(7);
    expect(listed.stderr).toContain(`pending (${last})`);
    expect(listed.stderr).toContain('roster migrate');

    const after = await openDatabase(loadConfig({ ...env, ROSTER_LOG_LEVEL: 'silent' }).database);
    const versions = await after.db.selectFrom('schema_migrations').select('version').execute();
    await after.close();
    expect(versions.map((v) => v.version)).not.toContain(last);
  });
});
