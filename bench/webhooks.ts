import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { webhookAction, webhookBody } from '../src/actions/webhook/webhook-action.js';
import { webhookSettingsSchema } from '../src/actions/webhook/webhook-settings.js';
import { loopbackFetchContext } from '../test/support/outbound.js';

/**
 * Webhook delivery throughput: DELIVERIES deliveries of the webhook action (JSON body, HMAC signature,
 * through the outbound guard with its address check and capped read) to a local receiver that checks each
 * signature, CONCURRENCY at a time; beside it, in the same run, plain fetch() POSTs of the same bodies to
 * the same receiver at the same concurrency, which is what the receiver and the loopback can take.
 */
const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 3_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const secret = 'bench-secret-0123456789';

const scopeOf = (n: number) => ({
  person: { name: `Person ${n}`, email: `person${n}@acme.io`, emails: [`p${n}@acme.io`] },
  app: { name: 'Zoom', id: n % 40 },
  license: { type: 'Pro', reason: 'no use in 90 days', lastUsed: '2026-08-01' },
});

async function receiver() {
  let verified = 0;
  let refused = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const header = String(req.headers['roster-signature'] ?? '');
    const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
    if (match) {
      const mac = createHmac('sha256', secret)
        .update(`${match[1]}.`)
        .update(Buffer.concat(chunks))
        .digest('hex');
      if (mac === match[2]) verified++;
      else refused++;
    }
    res.writeHead(204).end();
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    counts: () => ({ verified, refused }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function inParallel(count: number, each: (n: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await each(next++);
    }),
  );
  return performance.now() - started;
}

export async function run(): Promise<void> {
  const hook = await receiver();
  const settings = webhookSettingsSchema.parse({ type: 'webhook', url: hook.url, secret });
  const context = { signal: new AbortController().signal, outbound: loopbackFetchContext().outbound };
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  console.log(
    `webhooks: ${DELIVERIES} deliveries, ${CONCURRENCY} at a time; ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load ${load}`,
  );

  // Warm both paths (connections, JIT) before measuring.
  await inParallel(200, async (n) => void (await webhookAction.run(settings, scopeOf(n), context)));
  await inParallel(200, async (n) => {
    const res = await fetch(hook.url, { method: 'POST', body: webhookBody(String(n), scopeOf(n)) });
    await res.arrayBuffer();
  });

  let failed = 0;
  const before = hook.counts().verified;
  const roster = await inParallel(DELIVERIES, async (n) => {
    const outcome = await webhookAction.run(settings, scopeOf(n), context);
    if (outcome.status !== 'succeeded') failed++;
  });
  const verified = hook.counts().verified - before;
  const raw = await inParallel(DELIVERIES, async (n) => {
    const res = await fetch(hook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: webhookBody(String(n), scopeOf(n)),
    });
    await res.arrayBuffer();
  });
  await hook.close();

  const rate = (ms: number) => Math.round((DELIVERIES / ms) * 1000);
  console.log(
    `webhook action: ${rate(roster)} deliveries/s (${roster.toFixed(0)} ms; ${verified} signatures verified, ${failed} failed)`,
  );
  console.log(`raw fetch():    ${rate(raw)} POSTs/s (${raw.toFixed(0)} ms)`);
  console.log(
    `ratio: ${(roster / raw).toFixed(2)}x the time of raw fetch; load after ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}
