import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  createServerDatabase,
  lanes,
  openTestRoster,
  type TestRoster,
  testConfig,
  testServerKey,
} from '../../../test/support/test-roster.js';
import { openDatabase } from '../../db/database.js';
import { keyFilePath } from '../../lib/key-file.js';
import { openRoster } from '../../roster.js';
import { KeyMismatchError } from '../secrets/key-check.js';
import { backupToFile, createBackup } from './backup.js';
import { restoreBackup } from './restore.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'roster-backup-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};
// The database alone (no migrations, catalog or key): what a restore left in the data directory.
const organisationName = async (dataDir: string) => {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    const row = await database.db
      .selectFrom('organisation_settings')
      .select('name')
      .executeTakeFirstOrThrow();
    return row.name;
  } finally {
    await database.close();
  }
};
const rename = async (roster: Pick<TestRoster, 'database'>, name: string) =>
  roster.database.db.updateTable('organisation_settings').set({ name }).execute();

/** A backup file of an embedded Roster named "Backed up", and that Roster's data directory (closed). */
let shared: Promise<{ file: string; dataDir: string }> | undefined;
const backedUp = () => {
  shared ??= takeBackup();
  return shared;
};
afterAll(async () => {
  for (const fn of sharedCleanup.splice(0).reverse()) await fn();
});
const sharedCleanup: (() => Promise<void> | void)[] = [];

async function takeBackup(): Promise<{ file: string; dataDir: string }> {
  const roster = await openTestRoster('pglite');
  sharedCleanup.push(() => roster.close());
  await rename(roster, 'Backed up');
  const backup = await createBackup(roster, 'test');
  await rename(roster, 'Changed after the backup');
  const dir = mkdtempSync(join(tmpdir(), 'roster-backup-'));
  sharedCleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, backup.fileName);
  writeFileSync(file, new Uint8Array(await backup.blob.arrayBuffer()));
  const audit = await roster.database.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', '=', 'backup.create')
    .execute();
  expect(audit).toHaveLength(1);
  return { file, dataDir: roster.dataDir };
}

describe('backup and restore of the embedded database', () => {
  it('restores a backup taken while Roster ran into a new data directory holding the same key', async () => {
    const { file, dataDir } = await backedUp();
    const target = tempDir();
    copyFileSync(keyFilePath(dataDir), keyFilePath(target));
    const result = await restoreBackup(testConfig(target), file, { actor: 'test' });
    expect(result).toEqual({ keptAt: null, migrated: [] });
    expect(await organisationName(target)).toBe('Backed up');
  });

  it('refuses to restore over a database unless told, and then keeps the one it replaced', async () => {
    const { file, dataDir } = await backedUp();
    const target = tempDir();
    copyFileSync(keyFilePath(dataDir), keyFilePath(target));
    await restoreBackup(testConfig(target), file, { actor: 'test' });
    const roster = await openRoster(testConfig(target));
    await rename(roster, 'Current');
    await roster.close();

    await expect(restoreBackup(testConfig(target), file, { actor: 'test' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('--replace'),
    });
    expect(await organisationName(target)).toBe('Current');

    const result = await restoreBackup(testConfig(target), file, { actor: 'test', replace: true });
    expect(await organisationName(target)).toBe('Backed up');
    expect(result.keptAt).toMatch(/pgdata\.before-restore-/);
    // The replaced database is intact where the result says.
    rmSync(join(target, 'pgdata'), { recursive: true });
    const { renameSync } = await import('node:fs');
    renameSync(result.keptAt!, join(target, 'pgdata'));
    expect(await organisationName(target)).toBe('Current');
  });

  it('puts everything back when the restored database does not open with this installation’s key', async () => {
    const { file } = await backedUp();
    const target = tempDir();
    const other = await openRoster(testConfig(target)); // its own, different key file
    await rename(other, 'Other installation');
    await other.close();

    await expect(
      restoreBackup(testConfig(target), file, { actor: 'test', replace: true }),
    ).rejects.toBeInstanceOf(KeyMismatchError);
    expect(await organisationName(target)).toBe('Other installation');
    expect(readdirSync(target).filter((f) => f.startsWith('pgdata') || f.startsWith('restore-'))).toEqual([
      'pgdata',
    ]);
  });

  it('refuses a file that is not a Roster backup and moves nothing', async () => {
    const target = tempDir();
    const roster = await openRoster(testConfig(target));
    await rename(roster, 'Untouched');
    await roster.close();
    const file = join(tempDir(), 'not-a-backup.tar.gz');
    writeFileSync(file, 'this is not a database');

    await expect(
      restoreBackup(testConfig(target), file, { actor: 'test', replace: true }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      details: [expect.objectContaining({ field: 'file' })],
    });
    expect(await organisationName(target)).toBe('Untouched');
    expect(existsSync(join(target, 'pgdata'))).toBe(true);
    expect(readdirSync(target).some((f) => f.startsWith('restore-') || f.includes('before-restore'))).toBe(
      false,
    );
  });
});

describe.each(lanes.filter((lane) => lane === 'postgres'))('backup of a PostgreSQL server (%s)', (lane) => {
  it('round-trips through pg_dump and pg_restore into an empty database, and refuses a database in use', async () => {
    const roster = await openTestRoster(lane);
    cleanup.push(() => roster.close());
    await rename(roster, 'Backed up');
    await expect(createBackup(roster, 'test')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('pg_dump'),
    });
    const file = join(tempDir(), 'roster.dump');
    const result = await backupToFile(roster, 'test', file);
    expect(result).toMatchObject({ database: 'server', file });
    expect(result.bytes).toBeGreaterThan(0);

    await expect(restoreBackup(roster.config, file, { actor: 'test' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('empty database'),
    });

    const empty = await createServerDatabase();
    cleanup.push(() => empty.drop());
    const target = testConfig(tempDir(), { DATABASE_URL: empty.url, ROSTER_SECRET_KEY: testServerKey });
    expect(await restoreBackup(target, file, { actor: 'test' })).toEqual({ keptAt: null, migrated: [] });
    const restored = await openRoster(target);
    try {
      const row = await restored.database.db
        .selectFrom('organisation_settings')
        .select('name')
        .executeTakeFirstOrThrow();
      expect(row.name).toBe('Backed up');
    } finally {
      await restored.close();
    }
  });
});
