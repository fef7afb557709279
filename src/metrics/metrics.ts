import { Counter, Histogram, Registry } from 'prom-client';
import type { Roster } from '../roster.js';
import { registerDatabaseMetrics } from './database-metrics.js';

export interface Metrics {
  registry: Registry;
  /** One answered HTTP request: `route` is the route's pattern (`/api/apps/:ref`), never the URL asked for. */
  observeRequest(request: { method: string; route: string; status: number; seconds: number }): void;
  /** How the read cache answered one request of a cached read (read-cache.ts). */
  observeCachedRead(read: { route: string; outcome: CachedReadOutcome }): void;
}

/**
 * `hit`: answered from memory; `computed`: computed by the request itself; `joined`: waited for the same
 * answer another request was computing (counted as it starts waiting; should that computation fail, the
 * request computes on its own and is counted again as `computed`).
 */
export type CachedReadOutcome = 'hit' | 'computed' | 'joined';

/**
 * A registry per server, never prom-client's global one: several servers in one process (tests, a metrics
 * listener beside the API) would otherwise share and double their figures.
 */
export function createMetrics(roster: Roster): Metrics {
  const registry = new Registry();
  const requestDuration = new Histogram({
    name: 'roster_http_request_duration_seconds',
    help: 'HTTP requests answered, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const cachedReads = new Counter({
    name: 'roster_read_cache_requests_total',
    help: 'Requests of the reads the server keeps answers of, by route pattern and outcome (hit, computed, joined)',
    labelNames: ['route', 'outcome'],
    registers: [registry],
  });
  registerDatabaseMetrics(registry, roster);
  return {
    registry,
    observeRequest: ({ method, route, status, seconds }) =>
      requestDuration.observe({ method, route, status_code: String(status) }, seconds),
    observeCachedRead: ({ route, outcome }) => cachedReads.inc({ route, outcome }),
  };
}
