import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addSource } from '../../src/modules/sources/sources.service.js';
import { createToken } from '../../src/modules/tokens/tokens.service.js';
import { openRoster } from '../../src/roster.js';
import { cliArgs, repoRoot } from '../support/cli.js';
import { eventually } from '../support/eventually.js';
import { loopbackAllow } from '../support/outbound.js';
import { testConfig } from '../support/test-roster.js';

const dir = mkdtempSync(join(tmpdir(), 'roster-serve-stop-'));
const listenPort = (server: Server) => (server.address() as AddressInfo).port;

/**
 * `roster serve` as systemd stops it (docs/running-roster.md): SIGTERM while a sync waits on its provider
 * ends that run cancelled, having applied nothing, and the process exits 0 without waiting for the provider.
 */
describe('roster serve stopped with SIGTERM', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('cancels the sync it runs, applies nothing, and exits cleanly', async () => {
    // A provider that takes the request and never answers: the sync is still fetching when the stop comes.
    let reached!: () => void;
    const requestReached = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const provider = createServer(() => reached());
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));

    const dataDir = join(dir, 'data');
    const setup = await openRoster(testConfig(dataDir));
    await addSource(setup, 'test', {
      kind: 'json-url',
      name: 'Slow feed',
      config: { app: 'Slack', url: `http://127.0.0.1:${listenPort(provider)}/snapshot.json` },
      credentials: { token: 'feed-token' },
      schedule: null,
    });
    const { token } = await createToken(setup, 'test', { name: 'stop', role: 'admin' });
    await setup.close();

    const child = spawn(process.execPath, [...cliArgs, 'serve', '--port', '0'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        ROSTER_DATA_DIR: dataDir,
        ROSTER_LOG_LEVEL: 'warn',
        ROSTER_OUTBOUND_ALLOW: loopbackAllow,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      let out = '';
      const base = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const match = /Roster is serving at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        void exited.then((code) => reject(new Error(`serve exited with ${code}: ${out}`)));
      });
      const started = await fetch(`${base}/api/sources/${encodeURIComponent('Slow feed')}/sync`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(started.status).toBe(202);
      await requestReached;

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      provider.closeAllConnections();
      provider.close();
    }

    const after = await openRoster(testConfig(dataDir));
    try {
      const run = await eventually(
        () => after.database.db.selectFrom('sync_runs').selectAll().executeTakeFirstOrThrow(),
        (r) => r.status !== 'running',
        { what: 'the run to end' },
      );
      expect(run).toMatchObject({ status: 'cancelled', added: 0 });
      expect(run.error_message).toBe(
        'The sync was cancelled: Roster was stopped (SIGTERM); nothing was changed',
      );
      expect(await after.database.db.selectFrom('accounts').select('id').execute()).toEqual([]);
    } finally {
      await after.close();
    }
  }, 300_000);
});
