import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAllowList } from './address-policy.js';
import type { ResolveHost } from './guarded-connector.js';
import { createOutboundClient, type OutboundClient, type OutboundSettings } from './outbound-client.js';
import { OutboundError } from './outbound-error.js';

interface TestServer {
  url: string;
  port: number;
  /** Requests answered and TCP connections accepted: a refused address must see neither. */
  readonly requests: IncomingMessage[];
  readonly connections: number;
  close(): Promise<void>;
}

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((o) => o.close()));
});

async function serve(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<TestServer> {
  const requests: IncomingMessage[] = [];
  let connections = 0;
  const server = createServer((req, res) => {
    requests.push(req);
    handle(req, res);
  });
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const running: TestServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  opened.push(running);
  return running;
}

const json = (body: unknown) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

/** A resolver answering from a table, so no test depends on real DNS. */
const resolver =
  (table: Record<string, string[]>): ResolveHost =>
  async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

function client(allow: string, extra: Partial<OutboundSettings> = {}): OutboundClient {
  const created = createOutboundClient({ policy: parseAllowList(allow), maxBytes: 1024 * 1024, ...extra });
  opened.push(created);
  return created;
}

async function failure(promise: Promise<unknown>): Promise<OutboundError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutboundError);
  return error as OutboundError;
}

