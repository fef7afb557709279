import { z } from 'zod';
import type { OutboundClient, OutboundMethod } from '../../lib/outbound/outbound-client.js';
import { OutboundError } from '../../lib/outbound/outbound-error.js';
import { ConnectorError } from './connector-error.js';
import { outboundFailure } from './outbound-failure.js';
import { pause } from './pause.js';
import { remoteText } from './remote-text.js';
import { advancedField } from './settings-schema.js';

/**
 * The one HTTP client every provider connector uses: JSON over Roster's guarded outbound client (internal
 * addresses refused, answers capped) with a per-request timeout covering the body, bounded
 * exponential backoff that honours `Retry-After` and the provider's own rate-limit signals, one token
 * refresh on 401, and provider errors turned into ConnectorError codes the sync engine understands.
 */

/** A response the provider answered, handed to the provider's own classifiers. */
export interface ProviderResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or undefined when the body was empty or not JSON. */
  body: unknown;
}

export interface ProviderHttpOptions {
  /** Named in every error, e.g. "Microsoft Graph". */
  provider: string;
  signal: AbortSignal;
  /** The source's way to the network (FetchContext.outbound). */
  outbound: OutboundClient;
  /** The Authorization header value; called before every request so a refreshed token is used. */
  authorization?: () => Promise<string>;
  /** Drops a cached token after a 401 so the next `authorization()` fetches a new one. */
  onUnauthorized?: () => void;
  /**
   * The provider's error text from an error answer (Graph `error.message`, Okta `errorSummary`, BambooHR's
   * `X-BambooHR-Error-Message` header, …).
   */
  errorText?: (body: unknown, headers: Headers) => string | undefined;
  /**
   * Whether an answer is the provider throttling (beyond 429), and how long it asks to wait in ms, e.g.
   * Google's 403 `rateLimitExceeded` or Okta's `X-Rate-Limit-Reset`. `undefined` means not throttled.
   */
  throttleDelay?: (response: ProviderResponse) => number | null | undefined;
  /** Attempts per request, first included. */
  maxAttempts?: number;
  /** First backoff; doubles on every attempt up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /**
   * Told of every answer (retries included), for the record a deprovisioning keeps of each request it made
   * and the provider's answer. Gets the method, the path without its query (no secrets) and the status.
   */
  onAnswer?: (call: ProviderCall) => void;
}

/** One request made to a provider, as kept in an action's record: never a header, query or body. */
export interface ProviderCall {
  method: OutboundMethod;
  /** Host and path, without the query string. */
  url: string;
  /** The HTTP status, or null when no answer came (a timeout, a refused address) or nothing was sent. */
  status: number | null;
  /** The provider's own error text, or what a dry run would do. */
  detail?: string;
}

/** A write to a provider: the status and the body when there is one (204 answers have none). */
export interface ProviderWriteAnswer<T> {
  status: number;
  body: T | undefined;
  headers: Headers;
}

/**
 * Request tuning every provider connector's config accepts as `http`, so tests and slow networks can set
 * timeouts and retries without code changes.
 */
export const httpTuningSchema = z
  .strictObject({
    timeoutMs: z.number().int().min(100).max(600_000).optional().meta({
      title: 'Request timeout (ms)',
      description:
        'How long one request to the provider may take, reading the answer included. Default: 30000.',
    }),
    maxAttempts: z.number().int().min(1).max(20).optional().meta({
      title: 'Attempts per request',
      description:
        'Tries of one request, the first included, when the provider is busy or fails for a moment. Default: 6.',
    }),
    baseDelayMs: z.number().int().min(0).max(60_000).optional().meta({
      title: 'First retry delay (ms)',
      description:
        'Wait before the first retry, doubled at every further retry, unless the provider says how long to wait. Default: 500.',
    }),
    maxDelayMs: z.number().int().min(0).max(600_000).optional().meta({
      title: 'Longest retry delay (ms)',
      description:
        'The doubling retry delay stops growing here; a throttling provider is not waited for longer. Default: 30000.',
    }),
  })
  .optional()
  .meta({
    title: 'HTTP tuning',
    description: 'Timeouts and retries of the requests to the provider; the defaults suit most networks.',
    ...advancedField,
  });
export type HttpTuning = z.output<typeof httpTuningSchema>;

export interface ProviderHttp {
  getJson<T = unknown>(url: string | URL): Promise<{ body: T; headers: Headers }>;
  /** POST a JSON body and read a JSON answer, with the same retries (for read-only queries such as reports). */
  postJson<T = unknown>(url: string | URL, body: unknown): Promise<{ body: T; headers: Headers }>;
  /**
   * A write (deprovisioning, creating a ticket) with the same retries, token refresh and error codes; an
   * empty 2xx answer is success. Writes sent again after a lost answer must be idempotent at the provider
   * (setting a status, removing an assignment) or checked by the caller.
   */
  write<T = unknown>(
    method: OutboundMethod,
    url: string | URL,
    body?: unknown,
  ): Promise<ProviderWriteAnswer<T>>;
  /** Requests made so far, retries included (reported in run logs and benchmarks). */
  readonly requests: number;
}

const defaults = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000, timeoutMs: 30_000 };

