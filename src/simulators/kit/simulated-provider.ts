import type { Directory } from './directory.js';
import type { FaultOptions } from './faults.js';
import type { RunningSimulator } from './simulator-server.js';

/** What every simulated provider takes when started. */
export interface SimulatorOptions {
  directory: Directory;
  faults?: FaultOptions;
  /** Items per list page; the provider's documented default when absent. */
  pageSize?: number;
  /** Seconds a throttled answer asks the client to wait (`Retry-After`, `X-Rate-Limit-Reset`); default 1. */
  retryAfterSeconds?: number;
  /** Lifetime of issued access tokens, to exercise expiry mid-run. */
  tokenLifetimeSeconds?: number;
  port?: number;
}

/** A running simulated provider and the source settings that point its Roster connector at it. */
export interface RunningProvider extends RunningSimulator {
  /** Source kind id of the connector that reads this provider. */
  kind: string;
  /** A ready source: the connector's config (baseUrl, tokenUrl, …) and credentials for this simulator. */
  source: { config: Record<string, unknown>; credentials?: Record<string, unknown> };
  /** Ends every access token issued so far, as a revoked or expired grant. */
  expireTokens(): void;
}

export type StartProvider = (options: SimulatorOptions) => Promise<RunningProvider>;
