/**
 * What to do with a batch after one attempt to send it, from Roster's answer alone (null: Roster was not
 * reached). Pure, so every answer is pinned by a table test.
 */
export type SendDecision =
  /** Roster took it (or had taken it already): forget the batch. */
  | { outcome: 'done' }
  /** Roster will never take it as it is (bad batch, too large): forget it, or it would block every later one. */
  | { outcome: 'drop'; reason: string }
  /** The token is bad or revoked: keep the batch, stop sending until the person signs in (or enrolls) again. */
  | { outcome: 'reauthenticate' }
  /** Try the same batch again, no sooner than this. */
  | { outcome: 'retry'; waitMs: number };

const minuteMs = 60_000;
const maxBackoffMs = 60 * minuteMs;

/** Exponential backoff from one minute, capped at an hour. `attempt` counts failed attempts from 1. */
export function backoffMs(attempt: number): number {
  return Math.min(maxBackoffMs, minuteMs * 2 ** Math.max(0, attempt - 1));
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const when = Date.parse(header);
  return Number.isNaN(when) ? null : Math.max(0, when - now.getTime());
}

export function decideAfterSend(
  status: number | null,
  retryAfter: string | null,
  attempt: number,
  now: Date,
): SendDecision {
  if (status === null) return { outcome: 'retry', waitMs: backoffMs(attempt) };
  if (status >= 200 && status < 300) return { outcome: 'done' };
  if (status === 401 || status === 403) return { outcome: 'reauthenticate' };
  if (status === 429 || status === 503) {
    const asked = retryAfterMs(retryAfter, now);
    return { outcome: 'retry', waitMs: Math.min(maxBackoffMs, asked ?? backoffMs(attempt)) };
  }
  if (status === 400 || status === 413 || status === 422) {
    return { outcome: 'drop', reason: `Roster refused the batch (${status})` };
  }
  return { outcome: 'retry', waitMs: backoffMs(attempt) };
}
