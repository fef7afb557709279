import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { addSource, syncSource } from '../../src/modules/sources/sources.service.js';
import { createToken } from '../../src/modules/tokens/tokens.service.js';
import { syncThroughApi } from '../support/follow-sync.js';
import { lanes, openTestRoster, type TestRoster } from '../support/test-roster.js';

const secret = 'PLANTED-SECRET-7f3a9c1e5b2d4a6c8e0f';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** A provider endpoint that serves a snapshot only to the planted token. */
function snapshotEndpoint(): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.headers.authorization !== `Bearer ${secret}`) {
      res.writeHead(401).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ users: [{ email: 'a@acme.io', status: 'active' }] }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe.each(lanes)('credentials on %s', (lane) => {
  let roster: TestRoster;
  let endpoint: Server;
  const logLines: string[] = [];

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    endpoint = await snapshotEndpoint();
  });
  afterAll(async () => {
    endpoint.close();
    await roster.close();
  });

  it('are encrypted at rest, used for syncs, and never returned or logged', async () => {
    const url = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/snapshot`;
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    const app = await buildServer(roster, { logger: { level: 'trace', stream } as never });
    const { token } = await createToken(roster, 'test', { name: 'secret-test', role: 'admin' });
    const auth = { authorization: `Bearer ${token}` };

    const created = await app.inject({
      method: 'POST',
      url: '/api/sources',
      headers: auth,
      payload: {
        kind: 'json-url',
        name: 'Intranet feed',
        config: { app: 'Slack', url },
        credentials: { token: secret },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().hasCredentials).toBe(true);
    const synced = await syncThroughApi(app, 'Intranet feed', auth);
    expect(synced.status, synced.errorMessage ?? '').toBe('succeeded');
    const responses = [
      created.body,
      JSON.stringify(synced),
      (await app.inject({ url: '/api/sources', headers: auth })).body,
      (await app.inject({ url: '/api/sources/Intranet%20feed', headers: auth })).body,
      (await app.inject({ url: '/api/audit', headers: auth })).body,
      (await app.inject({ url: '/api/sync-runs', headers: auth })).body,
    ];
    // A bad credentials update must not echo the value back either.
    const rejected = await app.inject({
      method: 'POST',
      url: '/api/sources',
      headers: auth,
      payload: {
        kind: 'json-url',
        name: 'Broken',
        config: { app: 'Slack', url },
        credentials: { token: secret, extra: secret },
      },
    });
    expect(rejected.statusCode).toBe(400);
    responses.push(rejected.body);
    // One-time tokens travel in query strings: the log keeps the path only.
    await app.inject({ url: `/auth/link?token=${secret}` });
    await app.close();

    for (const body of responses) expect(body).not.toContain(secret);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('')).not.toContain(secret);

    // Every row of every table, as text.
    const { rows: tables } = await sql<{
      tablename: string;
    }>`select tablename from pg_tables where schemaname = 'public'`.execute(roster.database.db);
    let dump = '';
    for (const { tablename } of tables) {
      const { rows } = await sql`select * from ${sql.table(tablename)}`.execute(roster.database.db);
      dump += JSON.stringify(rows);
    }
    expect(dump).toContain('Intranet feed');
    expect(dump).not.toContain(secret);

    // The embedded database's files on disk, byte for byte (WAL included).
    if (lane === 'pglite') {
      await roster.database.afterLargeChange();
      const hits = filesUnder(roster.dataDir).filter((file) => readFileSync(file).includes(secret));
      expect(hits).toEqual([]);
      const walHasName = filesUnder(roster.dataDir).some((file) =>
        readFileSync(file).includes('Intranet feed'),
      );
      expect(walHasName).toBe(true);
    }
  });

  it('that the provider refuses put the source in needs attention as a credentials problem', async () => {
    const url = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/snapshot`;
    const source = await addSource(roster, 'test', {
      kind: 'json-url',
      name: 'Wrong token',
      config: { app: 'Slack', url },
      credentials: { token: 'wrong' },
    });
    const result = await syncSource(roster, 'test', source.id);
    expect(result.status).toBe('failed');
    const { getSource } = await import('../../src/modules/sources/sources.service.js');
    const view = await getSource(roster, source.id);
    expect(view.health).toMatchObject({ status: 'needs_attention', reason: 'credentials' });
    expect(view.health.message).toContain('401');
  });
});
