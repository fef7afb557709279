import { RosterError } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';

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
