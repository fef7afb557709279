import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import fileLocks from 'fs-native-extensions';

export class DataDirInUseError extends Error {
  constructor(dataDir: string, holder: string) {
    super(
      `The data directory ${dataDir} is in use by another Roster process${holder ? ` (${holder})` : ''}. ` +
        'Stop that process first, or set DATABASE_URL to share a PostgreSQL server between processes.',
    );
  }
}

/** What the holder wrote about itself; only a hint for the message, never a reason to take the lock. */
function describeHolder(path: string): string {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return /^pid \d+ on [\w.-]+$/.test(text) ? text : '';
  } catch {
    return '';
  }
}

/**
 * Two processes on one PGlite directory corrupt it silently, so the first one holds an exclusive OS file
 * lock on `roster.lock` for as long as it runs (open-file-description locks on Linux, flock on macOS,
 * through fs-native-extensions, which ships prebuilt binaries: installing Roster needs no compiler). The
 * kernel drops the lock when the process ends, however it ends (kill -9 included), so there is nothing to
 * take over; and unlike a process id written in a file, it holds across containers sharing the directory,
 * where every process may be pid 1. A second opener in the same process is refused too: these locks
 * belong to each open of the file. Keep the data directory on a local disk.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'roster.lock');
  // Opened without truncating: the holder's note stays readable until the lock is ours.
  const fd = openSync(path, 'a+', 0o600);
  let locked: boolean;
  try {
    locked = fileLocks.tryLock(fd);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  if (!locked) {
    closeSync(fd);
    throw new DataDirInUseError(dataDir, describeHolder(path));
  }
  ftruncateSync(fd, 0);
  writeSync(fd, `pid ${process.pid} on ${hostname()}`);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    // The file stays: deleting it would let a newcomer lock a fresh file while another waits on the old one.
    fileLocks.unlock(fd);
    closeSync(fd);
  };
}
