import { randomUUID } from 'node:crypto';
import type { importPKCS8 } from 'jose';
import type { OutboundClient } from '../../lib/outbound/outbound-client.js';
import { type AccessTokenSource, fetchedAccessToken, staticAccessToken } from '../kit/access-token.js';
import { ConnectorError } from '../kit/connector-error.js';
import { loadJose } from '../kit/load-jose.js';
import {
  type HttpTuning,
  type ProviderHttp,
  type ProviderHttpOptions,
  type ProviderResponse,
  providerHttp,
} from '../kit/provider-http.js';

/**
 * How Roster talks to Okta's Management API: SSWS API tokens or OAuth 2.0 service apps (client credentials
 * with a private_key_jwt assertion), Okta's error bodies, its X-Rate-Limit-Reset throttling, and its
 * `Link: <…>; rel="next"` pages.
 */
export const PROVIDER = 'Okta';

/** Read-only scopes an OAuth service app needs (granted in the app's "Okta API Scopes" tab). */
export const OKTA_SCOPES = ['okta.users.read', 'okta.apps.read'];

/**
 * Scopes deprovisioning asks for, per kind of write: deactivating a user needs `okta.users.manage` (which
 * includes reading users); unassigning a user from an app needs `okta.apps.manage`, and `okta.users.read`
 * to find the user by address. Each write asks only for its own, so a service app granted one of them can
 * still do that part.
 */
export const OKTA_DEACTIVATE_SCOPES = ['okta.users.manage'];
export const OKTA_UNASSIGN_SCOPES = ['okta.users.read', 'okta.apps.manage'];

export type OktaCredentials =
  | { apiToken: string }
  | { accessToken: string }
  | { clientId: string; privateKey: string; keyId?: string | undefined };

export interface OktaClientOptions {
  baseUrl: string;
  tokenUrl: string;
  credentials: OktaCredentials;
  http: HttpTuning;
  signal: AbortSignal;
  outbound: OutboundClient;
  /** Scopes a service app's token is asked for; the read-only ones unless a write needs more. */
  scopes?: readonly string[];
  /** Told of every request and Okta's answer (a deprovisioning's record of calls). */
  onAnswer?: ProviderHttpOptions['onAnswer'];
}

export async function oktaHttp(options: OktaClientOptions): Promise<ProviderHttp> {
  const { credentials, signal, outbound } = options;
  let authorization: () => Promise<string>;
  let onUnauthorized: (() => void) | undefined;
  if ('apiToken' in credentials) {
    authorization = async () => `SSWS ${credentials.apiToken}`;
  } else {
    // The key is read once, before any request, so a broken key fails the run as a credentials problem.
    const key = 'clientId' in credentials ? await privateKeyOf(credentials.privateKey) : undefined;
    const source: AccessTokenSource =
      'accessToken' in credentials
        ? staticAccessToken(credentials.accessToken)
        : fetchedAccessToken({
            provider: PROVIDER,
            tokenUrl: options.tokenUrl,
            form: () =>
              clientCredentialsForm(
                credentials.clientId,
                credentials.keyId,
                key,
                options.tokenUrl,
                options.scopes ?? OKTA_SCOPES,
              ),
            signal,
            outbound,
            timeoutMs: options.http?.timeoutMs,
          });
    authorization = async () => `Bearer ${await tokenOf(source)}`;
    // Only a token Roster fetched can be replaced; a static token that is refused stays refused.
    if ('clientId' in credentials) onUnauthorized = () => source.invalidate();
  }
  return providerHttp({
    provider: PROVIDER,
    signal,
    outbound,
    authorization,
    onUnauthorized,
    errorText: oktaErrorText,
    throttleDelay: oktaThrottleDelay,
    ...(options.onAnswer ? { onAnswer: options.onAnswer } : {}),
    // Okta's rate-limit windows are one minute long; waiting up to a full window is what Okta asks.
    maxDelayMs: 60_000,
    ...definedOnly(options.http ?? {}),
  });
}

/** A token, with the fix named when Okta wants DPoP-bound tokens, which Roster does not send yet. */
async function tokenOf(source: AccessTokenSource): Promise<string> {
  try {
    return await source.token();
  } catch (error) {
    if (error instanceof ConnectorError && /dpop/i.test(error.message))
      throw new ConnectorError(
        error.code,
        `${error.message}. Turn off "Require Demonstrating Proof of Possession (DPoP) header in token requests" on the Okta service app, or use an API token`,
      );
    throw error;
  }
}

