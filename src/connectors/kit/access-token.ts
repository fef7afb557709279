import type { OutboundAnswer, OutboundClient } from '../../lib/outbound/outbound-client.js';
import { ConnectorError } from './connector-error.js';
import { outboundFailure } from './outbound-failure.js';
import { remoteText } from './remote-text.js';

/**
 * Bearer tokens for provider APIs: a static token (tests, air-gapped installs, pre-issued tokens) or one
 * fetched from a token endpoint and cached until shortly before it expires. `invalidate()` drops the cache
 * after a 401 so a token revoked or expired mid-run is replaced once.
 */
export interface AccessTokenSource {
  token(): Promise<string>;
  invalidate(): void;
}

export function staticAccessToken(token: string): AccessTokenSource {
  return { token: async () => token, invalidate: () => {} };
}

export interface TokenRequest {
  provider: string;
  tokenUrl: string;
  /** The form body of the token request (grant type, client id and secret or assertion, scope). */
  form: () => Promise<Record<string, string>>;
  signal: AbortSignal;
  /** The source's way to the network (FetchContext.outbound). */
  outbound: OutboundClient;
  timeoutMs?: number;
}

/** Renew this long before the provider says a token expires, so a page never starts with a dying token. */
const EXPIRY_MARGIN_MS = 60_000;

export function fetchedAccessToken(request: TokenRequest): AccessTokenSource {
  let cached: { value: string; expiresAt: number } | undefined;
  return {
    async token() {
      if (cached && cached.expiresAt > Date.now()) return cached.value;
      const { token, expiresInSeconds } = await requestToken(request);
      cached = {
        value: token,
        expiresAt: Date.now() + Math.max(0, expiresInSeconds * 1000 - EXPIRY_MARGIN_MS),
      };
      return token;
    },
    invalidate() {
      cached = undefined;
    },
  };
}

async function requestToken(request: TokenRequest): Promise<{ token: string; expiresInSeconds: number }> {
  // Built outside the try: a form that cannot be built (a broken signing key) is not a network problem.
  const form = new URLSearchParams(await request.form());
  let response: OutboundAnswer;
  try {
    response = await request.outbound.request(request.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form,
      signal: request.signal,
      timeoutMs: request.timeoutMs ?? 30_000,
    });
  } catch (error) {
    throw outboundFailure(error, `Cannot reach the ${request.provider} token endpoint`, request.signal);
  }
  const body = parseBody(response.body.toString('utf8')) as
    | { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown }
    | undefined;
  const ok = response.status >= 200 && response.status < 300;
  if (!ok || typeof body?.access_token !== 'string') {
    // RFC 6749 §5.2: invalid_client / invalid_grant / unauthorized_client mean the credentials are wrong.
    const reason = remoteText(
      [body?.error, body?.error_description].filter((p) => typeof p === 'string').join(': '),
    );
    const message = `${request.provider} did not issue a token (HTTP ${response.status})${reason ? `: ${reason}` : ''}`;
    const code = response.status >= 500 || response.status === 429 ? 'transient' : 'auth';
    throw new ConnectorError(code, message);
  }
  const expiresIn = Number(body.expires_in);
  return { token: body.access_token, expiresInSeconds: Number.isFinite(expiresIn) ? expiresIn : 3600 };
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
