import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loopbackFetchContext } from '../../../test/support/outbound.js';
import { type ScriptedAnswer, webhookReceiver } from '../../../test/support/webhook-receiver.js';
import type { ProviderCall } from '../../connectors/kit/provider-http.js';
import { strictOutboundClient } from '../../lib/outbound/outbound-client.js';
import type { ActionContext } from '../action-context.js';
import type { ActionTiming } from '../action-timing.js';
import { backoffMs, decideRetry } from '../retry-decision.js';
import { createWebhookAction, webhookRetryPolicy } from './webhook-action.js';
import { webhookSettingsSchema } from './webhook-settings.js';

type Verify = (
  rawBody: Buffer | string,
  header: string | undefined,
  secret: string,
  options?: { toleranceSeconds?: number; now?: number },
) => boolean;

const secret = 'whsec-0123456789abcdef';
const scope = { person: { email: 'maya@acme.io', name: 'Maya "<Chen>"' }, actions: { t: { key: 'OPS-1' } } };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function receiver(script?: ScriptedAnswer[]) {
  const running = await webhookReceiver(script);
  closers.push(running.close);
  return running;
}

/** A clock that only moves when the action sleeps: retries run at once and every wait is recorded. */
function fakeTiming(start = Date.parse('2026-11-30T12:00:00Z')) {
  const slept: number[] = [];
  let now = start;
  const timing: ActionTiming = {
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
    random: () => 0.5,
  };
  return { timing, slept };
}

function context(outbound = loopbackFetchContext().outbound): ActionContext & { calls: ProviderCall[] } {
  const calls: ProviderCall[] = [];
  return { signal: AbortSignal.timeout(30_000), outbound, onCall: (c) => calls.push(c), calls };
}

const settings = (url: string, extra: Record<string, unknown> = {}) =>
  webhookSettingsSchema.parse({ type: 'webhook', url: `${url}/hooks/roster?token=abc`, secret, ...extra });

/** The `verifyRosterSignature` snippet of docs/webhooks.md, exactly as documented, loaded as a module. */
async function documentedVerifier(): Promise<Verify> {
  const doc = await readFile(new URL('../../../docs/webhooks.md', import.meta.url), 'utf8');
  const block = [...doc.matchAll(/```js\n([\s\S]*?)```/g)]
    .map((m) => m[1] ?? '')
    .find((code) => code.includes('export function verifyRosterSignature'));
  if (!block) throw new Error('docs/webhooks.md has no verifyRosterSignature snippet');
  const dir = await mkdtemp(join(tmpdir(), 'roster-webhook-doc-'));
  closers.push(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, 'verify.mjs');
  await writeFile(file, block);
  return ((await import(pathToFileURL(file).href)) as { verifyRosterSignature: Verify })
    .verifyRosterSignature;
}

