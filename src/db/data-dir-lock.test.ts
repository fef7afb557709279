import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirInUseError } from './data-dir-lock.js';

const holderScript = fileURLToPath(new URL('../../test/support/hold-data-dir.ts', import.meta.url));

type Outcome = { held: true; child: ChildProcess } | { held: false; code: number | null; stderr: string };

/** Starts a process that tries to lock dataDir; settles when it holds the lock or has given up. */
function contend(dataDir: string): Promise<Outcome> {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, dataDir], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('held')) resolve({ held: true, child });
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ held: false, code, stderr }));
  });
}

function ended(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.on('close', () => resolve());
  });
}

describe('data directory lock', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const newDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    for (const child of children.splice(0)) {
      child.stdin?.end();
      await ended(child);
    }
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('lets exactly one of two racing processes in; the other is told the directory is in use', async () => {
    const dataDir = newDataDir();
    const outcomes = await Promise.all([contend(dataDir), contend(dataDir)]);
    for (const o of outcomes) if (o.held) children.push(o.child);
    expect(outcomes.filter((o) => o.held)).toHaveLength(1);
    const refused = outcomes.find((o) => !o.held);
    expect(refused).toMatchObject({ held: false, code: 7 });
    expect(refused && !refused.held && refused.stderr).toContain('is in use by another Roster process');
  });

  it('is free again once its holder is killed with SIGKILL', async () => {
    const dataDir = newDataDir();
    const first = await contend(dataDir);
    if (!first.held) throw new Error(`the first process could not lock: ${first.stderr}`);
    first.child.kill('SIGKILL');
    await ended(first.child);
    const next = await contend(dataDir);
    if (next.held) children.push(next.child);
    expect(next.held).toBe(true);
  });

  it('ignores a process id left in the lock file, which another container may reuse for a live process', async () => {
    const dataDir = newDataDir();
    // Pid 1 always runs; a lock file naming it says nothing about whether a Roster holds the directory.
    writeFileSync(join(dataDir, 'roster.lock'), '1');
    const release = acquireDataDirLock(dataDir);
    release();
  });

  it('refuses a second opener inside the same process until the first releases', () => {
    const dataDir = newDataDir();
    const release = acquireDataDirLock(dataDir);
    expect(() => acquireDataDirLock(dataDir)).toThrow(DataDirInUseError);
    release();
    acquireDataDirLock(dataDir)();
  });
});
