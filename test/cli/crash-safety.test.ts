import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { DataDirInUseError } from '../../src/db/data-dir-lock.js';
import { openRoster } from '../../src/roster.js';
import { runCli } from '../support/cli.js';

const rows = 30_000;
const csvWithName = (name: string) =>
  `email,name,status,role,license_types,last_used_at\n${Array.from({ length: rows }, (_, i) => `user${i}@acme.io,${name} ${i},active,,Pro,`).join('\n')}\n`;

/**
 * The embedded database runs with fsync off (PGlite's default): a process that dies keeps every committed
 * transaction, because the kernel already holds the writes. These tests kill -9 a real `roster` process.
 */
describe('embedded database under kill -9', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'roster-crash-'));
    env = { ROSTER_DATA_DIR: join(dir, 'data') };
    writeFileSync(join(dir, 'first.csv'), csvWithName('First'));
    writeFileSync(join(dir, 'second.csv'), csvWithName('Second'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function namesAfterRestart(): Promise<{
    first: number;
    second: number;
    runs: Record<string, number>;
  }> {
    const roster = await openRoster(loadConfig({ ...env, ROSTER_LOG_LEVEL: 'silent' }));
    try {
      const { db } = roster.database;
      const names = await db.selectFrom('accounts').select('name').where('removed_at', 'is', null).execute();
      const runs = await db.selectFrom('sync_runs').select(['status']).execute();
      return {
        first: names.filter((n) => n.name?.startsWith('First ')).length,
        second: names.filter((n) => n.name?.startsWith('Second ')).length,
        runs: Object.fromEntries(
          ['succeeded', 'failed', 'running'].map((status) => [
            status,
            runs.filter((r) => r.status === status).length,
          ]),
        ),
      };
    } finally {
      await roster.close();
    }
  }

  it('keeps a committed sync and leaves nothing of a sync killed while applying', async () => {
    const committed = await runCli(['import', 'csv', '--app', 'Slack', join(dir, 'first.csv')], env);
    expect(committed.code, committed.stderr).toBe(0);
    expect(await namesAfterRestart()).toMatchObject({ first: rows, second: 0 });

    for (const phase of ['fetched page', 'applying']) {
      const killed = await runCli(['import', 'csv', '--app', 'Slack', join(dir, 'second.csv')], env, {
        onStderr: (text, kill) => {
          if (text.includes(phase)) kill();
        },
      });
      expect(killed.signal).toBe('SIGKILL');
      const after = await namesAfterRestart();
      // All of the first file, none of the second: a killed sync is all or nothing.
      expect(after).toMatchObject({ first: rows, second: 0 });
      expect(after.runs.running ?? 0).toBe(0);
    }
  });

  it('refuses a second process on the same data directory with a clear message', async () => {
    let release!: () => void;
    const holding = new Promise<void>((r) => {
      release = r;
    });
    const child = runCli(['import', 'csv', '--app', 'Slack', join(dir, 'second.csv')], env, {
      onStderr: (text) => {
        if (text.includes('fetched page')) release();
      },
    });
    await holding;
    await expect(openRoster(loadConfig({ ...env, ROSTER_LOG_LEVEL: 'silent' }))).rejects.toBeInstanceOf(
      DataDirInUseError,
    );
    const other = await runCli(['apps', 'list'], env);
    expect(other.code).toBe(7);
    expect(other.stderr).toContain('in use by another Roster process');
    expect((await child).code).toBe(0);
  });
});