describe('webhook action', () => {
  it('POSTs the scope as signed JSON that the documented verification accepts, and nothing altered', async () => {
    const verify = await documentedVerifier();
    const hook = await receiver([{ status: 202 }]);
    const { timing } = fakeTiming(Date.now());
    const ctx = context();
    const outcome = await createWebhookAction(timing).run(
      settings(hook.url, { headers: { 'X-Team': 'it' } }),
      scope,
      ctx,
    );

    expect(outcome.status).toBe('succeeded');
    const [delivery] = hook.received;
    if (!delivery) throw new Error('nothing delivered');
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(delivery.headers['x-team']).toBe('it');
    const body = JSON.parse(delivery.rawBody.toString('utf8'));
    expect(body).toEqual({ id: delivery.headers['roster-delivery'], data: scope });
    expect(outcome.status === 'succeeded' && outcome.output).toEqual({
      status: 202,
      deliveryId: delivery.headers['roster-delivery'],
    });
    const header = String(delivery.headers['roster-signature']);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);

    expect(verify(delivery.rawBody, header, secret)).toBe(true);
    // Another body, another secret, or a delivery replayed ten minutes later is refused.
    expect(
      verify(Buffer.from(delivery.rawBody.toString('utf8').replace('OPS-1', 'OPS-2')), header, secret),
    ).toBe(false);
    expect(verify(delivery.rawBody, header, `${secret}x`)).toBe(false);
    expect(verify(delivery.rawBody, header, secret, { now: Date.now() + 10 * 60_000 })).toBe(false);
    expect(verify(delivery.rawBody, undefined, secret)).toBe(false);
    // The record never keeps the query, which may hold a token.
    expect(ctx.calls).toEqual([{ method: 'POST', url: `${hook.url}/hooks/roster`, status: 202 }]);
  });

  it('retries 5xx with growing jittered waits, sending the same body and delivery id, each attempt signed anew', async () => {
    const verify = await documentedVerifier();
    const hook = await receiver([{ status: 503 }, { status: 500 }, { status: 200 }]);
    const { timing, slept } = fakeTiming();
    const outcome = await createWebhookAction(timing).run(settings(hook.url), scope, context());

    expect(outcome.status).toBe('succeeded');
    expect(outcome.requests.map((r) => r.status)).toEqual([503, 500, 200]);
    // Full jitter at 0.5 of a ceiling doubling from 1 s.
    expect(slept).toEqual([500, 1000]);
    const [first, second, third] = hook.received;
    expect(new Set(hook.received.map((d) => d.rawBody.toString('utf8'))).size).toBe(1);
    expect(new Set(hook.received.map((d) => d.headers['roster-delivery'])).size).toBe(1);
    const stamps = [first, second, third].map(
      (d) => /t=(\d+)/.exec(String(d?.headers['roster-signature']))?.[1],
    );
    expect(stamps).toEqual(['1796040000', '1796040000', '1796040001']);
    for (const d of hook.received)
      expect(
        verify(d.rawBody, String(d.headers['roster-signature']), secret, {
          now: Date.parse('2026-11-30T12:00:01Z'),
        }),
      ).toBe(true);
  });

  it('waits what a 429’s Retry-After asks', async () => {
    const hook = await receiver([{ status: 429, headers: { 'retry-after': '7' } }, { status: 204 }]);
    const { timing, slept } = fakeTiming();
    const outcome = await createWebhookAction(timing).run(settings(hook.url), scope, context());
    expect(outcome.status).toBe('succeeded');
    expect(slept).toEqual([7000]);
  });

  it('does not retry another 4xx, and keeps the receiver’s answer as one short line', async () => {
    const hook = await receiver([{ status: 400, body: 'bad\r\nrequest <script>' }]);
    const { timing, slept } = fakeTiming();
    const outcome = await createWebhookAction(timing).run(settings(hook.url), scope, context());
    expect(hook.received).toHaveLength(1);
    expect(slept).toEqual([]);
    expect(outcome).toMatchObject({
      status: 'failed',
      retryable: false,
      error: `The webhook at ${hook.url}/hooks/roster failed: HTTP 400: bad request <script>`,
    });
  });

  it('gives up after five attempts of 5xx, leaving the run retryable', async () => {
    const hook = await receiver([{ status: 502 }]);
    const { timing, slept } = fakeTiming();
    const outcome = await createWebhookAction(timing).run(settings(hook.url), scope, context());
    expect(hook.received).toHaveLength(webhookRetryPolicy.maxAttempts);
    expect(slept).toEqual([500, 1000, 2000, 4000]);
    expect(outcome).toMatchObject({ status: 'failed', retryable: true });
    expect(outcome.status === 'failed' && outcome.error).toContain('gave up after 5 attempts');
  });

  it('retries when nothing listens, then fails retryable', async () => {
    const hook = await receiver();
    await hook.close();
    const { timing, slept } = fakeTiming();
    const outcome = await createWebhookAction(timing).run(settings(hook.url), scope, context());
    expect(slept).toHaveLength(webhookRetryPolicy.maxAttempts - 1);
    expect(outcome.requests.every((r) => r.status === null)).toBe(true);
    expect(outcome).toMatchObject({ status: 'failed', retryable: true });
  });

  it('goes through the outbound guard: a loopback address not allowed is never connected to, nor retried', async () => {
    const hook = await receiver();
    const { timing, slept } = fakeTiming();
    const outcome = await createWebhookAction(timing).run(
      settings(hook.url),
      scope,
      context(strictOutboundClient()),
    );
    expect(hook.received).toHaveLength(0);
    expect(slept).toEqual([]);
    expect(outcome).toMatchObject({ status: 'failed', retryable: false });
    expect(outcome.status === 'failed' && outcome.error).toContain('was not called');
  });

  it('previews the request without making it, and never shows the secret or the query', async () => {
    const hook = await receiver();
    const preview = createWebhookAction().preview(settings(hook.url), scope);
    expect(preview).toEqual({
      summary: `POST a signed JSON body to ${hook.url}/hooks/roster`,
      requests: [{ method: 'POST', url: `${hook.url}/hooks/roster`, status: null }],
    });
    expect(JSON.stringify(preview)).not.toContain(secret);
    expect(hook.received).toHaveLength(0);
  });

  it('refuses settings naming the field: a short secret, a header Roster sets, a line break, not a URL', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ secret: 'short' }, 'secret'],
      [{ headers: { 'Roster-Signature': 'x' } }, 'headers'],
      [{ headers: { 'X-A': 'a\r\nInjected: 1' } }, 'headers'],
      [{ url: 'ftp://hooks.acme.io' }, 'url'],
    ];
    for (const [change, field] of cases) {
      const parsed = webhookSettingsSchema.safeParse({
        type: 'webhook',
        url: 'https://hooks.acme.io/roster',
        secret,
        ...change,
      });
      expect(parsed.success, JSON.stringify(change)).toBe(false);
      expect(parsed.error?.issues[0]?.path[0]).toBe(field);
    }
  });
});

