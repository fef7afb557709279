import { ConnectorError } from '../kit/connector-error.js';
import { pause } from '../kit/pause.js';
import type { ProviderHttp } from '../kit/provider-http.js';
import type { SourceRecordInput } from '../kit/records.js';

/**
 * Third-party apps people granted access to their Google account (Directory API tokens.list, one call per
 * user), as discovered apps with an account per user. Two kinds of grant are left out:
 * - `anonymous`: the client is not registered with Google, so its name is whatever the client claims (often
 *   its bare client id) and cannot identify a SaaS app;
 * - `nativeApp`: an installed client on a device (a phone's mail app, a desktop sync client), which is a
 *   device or program, not an app the organisation subscribes to.
 */
interface TokenList {
  items?: { clientId?: string; displayText?: string; anonymous?: boolean; nativeApp?: boolean }[];
}

export interface OAuthUser {
  id: string;
  email: string;
  name: string | null;
}

/** App names already announced in this run, by lower-cased name → the spelling first seen. */
export type SeenApps = Map<string, string>;

export interface OAuthAppReader {
  http: ProviderHttp;
  baseUrl: string;
  concurrency: number;
  /** Spaces the calls out (Google's default quota is 2,400 queries a minute for the whole project). */
  pace: () => Promise<void>;
  /** App names already announced in this run. */
  seen: SeenApps;
}

export async function oauthAppRecords(
  reader: OAuthAppReader,
  users: readonly OAuthUser[],
): Promise<SourceRecordInput[]> {
  const { http, baseUrl, seen } = reader;
  const lists = await mapBounded(users, reader.concurrency, async (user) => {
    await reader.pace();
    try {
      const url = `${baseUrl}/admin/directory/v1/users/${encodeURIComponent(user.id)}/tokens`;
      return (await http.getJson<TokenList>(url)).body.items ?? [];
    } catch (error) {
      // Deleted between the listing and this call: the user has no grants to report.
      if (error instanceof ConnectorError && error.code === 'not_found') return [];
      throw error;
    }
  });
  const records: SourceRecordInput[] = [];
  users.forEach((user, i) => {
    const apps = new Set<string>();
    for (const [n, token] of (lists[i] ?? []).entries()) {
      if (token.anonymous || token.nativeApp) continue;
      const raw = (token.displayText?.trim() || token.clientId?.trim() || '').slice(0, 200);
      if (!raw) continue;
      const key = raw.toLowerCase();
      let name = seen.get(key);
      if (!name) {
        name = raw;
        seen.set(key, name);
        records.push({ type: 'app', ref: `tokens[${user.email}, item ${n + 1}]`, name, domain: null });
      }
      if (apps.has(name)) continue;
      apps.add(name);
      records.push({
        type: 'account',
        ref: `tokens[${user.email}, item ${n + 1}]`,
        app: name,
        email: user.email,
        externalId: null,
        name: user.name,
        status: 'active',
        role: null,
        licenseTypes: [],
        lastUsedAt: null,
      });
    }
  });
  return records;
}

/** `fn` over `items` with at most `limit` calls in flight; results in input order; the first error wins. */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(
    Array.from({ length: Math.min(limit, items.length) }, () => worker()),
  );
  const rejected = settled.find((s) => s.status === 'rejected');
  if (rejected) throw (rejected as PromiseRejectedResult).reason;
  return results;
}

/**
 * At most `perMinute` starts a minute, evenly spaced; callers wait their turn. Spacing the calls keeps a
 * 50,000-user sync under the quota instead of living on throttled answers and their backoff.
 */
export function pacer(perMinute: number, signal: AbortSignal): () => Promise<void> {
  const gapMs = 60_000 / perMinute;
  let nextAt = 0;
  return async () => {
    const now = Date.now();
    const at = Math.max(now, nextAt);
    nextAt = at + gapMs;
    if (at > now) await pause(at - now, signal);
  };
}
