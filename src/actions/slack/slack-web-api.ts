import type { ProviderCall } from '../../connectors/kit/provider-http.js';
import { outboundErrorIn } from '../../lib/outbound/outbound-error.js';
import type { ActionContext } from '../action-context.js';
import type { ActionTiming } from '../action-timing.js';
import { type AttemptResult, decideRetry, type RetryPolicy } from '../retry-decision.js';

/**
 * Calls to Slack's Web API as Slack documents them: a bearer token, HTTP 200 with `{ ok: false, error }`
 * for errors, and rate limiting as HTTP 429 with `Retry-After` in seconds (or a `ratelimited` error),
 * which is waited out and tried again, like network failures and 5xx. Any other error is Slack's final
 * word, kept as its code.
 */

export const slackRetryPolicy: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  longestRetryAfterMs: 60_000,
};

const attemptTimeoutMs = 15_000;

export class SlackApiError extends Error {
  override name = 'SlackApiError';
  constructor(
    /** Slack's error code (`channel_not_found`), or `unreachable`, `unavailable`, `http_<status>`. */
    readonly code: string,
    readonly retryable: boolean,
    message: string,
  ) {
    super(message);
  }
}

export interface SlackWebApi {
  call(
    method: 'GET' | 'POST',
    name: string,
    args: Record<string, string | boolean>,
  ): Promise<Record<string, unknown>>;
  readonly requests: ProviderCall[];
}

export function slackWebApi(
  apiUrl: string,
  botToken: string,
  context: ActionContext,
  timing: ActionTiming,
  policy: RetryPolicy = slackRetryPolicy,
): SlackWebApi {
  const requests: ProviderCall[] = [];
  const record = (call: ProviderCall) => {
    requests.push(call);
    context.onCall?.(call);
  };

  async function call(
    method: 'GET' | 'POST',
    name: string,
    args: Record<string, string | boolean>,
  ): Promise<Record<string, unknown>> {
    const target = new URL(`${apiUrl}/${name}`);
    if (method === 'GET')
      for (const [key, value] of Object.entries(args)) target.searchParams.set(key, String(value));
    const where = `${target.origin}${target.pathname}`;
    for (let attempt = 1; ; attempt++) {
      let result: AttemptResult;
      let problem: string;
      try {
        const answer = await context.outbound.request(target, {
          method,
          headers: {
            authorization: `Bearer ${botToken}`,
            accept: 'application/json',
            ...(method === 'POST' ? { 'content-type': 'application/json; charset=utf-8' } : {}),
          },
          ...(method === 'POST' ? { body: JSON.stringify(args) } : {}),
          signal: context.signal,
          timeoutMs: attemptTimeoutMs,
        });
        const body = parse(answer.body.toString('utf8'));
        const code = body?.ok === true ? undefined : typeof body?.error === 'string' ? body.error : undefined;
        record({ method, url: where, status: answer.status, ...(code ? { detail: code.slice(0, 80) } : {}) });
        if (answer.status === 200 && body?.ok === true) return body;
        if (answer.status === 200 && code && code !== 'ratelimited')
          throw new SlackApiError(code, false, `Slack answered ${name} with ${code}`);
        if (answer.status === 200 && !code)
          throw new SlackApiError('invalid_answer', true, `Slack answered ${name} without ok or an error`);
        // 429, Slack's `ratelimited` error, or a server error: wait and try again.
        const status = code === 'ratelimited' ? 429 : answer.status;
        if (status !== 429 && status < 500)
          throw new SlackApiError(`http_${status}`, false, `Slack answered ${name} with HTTP ${status}`);
        problem = status === 429 ? 'rate limited' : `HTTP ${status}`;
        result = { kind: 'answer', status, headers: answer.headers };
      } catch (error) {
        if (error instanceof SlackApiError) throw error;
        if (context.signal.aborted) throw context.signal.reason ?? error;
        const outbound = outboundErrorIn(error);
        record({ method, url: where, status: null, detail: outbound?.message ?? 'the request failed' });
        const transient = outbound?.problem === 'timeout' || outbound?.problem === 'unreachable';
        if (!transient)
          throw new SlackApiError(
            'unreachable',
            false,
            `Slack was not called: ${outbound?.message ?? 'the request failed'}`,
          );
        problem = outbound.message;
        result = { kind: 'network' };
      }
      const decision = decideRetry(result, attempt, policy, timing.random, timing.now());
      if (!decision.retry)
        throw new SlackApiError(
          problem === 'rate limited' ? 'ratelimited' : 'unavailable',
          true,
          `Slack ${name} failed: ${problem} (${decision.reason ?? 'not retried'})`,
        );
      await timing.sleep(decision.delayMs, context.signal);
    }
  }

  return { call, requests };
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
