import { retryAfterMs } from '../connectors/kit/provider-http.js';

/**
 * Whether an action's request is tried again, and after how long: network failures, 429 (waiting what its
 * `Retry-After` asks) and 5xx are; any other answer is final. A pure decision, table-tested in
 * webhook/webhook.test.ts; each action brings its policy.
 */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` asking longer than this ends the action (retryable later) rather than holding it. */
  longestRetryAfterMs: number;
}

export type AttemptResult = { kind: 'answer'; status: number; headers: Headers } | { kind: 'network' };

export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; retryableLater: boolean; reason?: string };

export function decideRetry(
  result: AttemptResult,
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
  now: number,
): RetryDecision {
  const transient =
    result.kind === 'network' || result.status === 429 || (result.status >= 500 && result.status <= 599);
  if (!transient) return { retry: false, retryableLater: false };
  if (attempt >= policy.maxAttempts)
    return { retry: false, retryableLater: true, reason: `gave up after ${policy.maxAttempts} attempts` };
  const asked = result.kind === 'answer' ? retryAfterMs(result.headers, now) : undefined;
  if (asked !== undefined) {
    if (asked > policy.longestRetryAfterMs)
      return {
        retry: false,
        retryableLater: true,
        reason: `asked to wait ${Math.ceil(asked / 1000)} s (Retry-After)`,
      };
    return { retry: true, delayMs: asked };
  }
  return { retry: true, delayMs: backoffMs(attempt, policy, random) };
}

/** Exponential backoff with full jitter, so many deliveries failing together do not retry in step. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