/** The token request of an Okta service app: a short-lived JWT signed with the app's private key. */
async function clientCredentialsForm(
  clientId: string,
  keyId: string | undefined,
  key: PrivateKey | undefined,
  tokenUrl: string,
  scopes: readonly string[],
): Promise<Record<string, string>> {
  if (!key) throw new ConnectorError('auth', `${PROVIDER}: no private key for the OAuth service app`);
  const header: { alg: string; kid?: string } = { alg: 'RS256' };
  // Okta picks the app's public key by kid when the app holds several.
  if (keyId) header.kid = keyId;
  const { SignJWT } = await loadJose();
  const assertion = await new SignJWT({})
    .setProtectedHeader(header)
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(tokenUrl)
    .setIssuedAt()
    .setExpirationTime('5m')
    .setJti(randomUUID())
    .sign(key);
  return {
    grant_type: 'client_credentials',
    scope: scopes.join(' '),
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion,
  };
}

/** The service app's private key, as Okta's console hands it out (a JWK) or as a PKCS#8 PEM. */
type PrivateKey = Awaited<ReturnType<typeof importPKCS8>> | Uint8Array;

async function privateKeyOf(text: string): Promise<PrivateKey> {
  const trimmed = text.trim();
  try {
    const { importJWK, importPKCS8 } = await loadJose();
    if (trimmed.startsWith('{')) return await importJWK(JSON.parse(trimmed), 'RS256');
    return await importPKCS8(trimmed, 'RS256');
  } catch {
    // Never echo the key: the message says only what is wrong with it.
    throw new ConnectorError(
      'auth',
      `${PROVIDER}: the private key is not an RSA private key in JWK or PKCS#8 PEM form`,
    );
  }
}

/** Okta's error text: `errorSummary` and its code, e.g. "Invalid token provided (E0000011)". */
export function oktaErrorText(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const { errorSummary, errorCode } = body as { errorSummary?: unknown; errorCode?: unknown };
  if (typeof errorSummary !== 'string' || errorSummary === '') return undefined;
  return typeof errorCode === 'string' ? `${errorSummary} (${errorCode})` : errorSummary;
}

/**
 * How long Okta asks Roster to wait on a 429: until `X-Rate-Limit-Reset` (Unix seconds), measured against
 * the response's own `Date` so a skewed local clock neither hammers Okta nor sleeps for minutes. The kit
 * bounds the wait by `maxDelayMs`. Any other answer is not throttling (undefined).
 */
export function oktaThrottleDelay(response: ProviderResponse, now = Date.now()): number | undefined {
  if (response.status !== 429) return undefined;
  const reset = Number(response.headers.get('x-rate-limit-reset'));
  if (!Number.isFinite(reset) || reset <= 0) return undefined;
  const serverNow = Date.parse(response.headers.get('date') ?? '');
  const reference = Number.isNaN(serverNow) ? now : serverNow;
  // A little jitter keeps several syncs of the same org from returning in the same millisecond.
  return Math.max(0, reset * 1000 - reference) + Math.floor(Math.random() * 250);
}

/** The `rel="next"` URL of a Link header, or null on the last page. */
export function nextLink(headers: Headers): string | null {
  const link = headers.get('link');
  if (!link) return null;
  // Each link is `<url>; params`; a URL may hold commas, so split on the angle brackets, not on commas.
  for (const [, url, params] of link.matchAll(/<([^>]*)>([^<]*)/g)) {
    if (url && /;\s*rel\s*=\s*"?([^";,]*\s)?next[\s";,]/i.test(`${params} `)) return url;
  }
  return null;
}

/**
 * Follows a next link only on the org's own host: the link carries Roster's API token with it, so a link
 * elsewhere (a misconfigured proxy, a forged header) must never be followed.
 */
export function sameOrigin(baseUrl: string, link: string): string {
  let url: URL;
  try {
    url = new URL(link, baseUrl);
  } catch {
    throw new ConnectorError('invalid_data', `${PROVIDER} returned a next link that is not a URL`);
  }
  if (url.origin !== new URL(baseUrl).origin)
    throw new ConnectorError(
      'invalid_data',
      `${PROVIDER} returned a next link to another host (${url.host}); Roster only follows links on ${new URL(baseUrl).host}`,
    );
  return url.toString();
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
