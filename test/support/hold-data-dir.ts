/**
 * A process that takes a data directory's lock and keeps it until its stdin closes (or it is killed):
 * prints `held` once it has the lock, or the refusal on stderr and exits 7.
 */
import { acquireDataDirLock } from '../../src/db/data-dir-lock.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: hold-data-dir.ts <data dir>');
try {
  const release = acquireDataDirLock(dataDir);
  process.stdout.write('held\n');
  process.stdin.resume();
  process.stdin.on('end', () => {
    release();
    process.exit(0);
  });
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(7);
}