export function providerHttp(options: ProviderHttpOptions): ProviderHttp {
  const settings = { ...defaults, ...options };
  let requests = 0;

  async function attempt(method: OutboundMethod, url: string, payload?: string): Promise<ProviderResponse> {
    requests += 1;
    const headers: Record<string, string> = { accept: 'application/json', ...settings.headers };
    if (payload !== undefined) headers['content-type'] = 'application/json';
    if (settings.authorization) headers.authorization = await settings.authorization();
    // The deadline covers the body too: a provider can stall half way through a page.
    try {
      const answer = await settings.outbound.request(url, {
        method,
        headers,
        ...(payload === undefined ? {} : { body: payload }),
        signal: settings.signal,
        timeoutMs: settings.timeoutMs,
      });
      const body = parseJson(answer.body.toString('utf8'));
      if (settings.onAnswer) {
        const detail =
          answer.status >= 400 ? remoteText(settings.errorText?.(body, answer.headers)) : undefined;
        settings.onAnswer({
          method,
          url: describeCall(url),
          status: answer.status,
          ...(detail ? { detail } : {}),
        });
      }
      return { status: answer.status, headers: answer.headers, body };
    } catch (error) {
      settings.onAnswer?.({
        method,
        url: describeCall(url),
        status: null,
        detail: error instanceof Error ? error.message : 'the request failed',
      });
      throw error;
    }
  }

  function getJson<T>(target: string | URL): Promise<{ body: T; headers: Headers }> {
    return send<T>('GET', String(target));
  }

  function postJson<T>(target: string | URL, body: unknown): Promise<{ body: T; headers: Headers }> {
    return send<T>('POST', String(target), JSON.stringify(body));
  }

  async function write<T>(
    method: OutboundMethod,
    target: string | URL,
    body?: unknown,
  ): Promise<ProviderWriteAnswer<T>> {
    let status = 0;
    const answer = await send<T>(
      method,
      String(target),
      body === undefined ? undefined : JSON.stringify(body),
      {
        emptyIsComplete: true,
        onStatus: (s) => {
          status = s;
        },
      },
    );
    return { status, body: answer.body as T | undefined, headers: answer.headers };
  }

  async function send<T>(
    method: OutboundMethod,
    url: string,
    payload?: string,
    options: { emptyIsComplete?: boolean; onStatus?: (status: number) => void } = {},
  ): Promise<{ body: T; headers: Headers }> {
    const where = describe(url);
    let refreshed = false;
    let lastProblem = '';
    for (let n = 1; n <= settings.maxAttempts; n++) {
      let response: ProviderResponse;
      try {
        response = await attempt(method, url, payload);
      } catch (error) {
        if (settings.signal.aborted) throw error;
        // A refused address, an answer over the cap, or a token endpoint refusing the credentials: asking
        // again cannot help. Timeouts and unreachable hosts (the provider's or its token endpoint's) are retried.
        const failure = outboundFailure(error, `${settings.provider} (${where})`, settings.signal);
        if (failure instanceof ConnectorError && failure.code !== 'transient') throw failure;
        lastProblem =
          error instanceof ConnectorError || error instanceof OutboundError
            ? error.message
            : 'the request failed';
        await pause(backoff(settings, n), settings.signal);
        continue;
      }
      const detail = remoteText(settings.errorText?.(response.body, response.headers));
      const throttled = settings.throttleDelay?.(response);
      if (response.status === 429 || throttled !== undefined) {
        lastProblem = `throttled (HTTP ${response.status})`;
        const asked = throttled ?? retryAfterMs(response.headers);
        await pause(Math.min(asked ?? backoff(settings, n), settings.maxDelayMs), settings.signal);
        continue;
      }
      if (response.status === 401) {
        if (!refreshed && settings.onUnauthorized) {
          // An expired or revoked token: fetch a fresh one once; a second 401 means the credentials are wrong.
          refreshed = true;
          settings.onUnauthorized();
          continue;
        }
        throw new ConnectorError(
          'auth',
          withDetail(`${settings.provider} refused the credentials (HTTP 401)`, detail),
        );
      }
      if (response.status === 403)
        throw new ConnectorError(
          'permission',
          withDetail(`${settings.provider} denied access to ${where} (HTTP 403)`, detail),
        );
      if (response.status === 404)
        throw new ConnectorError(
          'not_found',
          withDetail(`${settings.provider} has no ${where} (HTTP 404)`, detail),
        );
      if (response.status >= 500 || response.status === 408) {
        lastProblem = withDetail(`HTTP ${response.status}`, detail);
        await pause(retryAfterMs(response.headers) ?? backoff(settings, n), settings.signal);
        continue;
      }
      if (response.status >= 400)
        throw new ConnectorError(
          'fatal',
          withDetail(`${settings.provider} rejected ${where} (HTTP ${response.status})`, detail),
        );
      options.onStatus?.(response.status);
      if (options.emptyIsComplete) return { body: response.body as T, headers: response.headers };
      if (response.body === undefined) {
        // A cut-off or non-JSON page: ask again rather than read half a list.
        lastProblem = 'the answer was not complete JSON';
        await pause(backoff(settings, n), settings.signal);
        continue;
      }
      return { body: response.body as T, headers: response.headers };
    }
    throw new ConnectorError(
      'transient',
      `${settings.provider} kept failing on ${where} after ${settings.maxAttempts} attempts: ${lastProblem}`,
    );
  }

  return {
    getJson,
    postJson,
    write,
    get requests() {
      return requests;
    },
  };
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function withDetail(message: string, detail: string | undefined): string {
  return detail ? `${message}: ${detail}` : message;
}

/** The path of a URL without its query, so tokens in query strings never reach a message. */
function describe(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return 'the request';
  }
}

/** Host and path of a URL, without its query, for a call record. */
function describeCall(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return 'the request';
  }
}

function backoff(settings: typeof defaults, attemptNumber: number): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attemptNumber - 1));
  // Full jitter keeps parallel syncs from retrying in step.
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/** `Retry-After` as seconds or an HTTP date, in ms. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
