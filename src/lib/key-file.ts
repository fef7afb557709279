import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The generated key of an embedded install, in the data directory (mode 0600), and the next key a rotation
 * is about to commit. Ordering across a crash: the next key is written durably first, the database commits
 * the re-sealed values, then the next key replaces the current one by an atomic rename. Whatever the crash
 * point, one of the two files opens the database, and opening it settles which (`settle-key-file.ts`).
 */
export const keyFilePath = (dataDir: string) => join(dataDir, 'secret.key');
export const nextKeyFilePath = (dataDir: string) => join(dataDir, 'secret.key.next');

export function readKeyFile(path: string): Buffer {
  const mode = statSync(path).mode & 0o777;
  if (mode & 0o077) throw new Error(`${path} must be readable by its owner only (chmod 600 ${path})`);
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${path} does not hold a 256-bit key`);
  return key;
}

/** Reads the key file, creating it with a random key on first use. */
export function readOrCreateKeyFile(dataDir: string): Buffer {
  mkdirSync(dataDir, { recursive: true });
  const path = keyFilePath(dataDir);
  if (!existsSync(path)) writeDurably(path, randomBytes(32), 'wx');
  return readKeyFile(path);
}

export function readNextKeyFile(dataDir: string): Buffer | null {
  const path = nextKeyFilePath(dataDir);
  return existsSync(path) ? readKeyFile(path) : null;
}

/** Step 1 of a rotation: the next key on disk (flushed) before the database commits anything under it. */
export function writeNextKeyFile(dataDir: string, key: Buffer): void {
  writeDurably(nextKeyFilePath(dataDir), key, 'w');
}

/** Step 3 of a rotation, once the database committed: the next key becomes the key, atomically. */
export function promoteNextKeyFile(dataDir: string): void {
  renameSync(nextKeyFilePath(dataDir), keyFilePath(dataDir));
  syncDirectory(dataDir);
}

/** A next key whose rotation never committed is dropped. */
export function discardNextKeyFile(dataDir: string): void {
  rmSync(nextKeyFilePath(dataDir), { force: true });
}

function writeDurably(path: string, key: Buffer, flag: 'w' | 'wx'): void {
  const fd = openSync(path, flag, 0o600);
  try {
    writeSync(fd, key.toString('base64'));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  syncDirectory(dirname(path));
}

function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
