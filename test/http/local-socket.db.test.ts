import { statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { userInfo } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeLocalSocket, listenOnLocalSocket, localSocketPath } from '../../src/http/local-socket.js';
import { buildServer } from '../../src/http/server.js';
import { openTestRoster, type TestRoster } from '../support/test-roster.js';

/** One request through a Unix socket, as the CLI sends it. */
function overSocket(path: string, url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ socketPath: path, path: url, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

// The socket belongs to the embedded database's data directory; a server database has no such directory lock.
describe('the local socket of a server on an embedded data directory', () => {
  let roster: TestRoster;
  beforeAll(async () => {
    roster = await openTestRoster('pglite');
  });
  afterAll(async () => roster.close());

  it('replaces a stale socket, opens to its owner only, treats its callers as the local admin, and goes at stop', async () => {
    const path = localSocketPath(roster.dataDir);
    // What a killed server left behind.
    writeFileSync(path, 'stale');
    const app = await buildServer(roster, { logger: false });
    await app.ready();
    const socket = await listenOnLocalSocket(app, roster.dataDir);
    try {
      expect(statSync(path).isSocket()).toBe(true);
      expect(statSync(path).mode & 0o777).toBe(0o600);

      const me = await overSocket(path, '/api/me');
      expect(me.status, me.body).toBe(200);
      expect(JSON.parse(me.body)).toEqual({
        actor: `cli:${userInfo().username}`,
        role: 'admin',
        kind: 'local',
      });
      const named = await overSocket(path, '/api/me', { 'x-roster-cli-user': 'ann' });
      expect(JSON.parse(named.body).actor).toBe('cli:ann');
      // A name that is not a user name is not written to the audit log: the server's user stands.
      const odd = await overSocket(path, '/api/me', { 'x-roster-cli-user': 'ann"; drop' });
      expect(JSON.parse(odd.body).actor).toBe(`cli:${userInfo().username}`);
      expect((await overSocket(path, '/api/tokens')).status).toBe(200);

      // The same request over the network, header included, is nobody's.
      const tcp = await app.inject({ url: '/api/me', headers: { 'x-roster-cli-user': 'ann' } });
      expect(tcp.statusCode).toBe(401);
    } finally {
      await closeLocalSocket(socket, roster.dataDir);
      await app.close();
    }
    expect(() => statSync(path)).toThrow(/ENOENT/);
  });
});
