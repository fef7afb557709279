import { randomBytes } from 'node:crypto';

/**
 * Access tokens of a simulated provider: issued with a lifetime, refused once expired or revoked, so
 * connectors meet the same token expiry and revocation as against the real service.
 */
export class TokenIssuer {
  private readonly tokens = new Map<string, number>();

  constructor(
    /** Tokens that are always valid (a pre-issued API token, a static accessToken in a connector's config). */
    private readonly staticTokens: readonly string[] = [],
    private readonly lifetimeSeconds = 3600,
  ) {}

  issue(lifetimeSeconds = this.lifetimeSeconds): { token: string; expiresIn: number } {
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, Date.now() + lifetimeSeconds * 1000);
    return { token, expiresIn: lifetimeSeconds };
  }

  check(token: string | undefined): 'valid' | 'expired' | 'invalid' {
    if (!token) return 'invalid';
    if (this.staticTokens.includes(token)) return 'valid';
    const expiresAt = this.tokens.get(token);
    if (expiresAt === undefined) return 'invalid';
    return expiresAt > Date.now() ? 'valid' : 'expired';
  }

  /** Ends every issued token now, as when a token expires mid-run. */
  expireAll(): void {
    for (const token of this.tokens.keys()) this.tokens.set(token, 0);
  }
}
