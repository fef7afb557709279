import type { importPKCS8 } from 'jose';
import type { OutboundClient } from '../../lib/outbound/outbound-client.js';
import { type AccessTokenSource, fetchedAccessToken, staticAccessToken } from '../kit/access-token.js';
import { ConnectorError } from '../kit/connector-error.js';
import { loadJose } from '../kit/load-jose.js';
import {
  type HttpTuning,
  type ProviderCall,
  type ProviderHttp,
  type ProviderResponse,
  providerHttp,
} from '../kit/provider-http.js';

/**
 * How Roster talks to the Google Admin SDK: a service account with domain-wide delegation signs a short
 * JWT (RS256) naming the admin it acts for, and trades it at the OAuth token endpoint for an access token;
 * Google's quota errors are 403s (and 429s) without Retry-After, so they are backed off exponentially.
 */

export const provider = 'Google Workspace';

const scopeBase = 'https://www.googleapis.com/auth/';
export const scopes = {
  users: `${scopeBase}admin.directory.user.readonly`,
  domains: `${scopeBase}admin.directory.domain.readonly`,
  // tokens.list has no read-only scope: this one also lets the holder revoke grants and sign users out.
  oauthTokens: `${scopeBase}admin.directory.user.security`,
  licenses: `${scopeBase}apps.licensing`,
  // Deprovisioning suspends users, which the read-only scope cannot.
  usersWrite: `${scopeBase}admin.directory.user`,
};

export type GoogleCredentials =
  | { accessToken: string }
  | { client_email: string; private_key: string; private_key_id?: string | undefined };

export interface GoogleClientOptions {
  credentials: GoogleCredentials | undefined;
  adminEmail: string | undefined;
  tokenUrl: string;
  scopes: string[];
  signal: AbortSignal;
  outbound: OutboundClient;
  http: HttpTuning;
  /** Told of every request and Google's answer (deprovisioning keeps them as its record). */
  onAnswer?: (call: ProviderCall) => void;
}

const jwtBearer = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Google refuses assertions that live longer than an hour. */
const assertionLifetimeSeconds = 3600;

export function googleAccessToken(options: GoogleClientOptions): AccessTokenSource {
  const credentials = options.credentials;
  if (!credentials)
    throw new ConnectorError(
      'auth',
      `${provider} needs credentials: the service account's JSON key, or an access token`,
    );
  if ('accessToken' in credentials) return staticAccessToken(credentials.accessToken);
  if (!options.adminEmail)
    throw new ConnectorError(
      'fatal',
      `${provider} needs adminEmail: the super admin the service account acts for (domain-wide delegation)`,
    );
  const subject = options.adminEmail;
  let key: ReturnType<typeof importPKCS8> | undefined;
  const signingKey = () => {
    // A key pasted through an environment variable often keeps its line breaks as the two characters "\n".
    key ??= loadJose()
      .then(({ importPKCS8 }) => importPKCS8(credentials.private_key.replace(/\\n/g, '\n'), 'RS256'))
      .catch(() => {
        throw new ConnectorError(
          'auth',
          `${provider}: the service account key's private_key is not an RSA private key in PEM (PKCS #8) form`,
        );
      });
    return key;
  };
  return fetchedAccessToken({
    provider,
    tokenUrl: options.tokenUrl,
    signal: options.signal,
    outbound: options.outbound,
    timeoutMs: options.http?.timeoutMs,
    form: async () => {
      const now = Math.floor(Date.now() / 1000);
      const { SignJWT } = await loadJose();
      const assertion = await new SignJWT({ scope: options.scopes.join(' ') })
        .setProtectedHeader({
          alg: 'RS256',
          typ: 'JWT',
          ...(credentials.private_key_id ? { kid: credentials.private_key_id } : {}),
        })
        .setIssuer(credentials.client_email)
        .setSubject(subject)
        .setAudience(options.tokenUrl)
        .setIssuedAt(now)
        .setExpirationTime(now + assertionLifetimeSeconds)
        .sign(await signingKey());
      return { grant_type: jwtBearer, assertion };
    },
  });
}

export function googleHttp(options: GoogleClientOptions): ProviderHttp {
  const token = googleAccessToken(options);
  return providerHttp({
    provider,
    signal: options.signal,
    outbound: options.outbound,
    authorization: async () => `Bearer ${await token.token()}`,
    onUnauthorized: () => token.invalidate(),
    errorText: googleErrorText,
    throttleDelay: googleThrottle,
    ...(options.onAnswer ? { onAnswer: options.onAnswer } : {}),
    ...options.http,
  });
}

interface GoogleErrorBody {
  error?:
    | string
    | { code?: number; message?: string; status?: string; errors?: { reason?: string; domain?: string }[] };
  error_description?: string;
}

const throttleReasons = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded']);

/**
 * Google throttles with 403 `usageLimits` errors (and 429) and promises no Retry-After: null tells the HTTP
 * client "throttled, back off exponentially"; undefined means a real answer (a 403 is then a permission).
 */
export function googleThrottle(response: ProviderResponse): number | null | undefined {
  if (response.status !== 403 && response.status !== 429) return undefined;
  const error = (response.body as GoogleErrorBody | undefined)?.error;
  if (typeof error !== 'object' || !error) return undefined;
  const throttled =
    error.status === 'RESOURCE_EXHAUSTED' ||
    (error.errors ?? []).some((e) => throttleReasons.has(e.reason ?? '') || e.domain === 'usageLimits');
  return throttled ? null : undefined;
}

/** Google's own words from an error body: the API's `error.message`, or the token endpoint's error. */
export function googleErrorText(body: unknown): string | undefined {
  const b = body as GoogleErrorBody | undefined;
  if (!b || typeof b !== 'object') return undefined;
  if (typeof b.error === 'string')
    return [b.error, b.error_description].filter((p) => typeof p === 'string').join(': ');
  const message = b.error?.message;
  return typeof message === 'string' ? message.slice(0, 500) : undefined;
}
