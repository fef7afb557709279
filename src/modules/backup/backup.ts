import { stat, writeFile } from 'node:fs/promises';
import { RosterError } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';
import { dumpServerDatabase } from './server-backup.js';

/** A backup of the embedded database: PGlite's gzipped tarball of its files. */
export interface Backup {
  blob: Blob;
  fileName: string;
}

/** `roster-backup-2026-11-30T17-20-05Z.tar.gz`: sorts by time, safe in every file system. */
export const backupFileName = (at: Date) =>
  `roster-backup-${at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-')}.tar.gz`;

/**
 * Takes a consistent copy of the embedded database while Roster keeps running: the dump waits for the
 * query in progress and holds the next ones until it is done. A PostgreSQL server is backed up with its
 * own tools, which copy it without stopping anyone.
 */
export async function createBackup(roster: Roster, actor: string, now = new Date()): Promise<Backup> {
  const { database } = roster;
  if (!database.dumpDataDir) {
    throw new RosterError(
      'conflict',
      'This Roster stores its data in a PostgreSQL server (DATABASE_URL): back it up with pg_dump --format=custom, restore it with pg_restore',
    );
  }
  const blob = await database.dumpDataDir();
  const fileName = backupFileName(now);
  await writeAudit(database.db, {
    actor,
    action: 'backup.create',
    targetType: 'backup',
    targetId: null,
    before: null,
    after: { fileName, bytes: blob.size },
  });
  return { blob, fileName };
}

/**
 * `roster backup <file>`: the embedded database through PGlite's dump, a server database through
 * `pg_dump --format=custom`. Either way Roster may keep running. The file is readable by its owner only:
 * it holds everything Roster knows (credentials stay sealed under the key, which is not in it).
 */
export async function backupToFile(
  roster: Roster,
  actor: string,
  file: string,
): Promise<{ file: string; bytes: number; database: 'embedded' | 'server' }> {
  const { database, config } = roster;
  if (config.database.kind === 'pg') {
    await dumpServerDatabase(config.database.url, file);
    const { size } = await stat(file);
    await writeAudit(database.db, {
      actor,
      action: 'backup.create',
      targetType: 'backup',
      after: { file, bytes: size, database: 'server' },
    });
    return { file, bytes: size, database: 'server' };
  }
  const backup = await createBackup(roster, actor);
  await writeFile(file, new Uint8Array(await backup.blob.arrayBuffer()), { mode: 0o600 });
  return { file, bytes: backup.blob.size, database: 'embedded' };
}
