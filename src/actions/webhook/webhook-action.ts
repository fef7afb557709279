import { randomUUID } from 'node:crypto';
import type { ProviderCall } from '../../connectors/kit/provider-http.js';
import { remoteText } from '../../connectors/kit/remote-text.js';
import { type OutboundError, outboundErrorIn } from '../../lib/outbound/outbound-error.js';
import type { ActionDefinition, ActionOutcome, ActionScope } from '../action.js';
import type { ActionContext } from '../action-context.js';
import { type ActionTiming, realTiming } from '../action-timing.js';
import { decideRetry, type RetryPolicy } from '../retry-decision.js';
import { type WebhookSettings, webhookSettingsSchema } from './webhook-settings.js';
import { signatureHeader, signDelivery } from './webhook-signature.js';

/**
 * The webhook action: POST the scope as JSON, signed (webhook-signature.ts), through the outbound guard,
 * retried on network failures, 429 and 5xx (webhook-retry.ts). The body is built once as an object, so
 * no value is ever spliced into JSON text, and every attempt sends the same bytes under the same
 * delivery id, letting a receiver drop a delivery it already handled.
 */

/** Five attempts, waits doubling from 1 s up to 30 s; a receiver asking more than two minutes is not held for. */
export const webhookRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  longestRetryAfterMs: 120_000,
};

/** The deadline of one attempt, answer included. */
const attemptTimeoutMs = 15_000;

export function webhookBody(deliveryId: string, scope: ActionScope): string {
  return JSON.stringify({ id: deliveryId, data: scope });
}

export function createWebhookAction(
  timing: ActionTiming = realTiming,
  policy: RetryPolicy = webhookRetryPolicy,
): ActionDefinition<typeof webhookSettingsSchema> {
  return {
    type: 'webhook',
    settings: webhookSettingsSchema,
    preview(settings) {
      return {
        summary: `POST a signed JSON body to ${callUrl(settings.url)}`,
        requests: [{ method: 'POST', url: callUrl(settings.url), status: null }],
      };
    },
    run: (settings, scope, context) => deliver(settings, scope, context, timing, policy),
  };
}

async function deliver(
  settings: WebhookSettings,
  scope: ActionScope,
  context: ActionContext,
  timing: ActionTiming,
  policy: RetryPolicy,
): Promise<ActionOutcome> {
  const deliveryId = randomUUID();
  const body = webhookBody(deliveryId, scope);
  const url = callUrl(settings.url);
  const requests: ProviderCall[] = [];
  const record = (call: ProviderCall) => {
    requests.push(call);
    context.onCall?.(call);
  };
  for (let attempt = 1; ; attempt++) {
    const seconds = Math.floor(timing.now() / 1000);
    let problem: string;
    let result: Parameters<typeof decideRetry>[0];
    try {
      const answer = await context.outbound.request(settings.url, {
        method: 'POST',
        headers: {
          ...settings.headers,
          'content-type': 'application/json',
          'roster-delivery': deliveryId,
          [signatureHeader]: signDelivery(settings.secret, seconds, body),
        },
        body,
        redirect: 'manual',
        signal: context.signal,
        timeoutMs: attemptTimeoutMs,
      });
      const detail = answer.status >= 400 ? remoteText(answer.body.toString('utf8'), 200) : undefined;
      record({ method: 'POST', url, status: answer.status, ...(detail ? { detail } : {}) });
      if (answer.status >= 200 && answer.status < 300)
        return { status: 'succeeded', output: { status: answer.status, deliveryId }, requests };
      if (answer.status >= 300 && answer.status < 400)
        return {
          status: 'failed',
          error: `The webhook at ${url} answered a redirect (HTTP ${answer.status}): set the URL it redirects to`,
          retryable: false,
          requests,
        };
      problem = `HTTP ${answer.status}${detail ? `: ${detail}` : ''}`;
      result = { kind: 'answer', status: answer.status, headers: answer.headers };
    } catch (error) {
      if (context.signal.aborted)
        return {
          status: 'failed',
          error: 'Cancelled before the webhook answered',
          retryable: true,
          requests,
        };
      const outbound = outboundErrorIn(error);
      record({ method: 'POST', url, status: null, detail: outbound?.message ?? 'the request failed' });
      if (!outbound || !isTransient(outbound))
        return {
          status: 'failed',
          error: `The webhook at ${url} was not called: ${outbound?.message ?? 'the request failed'}`,
          retryable: false,
          requests,
        };
      problem = outbound.message;
      result = { kind: 'network' };
    }
    const decision = decideRetry(result, attempt, policy, timing.random, timing.now());
    if (!decision.retry)
      return {
        status: 'failed',
        error: `The webhook at ${url} failed: ${problem}${decision.reason ? ` (${decision.reason})` : ''}`,
        retryable: decision.retryableLater,
        requests,
      };
    try {
      await timing.sleep(decision.delayMs, context.signal);
    } catch {
      return {
        status: 'failed',
        error: 'Cancelled while waiting to retry the webhook',
        retryable: true,
        requests,
      };
    }
  }
}

/** Timeouts and unreachable hosts may pass; a refused address or a bad URL is a setting to change. */
function isTransient(error: OutboundError): boolean {
  return error.problem === 'timeout' || error.problem === 'unreachable';
}

/** Origin and path, never the query, which may carry a token. */
function callUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

export const webhookAction = createWebhookAction();
