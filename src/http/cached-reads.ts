/**
 * The reads whose serialised answers a server keeps (read-cache.ts), and for how long at most. Each is kept only
 * while the data's generation is the one read before computing it, so a change shows on the next read; the age
 * bounds what the clock alone moves. Listed: the console's heavy lists and summaries. Never listed: reads of the
 * caller's own things (who am I, tokens, sessions, members), downloads (every export is audited), and reads of
 * progress kept in tables the generation does not follow (sync runs, jobs, workflow runs). One person
 * (`GET /api/users/{email}`) is not listed: asked for a different person almost every time, it would pay the
 * generation's query and keep answers without being answered from them.
 */
export interface CachedRead {
  maxAgeMs: number;
}

/** Answers that read only data: the generation alone decides. The age limits how long an idle one is kept. */
const dataOnly: CachedRead = { maxAgeMs: 10 * 60_000 };
/**
 * Answers that also depend on the clock: license states age past their thresholds (the worker recomputes them
 * hourly, which moves the generation, but a reader without a fresh worker recomputes on its own), sources go
 * stale after days, spend covers the trailing twelve months. A minute is well inside every such step.
 */
const clockBound: CachedRead = { maxAgeMs: 60_000 };

export const cachedReads: Readonly<Record<string, CachedRead>> = {
  'GET /api/apps': dataOnly,
  'GET /api/apps/:ref': clockBound,
  'GET /api/users': dataOnly,
  'GET /api/licenses/inactive': clockBound,
  'GET /api/licenses/inactive/summary': clockBound,
  'GET /api/overview': clockBound,
  'GET /api/expenses/summary': clockBound,
  'GET /api/expenses/apps/:app': clockBound,
};

export function cachedReadOf(method: string, url: string | undefined): CachedRead | undefined {
  return url === undefined ? undefined : cachedReads[`${method} ${url}`];
}