describe('webhook retry decision', () => {
  const headers = (h: Record<string, string> = {}) => new Headers(h);
  const random = () => 1;
  it.each([
    [{ kind: 'network' as const }, 1, { retry: true, delayMs: 1000 }],
    [{ kind: 'answer' as const, status: 500, headers: headers() }, 2, { retry: true, delayMs: 2000 }],
    [
      { kind: 'answer' as const, status: 503, headers: headers({ 'retry-after': '3' }) },
      1,
      { retry: true, delayMs: 3000 },
    ],
    [
      { kind: 'answer' as const, status: 429, headers: headers({ 'retry-after': '0' }) },
      1,
      { retry: true, delayMs: 0 },
    ],
    [
      { kind: 'answer' as const, status: 400, headers: headers() },
      1,
      { retry: false, retryableLater: false },
    ],
    [
      { kind: 'answer' as const, status: 404, headers: headers() },
      1,
      { retry: false, retryableLater: false },
    ],
    [
      { kind: 'answer' as const, status: 408, headers: headers() },
      1,
      { retry: false, retryableLater: false },
    ],
  ])('%o at attempt %i → %o', (result, attempt, expected) => {
    expect(decideRetry(result, attempt, webhookRetryPolicy, random, 0)).toEqual(expected);
  });

  it('stops at the last attempt, and at a Retry-After longer than it holds a delivery, both retryable later', () => {
    expect(decideRetry({ kind: 'network' }, 5, webhookRetryPolicy, random, 0)).toMatchObject({
      retry: false,
      retryableLater: true,
    });
    expect(
      decideRetry(
        { kind: 'answer', status: 429, headers: headers({ 'retry-after': '3600' }) },
        1,
        webhookRetryPolicy,
        random,
        0,
      ),
    ).toEqual({
      retry: false,
      retryableLater: true,
      reason: 'asked to wait 3600 s (Retry-After)',
    });
  });

  it('caps the backoff ceiling and jitters below it', () => {
    expect(backoffMs(20, webhookRetryPolicy, () => 0.999_999)).toBeLessThan(webhookRetryPolicy.maxDelayMs);
    expect(backoffMs(3, webhookRetryPolicy, () => 0)).toBe(0);
  });
});