describe('the outbound client', () => {
  it('refuses a loopback server without the allow list, before connecting to it', async () => {
    const server = await serve(json({ secret: 'inside' }));
    const error = await failure(client('').request(`${server.url}/latest/meta-data`));
    expect(error.problem).toBe('refused');
    expect(error.message).toBe(
      'refused: 127.0.0.1 is a loopback address; add it to ROSTER_OUTBOUND_ALLOW to allow it',
    );
    expect(server.connections).toBe(0);
    expect(server.requests).toHaveLength(0);
  });

  it('reaches an address inside an allow-listed range, over http', async () => {
    const server = await serve(json({ users: [] }));
    const answer = await client('127.0.0.0/8').request(`${server.url}/snapshot`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body.toString('utf8'))).toEqual({ users: [] });
  });

  it('reaches an allow-listed host name, whatever it resolves to', async () => {
    const server = await serve(json({ ok: true }));
    const answer = await client('mirror.corp.example', {
      resolveHost: resolver({ 'mirror.corp.example': ['127.0.0.1'] }),
    }).request(`http://mirror.corp.example:${server.port}/`);
    expect(answer.status).toBe(200);
  });

  it('refuses a host name that resolves to a private address (checked at connect time)', async () => {
    const error = await failure(
      client('', { resolveHost: resolver({ 'feed.example.com': ['10.0.0.5'] }) }).request(
        'https://feed.example.com/snapshot.json',
      ),
    );
    expect(error.problem).toBe('refused');
    expect(error.message).toBe(
      'refused: feed.example.com resolves to 10.0.0.5, a private address; add it to ROSTER_OUTBOUND_ALLOW to allow it',
    );
  });

  it('refuses a name with any refused address among its public ones', async () => {
    const error = await failure(
      client('', {
        resolveHost: resolver({ 'mixed.example.com': ['93.184.216.34', '169.254.169.254'] }),
      }).request('https://mixed.example.com/'),
    );
    expect(error.message).toContain('169.254.169.254, the cloud metadata address');
  });

  it('resolves and checks again at every connection, so a name that rebinds to a private address is refused', async () => {
    // The server closes every connection, so the second request opens a new one.
    const server = await serve((_req, res) => res.writeHead(200, { connection: 'close' }).end('{}'));
    const answers = [['127.0.0.1'], ['10.0.0.5']];
    const outbound = client('127.0.0.1', {
      resolveHost: async () => (answers.shift() ?? []).map((address) => ({ address, family: 4 })),
    });
    const url = `http://rebind.example.com:${server.port}/`;
    expect((await outbound.request(url)).status).toBe(200);
    const error = await failure(outbound.request(url));
    expect(error.message).toContain('rebind.example.com resolves to 10.0.0.5, a private address');
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a redirect to a private address, never reaching it', async () => {
    const inside = await serve(json({ 'ami-id': 'ami-123' }));
    const outside = await serve((_req, res) =>
      res.writeHead(302, { location: `${inside.url}/latest/meta-data` }).end(),
    );
    const outbound = client('public.example.com', {
      resolveHost: resolver({ 'public.example.com': ['127.0.0.1'] }),
    });
    const error = await failure(outbound.request(`http://public.example.com:${outside.port}/feed`));
    expect(error.problem).toBe('refused');
    expect(error.message).toContain('127.0.0.1 is a loopback address');
    expect(outside.requests).toHaveLength(1);
    expect(inside.connections).toBe(0);
  });

  it('refuses a redirect to a host name that resolves to a private address', async () => {
    const outside = await serve((_req, res) =>
      res.writeHead(301, { location: 'https://metadata.internal/computeMetadata/v1/' }).end(),
    );
    const outbound = client('127.0.0.1', {
      resolveHost: resolver({ 'metadata.internal': ['169.254.169.254'] }),
    });
    const error = await failure(outbound.request(`${outside.url}/feed`));
    expect(error.message).toContain(
      'metadata.internal resolves to 169.254.169.254, the cloud metadata address',
    );
  });

  it('follows an allowed redirect without sending the credentials on to another origin', async () => {
    const target = await serve(json({ users: [] }));
    const origin = await serve((_req, res) => res.writeHead(307, { location: `${target.url}/moved` }).end());
    const answer = await client('127.0.0.1').request(`${origin.url}/feed`, {
      headers: { authorization: 'Bearer planted', accept: 'application/json' },
    });
    expect(answer.status).toBe(200);
    expect(answer.url).toBe(`${target.url}/moved`);
    expect(origin.requests[0]!.headers.authorization).toBe('Bearer planted');
    expect(target.requests[0]!.headers.authorization).toBeUndefined();
    expect(target.requests[0]!.headers.accept).toBe('application/json');
  });

  it('stops following a redirect loop', async () => {
    const looping = await serve((req, res) => res.writeHead(302, { location: req.url ?? '/' }).end());
    const error = await failure(client('127.0.0.1', { maxRedirects: 3 }).request(`${looping.url}/a`));
    expect(error.problem).toBe('redirects');
    expect(looping.requests).toHaveLength(4);
  });

  it('refuses plain http to a public host that is not allow-listed', async () => {
    const outbound = client('', { resolveHost: resolver({ 'plain.example.com': ['93.184.216.34'] }) });
    const error = await failure(outbound.request('http://plain.example.com/feed'));
    expect(error.problem).toBe('refused');
    expect(error.message).toBe(
      'refused: http://plain.example.com is not encrypted; use https, or add the host to ROSTER_OUTBOUND_ALLOW to allow plain http',
    );
  });

  it('refuses other schemes', async () => {
    const error = await failure(client('').request('file:///etc/passwd'));
    expect(error).toMatchObject({
      problem: 'bad_url',
      message: 'refused: file: addresses are not fetched; use https',
    });
  });

  it('cuts off a chunked answer larger than the cap', async () => {
    let written = 0;
    const huge = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      // No content-length: the answer is chunked, so only counting while reading can catch it.
      const more = () => {
        while (written < 50 * 1024 * 1024) {
          written += 16 * 1024;
          if (!res.write('x'.repeat(16 * 1024))) return void res.once('drain', more);
        }
        res.end();
      };
      res.write('[');
      more();
    });
    const error = await failure(client('127.0.0.1', { maxBytes: 64 * 1024 }).request(huge.url));
    expect(error).toMatchObject({ problem: 'too_large', message: 'answer larger than 65536 bytes' });
    expect(written).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses an answer whose declared length passes the cap without reading it', async () => {
    const declared = await serve((_req, res) =>
      res.writeHead(200, { 'content-length': String(2 * 1024 * 1024) }).write('{"users":'),
    );
    const error = await failure(client('127.0.0.1').request(declared.url));
    expect(error.message).toBe('answer larger than 1048576 bytes');
  });

  it('times out an answer that trickles in slower than the deadline, the body included', async () => {
    let timer: NodeJS.Timeout | undefined;
    const drip = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      timer = setInterval(() => res.write(' '), 20);
      res.on('close', () => clearInterval(timer));
    });
    opened.push({ close: async () => clearInterval(timer) });
    const error = await failure(client('127.0.0.1', { timeoutMs: 300 }).request(drip.url));
    expect(error).toMatchObject({ problem: 'timeout', message: 'no complete answer within 300 ms' });
  });

  it('throws the caller’s own reason when the caller cancels', async () => {
    const silent = await serve(() => {});
    const controller = new AbortController();
    const pending = client('127.0.0.1').request(silent.url, { signal: controller.signal });
    const reason = new Error('cancelled by the admin');
    // Cancel once the request reached the server, so the cancellation interrupts a request in flight.
    const until = Date.now() + 10_000;
    while (silent.requests.length === 0 && Date.now() < until) await new Promise((r) => setImmediate(r));
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('names only the system error of an allowed address that does not answer', async () => {
    const gone = await serve(json({}));
    await gone.close();
    const error = await failure(client('127.0.0.1').request(gone.url));
    expect(error).toMatchObject({
      problem: 'unreachable',
      message: `cannot connect to 127.0.0.1:${gone.port} (ECONNREFUSED)`,
    });
  });
});
