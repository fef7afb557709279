import type { Batch } from './events.js';
import { parseRosterConfig, type RosterConfig } from './roster-config.js';

/** One answer from Roster; `status: null` when Roster could not be reached. */
export interface Answer<T> {
  status: number | null;
  retryAfter: string | null;
  body: T | null;
}

/** The three routes the extension calls (Roster's extension contract). No other request leaves the extension. */
export class RosterApi {
  constructor(
    private readonly rosterUrl: string,
    private readonly fetchFn: typeof fetch = (...args) => fetch(...args),
  ) {}

  postEvents(token: string, batch: Batch): Promise<Answer<unknown>> {
    return this.call(
      '/api/v1/extension/events',
      token,
      { method: 'POST', body: JSON.stringify(batch) },
      (b) => b,
    );
  }

  getConfig(token: string): Promise<Answer<RosterConfig>> {
    return this.call('/api/v1/extension/config', token, { method: 'GET' }, parseRosterConfig);
  }

  enroll(enrollmentToken: string, email: string): Promise<Answer<{ token: string; email: string }>> {
    return this.call(
      '/api/v1/extension/enroll',
      enrollmentToken,
      { method: 'POST', body: JSON.stringify({ email }) },
      (b) => {
        const { token, email: enrolled } = (b ?? {}) as Record<string, unknown>;
        return typeof token === 'string' && typeof enrolled === 'string' ? { token, email: enrolled } : null;
      },
    );
  }

  private async call<T>(
    path: string,
    token: string,
    init: { method: string; body?: string },
    read: (body: unknown) => T | null,
  ): Promise<Answer<T>> {
    let response: Response;
    try {
      response = await this.fetchFn(`${this.rosterUrl}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(init.body ? { 'content-type': 'application/json' } : {}),
        },
        // The token is the only credential: no cookies of the person's Roster session ride along.
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      return { status: null, retryAfter: null, body: null };
    }
    let body: T | null = null;
    if (response.ok) {
      try {
        body = read(await response.json());
      } catch {
        body = null;
      }
    }
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
  }
}
