import type { OutboundClient, OutboundMethod } from '../../lib/outbound/outbound-client.js';
import { type AccessTokenSource, fetchedAccessToken, staticAccessToken } from '../kit/access-token.js';
import { ConnectorError } from '../kit/connector-error.js';
import { followPages } from '../kit/paging.js';
import {
  type HttpTuning,
  type ProviderCall,
  type ProviderWriteAnswer,
  providerHttp,
} from '../kit/provider-http.js';

/**
 * Microsoft Graph as Roster reads it: client-credentials tokens from the Microsoft identity platform (or a
 * pre-issued token), the kit's HTTP client with Graph's error body read into every message, and
 * collections walked through `@odata.nextLink`.
 */
export const provider = 'Microsoft Graph';
export const graphScope = 'https://graph.microsoft.com/.default';

export interface GraphPage<T> {
  '@odata.nextLink'?: string;
  value: T[];
}

export interface GraphClientOptions {
  baseUrl: string;
  tokenUrl: string;
  clientId?: string;
  credentials: { clientSecret: string } | { accessToken: string };
  signal: AbortSignal;
  outbound: OutboundClient;
  http?: HttpTuning;
  /** Told of every request and Graph's answer (deprovisioning keeps them as its record). */
  onAnswer?: (call: ProviderCall) => void;
}

export interface GraphClient {
  /** One request; the path is relative to the base URL (`/users?...`) or a full next link. */
  get<T>(pathOrUrl: string): Promise<T>;
  /** Every page of a collection, following `@odata.nextLink` verbatim. */
  pages<T>(path: string): AsyncGenerator<GraphPage<T>>;
  /** A write (PATCH, POST) to a path relative to the base URL; a 204 answers without a body. */
  write<T>(method: OutboundMethod, path: string, body?: unknown): Promise<ProviderWriteAnswer<T>>;
  readonly requests: number;
}

export function graphClient(options: GraphClientOptions): GraphClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const origin = new URL(base).origin;
  const tokens = tokenSource(options);
  const http = providerHttp({
    provider,
    signal: options.signal,
    outbound: options.outbound,
    authorization: async () => `Bearer ${await tokens.token()}`,
    onUnauthorized: () => tokens.invalidate(),
    errorText: graphErrorText,
    ...(options.onAnswer ? { onAnswer: options.onAnswer } : {}),
    ...options.http,
  });

  const resolve = (pathOrUrl: string): string => {
    if (!/^https?:\/\//i.test(pathOrUrl)) return `${base}${pathOrUrl}`;
    // A next link is followed with the bearer token: never send it to another host than Graph's own.
    if (new URL(pathOrUrl).origin !== origin)
      throw new ConnectorError(
        'invalid_data',
        `${provider} returned a page link to another host (${new URL(pathOrUrl).host}); it was not followed`,
      );
    return pathOrUrl;
  };

  return {
    async get<T>(pathOrUrl: string) {
      return (await http.getJson<T>(resolve(pathOrUrl))).body;
    },
    pages<T>(path: string) {
      return followPages<GraphPage<T>>(
        provider,
        resolve(path),
        async (url) => {
          const page = (await http.getJson<GraphPage<T>>(resolve(url))).body;
          if (!page || !Array.isArray(page.value))
            throw new ConnectorError(
              'invalid_data',
              `${provider} answered ${describe(url)} without a value list`,
            );
          return page;
        },
        (page) => page['@odata.nextLink'],
      );
    },
    write<T>(method: OutboundMethod, path: string, body?: unknown) {
      return http.write<T>(method, resolve(path), body);
    },
    get requests() {
      return http.requests;
    },
  };
}

function tokenSource(options: GraphClientOptions): AccessTokenSource {
  const { credentials } = options;
  if ('accessToken' in credentials) return staticAccessToken(credentials.accessToken);
  const clientId = options.clientId;
  if (!clientId)
    throw new ConnectorError(
      'auth',
      'A client secret needs the application (client) ID in the source config',
    );
  return fetchedAccessToken({
    provider: 'Microsoft Entra ID',
    tokenUrl: options.tokenUrl,
    signal: options.signal,
    outbound: options.outbound,
    timeoutMs: options.http?.timeoutMs,
    form: async () => ({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: credentials.clientSecret,
      scope: graphScope,
    }),
  });
}

/** Graph's `{"error":{"code","message"}}` as "message (code)", so callers can tell a licence gap from a missing permission. */
export function graphErrorText(body: unknown): string | undefined {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (!error || typeof error !== 'object') return undefined;
  const code = typeof error.code === 'string' ? error.code : undefined;
  const message = typeof error.message === 'string' ? error.message.trim() : undefined;
  if (message && code) return `${message} (${code})`;
  return message ?? code;
}

/** Whether a ConnectorError carries this Graph error code. */
export function hasGraphCode(error: unknown, code: string): boolean {
  return error instanceof ConnectorError && error.message.includes(`(${code})`);
}

function describe(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return 'a request';
  }
}
