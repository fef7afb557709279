import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { addSource } from '../../src/modules/sources/sources.service.js';
import { eventually } from '../support/eventually.js';
import { testServer } from '../support/http.js';
import { lanes, openTestRoster, type TestRoster } from '../support/test-roster.js';

/** A provider that answers each snapshot request only when the test releases it: a sync as long as the test wants. */
function heldProvider() {
  const waiting: ServerResponse[] = [];
  const server: Server = createServer((_req: IncomingMessage, res) => void waiting.push(res));
  return {
    listen: () => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)),
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/snapshot`,
    waiting: () => waiting.length,
    release: () => {
      for (const res of waiting.splice(0))
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ users: [{ email: 'ann@acme.io', status: 'active' }] }));
    },
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

describe.each(lanes)('POST /api/sources/{ref}/sync on %s', (lane) => {
  let roster: TestRoster;
  let as: Awaited<ReturnType<typeof testServer>>['as'];
  const provider = heldProvider();
  /** A server of its own per test: stopping one is what a test does. */
  const serve = () => buildServer(roster, { logger: false });

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    await provider.listen();
    const first = await testServer(roster);
    as = first.as;
    await first.app.close();
    await addSource(roster, 'test', {
      kind: 'json-url',
      name: 'Intranet',
      config: { app: 'Slack', url: provider.url() },
      credentials: { token: 'provider-token' },
    });
  });
  afterAll(async () => {
    provider.close();
    await roster.close();
  });

  it('answers 202 with the running run before the sync ends, and the run is followed to its end', async () => {
    const app = await serve();
    try {
      const started = await app.inject({
        method: 'POST',
        url: '/api/sources/Intranet/sync',
        headers: as('editor'),
      });
      // The provider has not answered yet: the sync is still fetching when the request is answered.
      expect(started.statusCode, started.body).toBe(202);
      const run = started.json();
      expect(run).toMatchObject({
        status: 'running',
        source: 'Intranet',
        links: { run: `/api/sync-runs/${run.id}` },
      });
      expect(started.headers.location).toBe(`/api/sync-runs/${run.id}`);
      const again = await app.inject({
        method: 'POST',
        url: '/api/sources/Intranet/sync',
        headers: as('editor'),
      });
      expect(again.statusCode).toBe(409);

      await eventually(
        async () => provider.waiting(),
        (n) => n > 0,
        { what: 'the provider to be asked' },
      );
      provider.release();
      const ended = await eventually(
        async () => (await app.inject({ url: run.links.run, headers: as('read-only') })).json(),
        (r) => r.status !== 'running',
        { what: 'the run to end' },
      );
      expect(ended).toMatchObject({ id: run.id, status: 'succeeded', added: 1, errorCode: null });
    } finally {
      await app.close();
    }
  });

  it('answers what stops a sync from starting at once: an unknown source 404, a push source 400', async () => {
    const app = await serve();
    try {
      const unknown = await app.inject({
        method: 'POST',
        url: '/api/sources/nothing/sync',
        headers: as('editor'),
      });
      expect(unknown.statusCode).toBe(404);
      await addSource(roster, 'test', { kind: 'csv', name: 'Uploads', config: { app: 'Notion' } });
      const push = await app.inject({
        method: 'POST',
        url: '/api/sources/Uploads/sync',
        headers: as('editor'),
      });
      expect(push.statusCode).toBe(400);
      expect(push.json().error.message).toMatch(/fed by imports/);
    } finally {
      await app.close();
    }
  });

  it('cancels a sync still running when the server stops: the run ends cancelled, having applied nothing', async () => {
    const app = await serve();
    const started = await app.inject({
      method: 'POST',
      url: '/api/sources/Intranet/sync',
      headers: as('editor'),
    });
    expect(started.statusCode, started.body).toBe(202);
    await eventually(
      async () => provider.waiting(),
      (n) => n > 0,
      { what: 'the provider to be asked' },
    );
    await app.close();
    const run = await roster.database.db
      .selectFrom('sync_runs')
      .select(['status', 'added'])
      .where('id', '=', started.json().id)
      .executeTakeFirstOrThrow();
    expect(run).toEqual({ status: 'cancelled', added: 0 });
  });
});
