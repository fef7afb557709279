import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import type { Config } from '../../config.js';
import { acquireDataDirLock } from '../../db/data-dir-lock.js';
import { openDatabase } from '../../db/database.js';
import { listMigrations, pendingMigrations } from '../../db/migrate.js';
import { invalidInput, RosterError } from '../../lib/errors.js';
import { openRoster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';
import { restoreServerDatabase } from './server-backup.js';

export interface RestoreResult {
  /** Where the database that was replaced now is (kept, never deleted), or null when there was none. */
  keptAt: string | null;
  /** Migrations the backup lacked, applied after restoring it (a backup from an older Roster). */
  migrated: string[];
}

const stamp = (at: Date) =>
  at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
const holdsDatabase = (dir: string) => existsSync(dir) && readdirSync(dir).length > 0;

/**
 * Restores a backup into the embedded data directory, with Roster stopped (the data directory's lock
 * refuses a running server). The backup is unpacked beside the current database and checked (a Roster
 * database this Roster can run) before anything moves; the database it replaces is kept beside it; and if
 * the restored database does not open with this installation's key, everything is put back as it was.
 */
export async function restoreBackup(
  config: Config,
  file: string,
  options: { replace?: boolean; actor: string; now?: Date },
): Promise<RestoreResult> {
  if (config.database.kind === 'pg')
    return restoreIntoServer(config, config.database.url, file, options.actor);
  const { dataDir } = config;
  const current = join(dataDir, 'pgdata');
  if (holdsDatabase(current) && !options.replace) {
    throw new RosterError(
      'conflict',
      `${dataDir} already holds a database: pass --replace to restore over it (it is kept as pgdata.before-restore-…)`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw invalidInput(`Cannot read ${file}`, [{ field: 'file', message: (error as Error).message }]);
  }
  const at = stamp(options.now ?? new Date());
  const releaseLock = acquireDataDirLock(dataDir);
  const staging = join(dataDir, `restore-${at}`);
  let keptAt: string | null = null;
  try {
    mkdirSync(staging, { mode: 0o700 });
    await unpack(bytes, file, join(staging, 'pgdata'));
    await checkRestorable(staging, file);
    if (holdsDatabase(current)) {
      keptAt = join(dataDir, `pgdata.before-restore-${at}`);
      renameSync(current, keptAt);
    } else if (existsSync(current)) rmSync(current, { recursive: true });
    renameSync(join(staging, 'pgdata'), current);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    releaseLock();
  }
  try {
    const before = new Set((await readAppliedVersions(config)) ?? []);
    const roster = await openRoster(config);
    try {
      await writeAudit(roster.database.db, {
        actor: options.actor,
        action: 'backup.restore',
        targetType: 'backup',
        after: { file, keptAt },
      });
    } finally {
      await roster.close();
    }
    return {
      keptAt,
      migrated: listMigrations()
        .map((m) => m.version)
        .filter((v) => !before.has(v)),
    };
  } catch (error) {
    // The restored database does not open here (most often: sealed under another key): put the old one back.
    const failed = join(dataDir, `pgdata.failed-restore-${at}`);
    renameSync(current, failed);
    if (keptAt) renameSync(keptAt, current);
    rmSync(failed, { recursive: true, force: true });
    throw error;
  }
}

async function unpack(bytes: Buffer, file: string, into: string) {
  let pglite: PGlite;
  try {
    // PGlite decompresses a tarball only when told it is gzipped; `roster backup` always gzips.
    const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
    const blob = new Blob([new Uint8Array(bytes)], gzipped ? { type: 'application/x-gzip' } : {});
    pglite = await PGlite.create({ dataDir: into, loadDataDir: blob });
  } catch (error) {
    throw invalidInput(`${file} is not a Roster backup`, [
      { field: 'file', message: `cannot be unpacked as a database: ${(error as Error).message}` },
    ]);
  }
  await pglite.close();
}

/** A Roster database, migrated by this Roster or an older one (a newer one's schema is unknown here). */
async function checkRestorable(staging: string, file: string) {
  const database = await openDatabase({ kind: 'pglite', dataDir: staging });
  try {
    const pending = await pendingMigrations(database);
    if (pending.length === listMigrations().length) {
      throw invalidInput(`${file} is not a Roster backup`, [
        { field: 'file', message: 'the database in it holds no Roster schema' },
      ]);
    }
  } finally {
    await database.close();
  }
}

async function readAppliedVersions(config: Config): Promise<string[] | null> {
  const database = await openDatabase(config.database);
  try {
    const rows = await database.db.selectFrom('schema_migrations').select('version').execute();
    return rows.map((r) => r.version);
  } finally {
    await database.close();
  }
}

/**
 * A server database is restored only into an empty database (create one, point DATABASE_URL at it): a
 * database that holds Roster's tables is refused, so a restore never mixes two installations' data.
 */
async function restoreIntoServer(
  config: Config,
  url: string,
  file: string,
  actor: string,
): Promise<RestoreResult> {
  const database = await openDatabase({ kind: 'pg', url });
  try {
    const { rows } = await sql<{ tables: number }>`select count(*)::int as tables from pg_tables
      where schemaname = 'public'`.execute(database.db);
    if ((rows[0]?.tables ?? 0) > 0)
      throw new RosterError(
        'conflict',
        'The database DATABASE_URL names is not empty: restore into a new, empty database and point DATABASE_URL at it',
      );
  } finally {
    await database.close();
  }
  if (!existsSync(file))
    throw invalidInput(`Cannot read ${file}`, [{ field: 'file', message: 'no such file' }]);
  await restoreServerDatabase(url, file);
  const before = new Set((await readAppliedVersions(config)) ?? []);
  const roster = await openRoster(config);
  try {
    await writeAudit(roster.database.db, {
      actor,
      action: 'backup.restore',
      targetType: 'backup',
      after: { file },
    });
  } finally {
    await roster.close();
  }
  return {
    keptAt: null,
    migrated: listMigrations()
      .map((m) => m.version)
      .filter((v) => !before.has(v)),
  };
}
