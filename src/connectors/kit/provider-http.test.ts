import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopbackFetchContext } from '../../../test/support/outbound.js';
import { providerHttp } from './provider-http.js';

// A provider that accepts the request and never answers.
const silent = createServer(() => {});
let url = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/users`;
});
afterAll(() => {
  silent.closeAllConnections();
  silent.close();
});

describe('providerHttp', () => {
  it('gives up on a provider that never answers, even while the garbage collector runs', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const collecting = setInterval(gc, 10);
    try {
      const http = providerHttp({
        provider: 'Silent',
        signal: new AbortController().signal,
        outbound: loopbackFetchContext().outbound,
        timeoutMs: 200,
        maxAttempts: 2,
        baseDelayMs: 1,
        maxDelayMs: 5,
      });
      const outcome = await Promise.race([
        http.getJson(url).then(
          () => 'answered',
          (error: Error & { code?: string }) => `${error.code}: ${error.message}`,
        ),
        new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5000)),
      ]);
      expect(outcome).toMatch(
        /^transient: Silent kept failing on \/users after 2 attempts: no complete answer within/,
      );
    } finally {
      clearInterval(collecting);
    }
  });
});

describe('providerHttp writes', () => {
  // A provider that throttles the first write, then answers 204 with no body.
  let writes: { method: string; url: string; body: string }[] = [];
  const provider = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      writes.push({ method: request.method ?? '', url: request.url ?? '', body });
      if (writes.length === 1) {
        response.writeHead(429, { 'retry-after': '0', 'content-type': 'application/json' });
        response.end('{"error":{"message":"slow down"}}');
        return;
      }
      response.writeHead(204).end();
    });
  });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  });
  afterAll(() => provider.close());

  it('sends the method and body, retries a throttled write, takes an empty 2xx as success and records each answer without the query', async () => {
    writes = [];
    const calls: unknown[] = [];
    const http = providerHttp({
      provider: 'Writer',
      signal: new AbortController().signal,
      outbound: loopbackFetchContext().outbound,
      baseDelayMs: 1,
      maxDelayMs: 5,
      errorText: (body) => (body as { error?: { message?: string } } | undefined)?.error?.message,
      onAnswer: (call) => calls.push(call),
    });
    const answer = await http.write('PATCH', `${base}/users/u1?token=secret`, { accountEnabled: false });
    expect(answer.status).toBe(204);
    expect(answer.body).toBeUndefined();
    expect(writes.map((w) => [w.method, w.body])).toEqual([
      ['PATCH', '{"accountEnabled":false}'],
      ['PATCH', '{"accountEnabled":false}'],
    ]);
    expect(calls).toEqual([
      { method: 'PATCH', url: `${base}/users/u1`, status: 429, detail: 'slow down' },
      { method: 'PATCH', url: `${base}/users/u1`, status: 204 },
    ]);
  });
});
