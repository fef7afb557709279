import type { Role } from '../../db/schema.js';

export interface VerifiedToken {
  id: number;
  name: string;
  role: Role;
  actsForEmail: string | null;
  pushAppId: number | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

/**
 * How long a verified token is trusted without reading the database again. Revocations made through this
 * process clear the cache at once; this bounds how long another process's revocation (a second server on
 * the same PostgreSQL database) takes to reach this one.
 */
export const verifiedTokenSeconds = 10;

/** Counts the changes that ended some token's access in this process: an entry from before one is void. */
let revocations = 0;

/**
 * Ends the trust in every token this process verified, whatever Roster it was opened for (one process may
 * open the same database more than once). Called after a change that ends a token's access commits.
 */
export function forgetVerifiedTokens(): void {
  revocations++;
}

/** Taken before reading the database; `remember` keeps the answer only if nothing was revoked since. */
export const revocationCount = () => revocations;

/**
 * Tokens one open Roster verified recently, by the hash of their secret, so that a burst of API calls does
 * not read api_tokens once per request. A verification that began before a revocation is not kept, and an
 * entry from before one is not trusted.
 */
export class VerifiedTokens {
  private readonly entries = new Map<
    string,
    { token: VerifiedToken; verifiedAt: number; revocations: number }
  >();

  constructor(private readonly maxEntries = 1_000) {}

  find(hash: string, now: Date): VerifiedToken | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    const fresh = now.getTime() - entry.verifiedAt < verifiedTokenSeconds * 1000;
    const unexpired = !entry.token.expiresAt || entry.token.expiresAt > now;
    if (fresh && unexpired && entry.revocations === revocations) return entry.token;
    this.entries.delete(hash);
    return undefined;
  }

  remember(hash: string, token: VerifiedToken, now: Date, revocationsBefore: number): void {
    if (revocationsBefore !== revocations) return;
    // A flood of distinct tokens (only valid ones reach here) must not grow memory without bound.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(hash, { token, verifiedAt: now.getTime(), revocations });
  }
}

const byDatabase = new WeakMap<object, VerifiedTokens>();

/** The cache of one open database: a token verified against one database says nothing of another. */
export function verifiedTokensOf(database: object): VerifiedTokens {
  let cache = byDatabase.get(database);
  if (!cache) {
    cache = new VerifiedTokens();
    byDatabase.set(database, cache);
  }
  return cache;
}
