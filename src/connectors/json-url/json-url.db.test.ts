import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { addSource, getSource, syncSource } from '../../modules/sources/sources.service.js';

/** An endpoint on this machine, counting the connections it accepts: a refused address must see none. */
async function endpoint(handle: (req: IncomingMessage, res: ServerResponse) => void, host = '127.0.0.1') {
  let connections = 0;
  const server = createServer(handle);
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const snapshot = { users: [{ email: 'ann@acme.io', status: 'active' }] };

describe.each(lanes)('json-url requests on %s', (lane) => {
  // Two installations: one with no allowances, one that opens only 127.0.0.1, with a small cap and deadline.
  let closed: TestRoster;
  let opened: TestRoster;
  const endpoints: { close(): Promise<unknown> }[] = [];
  let sources = 0;

  beforeAll(async () => {
    closed = await openTestRoster(lane, { ROSTER_OUTBOUND_ALLOW: '' });
    opened = await openTestRoster(lane, {
      ROSTER_OUTBOUND_ALLOW: '127.0.0.1',
      ROSTER_OUTBOUND_MAX_BYTES: '65536',
      ROSTER_OUTBOUND_TIMEOUT_MS: '2000',
    });
  });
  afterEach(async () => {
    await Promise.all(endpoints.splice(0).map((o) => o.close()));
  });
  afterAll(async () => {
    await closed?.close();
    await opened?.close();
  });

  async function serve(handle: (req: IncomingMessage, res: ServerResponse) => void, host?: string) {
    const running = await endpoint(handle, host);
    endpoints.push(running);
    return running;
  }
  async function syncFrom(roster: TestRoster, url: string, extra: Record<string, unknown> = {}) {
    const name = `Intranet feed ${++sources}`;
    await addSource(roster, 'test', {
      kind: 'json-url',
      name,
      config: { app: 'Slack', url, ...extra },
      credentials: { token: 'feed-token' },
      schedule: null,
    });
    return { name, result: await syncSource(roster, 'test', name) };
  }

  it('refuses a loopback endpoint without the allow list, before connecting, and says how to open it', async () => {
    const inside = await serve((_req, res) => res.writeHead(200).end(JSON.stringify(snapshot)));
    const { name, result } = await syncFrom(closed, `${inside.url}/snapshot`);
    expect(result.status).toBe('failed');
    expect(result.error?.message).toBe(
      `The endpoint ${new URL(inside.url).host} (/snapshot): refused: 127.0.0.1 is a loopback address; add it to ROSTER_OUTBOUND_ALLOW to allow it`,
    );
    expect(inside.connections).toBe(0);
    expect((await getSource(closed, name)).health.message).toContain('127.0.0.1 is a loopback address');
  });

  it('imports from an endpoint the allow list opens', async () => {
    const inside = await serve((_req, res) => res.writeHead(200).end(JSON.stringify(snapshot)));
    const { result } = await syncFrom(opened, `${inside.url}/snapshot`);
    expect(result.error).toBeNull();
    expect(result.counters.added).toBeGreaterThan(0);
  });

  it('refuses a redirect to an address the allow list does not open, without reaching it', async () => {
    // 127.0.0.2 is loopback too, but only 127.0.0.1 is allowed.
    const inside = await serve((_req, res) => res.writeHead(200).end(JSON.stringify(snapshot)), '127.0.0.2');
    const outside = await serve((_req, res) =>
      res.writeHead(302, { location: `${inside.url}/internal` }).end(),
    );
    const { result } = await syncFrom(opened, `${outside.url}/feed`);
    expect(result.status).toBe('failed');
    expect(result.error?.message).toContain('refused: 127.0.0.2 is a loopback address');
    expect(inside.connections).toBe(0);
  });

  it('never repeats the answer’s field names or values in the run’s error', async () => {
    const metadata = { 'ami-id': 'ami-0f00ba4', 'instance-id': 'i-0c0ffee', 'iam-role': 'roster-prod' };
    const inside = await serve((_req, res) => res.writeHead(200).end(JSON.stringify(metadata)));
    const { name, result } = await syncFrom(opened, `${inside.url}/latest/meta-data`);
    expect(result.error?.code).toBe('invalid_data');
    const shown = JSON.stringify([result.error, (await getSource(opened, name)).health]);
    for (const leaked of [...Object.keys(metadata), ...Object.values(metadata)])
      expect(shown).not.toContain(leaked);
    expect(shown).toContain('expected array');
  });

  it('fails the run on an answer larger than the cap, chunked without a length', async () => {
    const inside = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"users":[');
      const user = JSON.stringify(snapshot.users[0]);
      // Far more than the cap, written as the client reads.
      let left = 2000;
      const more = () => {
        while (left-- > 0) if (!res.write(`${user},`)) return void res.once('drain', more);
        res.end(`${user}]}`);
      };
      more();
    });
    const { result } = await syncFrom(opened, `${inside.url}/snapshot`);
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('invalid_data');
    expect(result.error?.message).toContain('answer larger than 65536 bytes (ROSTER_OUTBOUND_MAX_BYTES)');
  });

  it('fails the run when the answer trickles in slower than the deadline', async () => {
    const timers: NodeJS.Timeout[] = [];
    endpoints.push({ close: async () => timers.forEach(clearInterval) });
    const inside = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"users":[');
      const timer = setInterval(() => res.write(' '), 20);
      timers.push(timer);
      res.on('close', () => clearInterval(timer));
    });
    const { result } = await syncFrom(opened, `${inside.url}/snapshot`, { http: { maxAttempts: 1 } });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('transient');
    expect(result.error?.message).toContain('no complete answer within 2 s');
  });
});
