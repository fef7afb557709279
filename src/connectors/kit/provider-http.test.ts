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
