import { existsSync, mkdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { tarEntries } from './tar-entries.js';

const gunzipAsync = promisify(gunzip);

/** Where a data template is written before it becomes `pgdata`: beside it, so the final rename stays on one disk. */
export const unpackingDirOf = (pgdata: string) => `${pgdata}.unpacking`;

/**
 * Writes a gzipped tarball of a PostgreSQL data directory (the build's data template) to `pgdata`, which
 * must not hold a database. PGlite can load the tarball itself, but through its emulated file layer, file
 * by file: seconds for the template's 719 files where Node writes them in a fraction of one. PGlite then
 * opens the directory as one it made before.
 *
 * The files go to a directory beside `pgdata` first and are renamed into place at the end, so a start that
 * is interrupted leaves no half-written database: the next one finds none and starts over (the caller holds
 * the data directory's lock, so nothing else writes there meanwhile). Its folders are the owner's only
 * (PostgreSQL's own rule for a data directory), whatever mode PGlite later gives the files it writes.
 */
export async function unpackDataDir(gzippedTarball: Uint8Array, pgdata: string): Promise<void> {
  const unpacking = unpackingDirOf(pgdata);
  rmSync(unpacking, { recursive: true, force: true });
  // Decompressed on libuv's thread pool: the main thread meanwhile loads the server's modules.
  const archive = await gunzipAsync(gzippedTarball);
  mkdirSync(unpacking, { mode: 0o700 });
  try {
    for (const entry of tarEntries(archive)) {
      const path = join(unpacking, entry.path);
      if (entry.kind === 'directory') mkdirSync(path, { recursive: true, mode: 0o700 });
      else {
        mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
        writeFileSync(path, entry.data, { mode: 0o600 });
      }
    }
    // An empty `pgdata` counts as no database and gives way; rmdir refuses one that holds anything.
    if (existsSync(pgdata)) rmdirSync(pgdata);
    renameSync(unpacking, pgdata);
  } catch (error) {
    rmSync(unpacking, { recursive: true, force: true });
    throw error;
  }
}
