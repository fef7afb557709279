import { Agent, fetch as undiciFetch } from 'undici';
import { type AddressPolicy, noAllowances } from './address-policy.js';
import { guardedConnector, type ResolveHost, systemResolver } from './guarded-connector.js';
import { OutboundError, outboundErrorIn } from './outbound-error.js';
import { readCapped } from './read-capped.js';

/**
 * The one way Roster makes a request on someone's behalf (provider APIs, token endpoints, custom
 * integration URLs, single sign-on): every connection is checked against the address policy at connect
 * time, redirects are followed by hand so each hop is checked again, an answer's body is cut off at a
 * byte cap while it streams (content-length is not trusted), and one deadline covers headers and body.
 */
export interface OutboundSettings {
  policy: AddressPolicy;
  /** Largest answer body read, in bytes. */
  maxBytes: number;
  /** Deadline of a request whose caller sets none, headers and body included. */
  timeoutMs?: number;
  resolveHost?: ResolveHost;
  maxRedirects?: number;
}

export type OutboundMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface OutboundRequest {
  method?: OutboundMethod;
  headers?: Record<string, string>;
  body?: string | URLSearchParams;
  /** `manual` hands a redirect back to the caller instead of following it (checked) to its target. */
  redirect?: 'follow' | 'manual';
  /** The caller's cancellation (a cancelled sync); its reason is thrown as is. */
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface OutboundAnswer {
  status: number;
  headers: Headers;
  body: Buffer;
  /** Where the answer came from, after redirects. */
  url: string;
}

export interface OutboundClient {
  request(url: string | URL, init?: OutboundRequest): Promise<OutboundAnswer>;
  /** The same request as a fetch-shaped function, for libraries that take one (openid-client). */
  fetch(
    url: string,
    init: {
      method?: string;
      headers?: ConstructorParameters<typeof Headers>[0];
      body?: unknown;
      redirect?: string;
      signal?: AbortSignal | null;
    },
  ): Promise<Response>;
  readonly maxBytes: number;
  /** The deadline of a request that sets none (ROSTER_OUTBOUND_TIMEOUT_MS). */
  readonly timeoutMs: number;
  close(): Promise<void>;
}

/** ROSTER_OUTBOUND_MAX_BYTES and ROSTER_MAX_UPLOAD_BYTES when not set. */
export const defaultMaxBytes = 50 * 1024 * 1024;

let strict: OutboundClient | undefined;
/** A client with no allowances, for callers that bring no Roster (benchmarks, engine tests). */
export function strictOutboundClient(): OutboundClient {
  strict ??= createOutboundClient({ policy: noAllowances, maxBytes: defaultMaxBytes });
  return strict;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
/** Headers that carry the caller's credentials: never sent on to another origin a redirect names. */
const credentialHeaders = ['authorization', 'cookie', 'proxy-authorization'];

export function createOutboundClient(settings: OutboundSettings): OutboundClient {
  const timeoutMs = settings.timeoutMs ?? 30_000;
  const maxRedirects = settings.maxRedirects ?? 5;
  const agent = new Agent({
    connect: guardedConnector(
      settings.policy,
      settings.resolveHost ?? systemResolver,
      Math.min(timeoutMs, 10_000),
    ),
  });

  async function request(target: string | URL, init: OutboundRequest = {}): Promise<OutboundAnswer> {
    const method = init.method ?? 'GET';
    let url = parseTarget(String(target));
    let headers: Record<string, string> = { ...init.headers };
    const limit = init.timeoutMs ?? timeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new OutboundError('timeout', `no complete answer within ${seconds(limit)}`)),
      limit,
    );
    const onCancel = () => controller.abort(init.signal?.reason);
    if (init.signal?.aborted) onCancel();
    else init.signal?.addEventListener('abort', onCancel, { once: true });
    try {
      for (let hop = 0; ; hop++) {
        const response = await undiciFetch(url, {
          method,
          headers,
          ...(init.body === undefined ? {} : { body: init.body }),
          redirect: 'manual',
          dispatcher: agent,
          signal: controller.signal,
        });
        const location = response.headers.get('location');
        // Only reads follow redirects: a write that is redirected answers its redirect to the caller.
        const follows = method === 'GET' && init.redirect !== 'manual';
        if (follows && redirectStatuses.has(response.status) && location) {
          await response.body?.cancel();
          if (hop >= maxRedirects)
            throw new OutboundError('redirects', `more than ${maxRedirects} redirects from ${url.host}`);
          const next = parseTarget(location, url);
          if (next.origin !== url.origin)
            headers = Object.fromEntries(
              Object.entries(headers).filter(([name]) => !credentialHeaders.includes(name.toLowerCase())),
            );
          url = next;
          continue;
        }
        const body = await readCapped(response, settings.maxBytes);
        return { status: response.status, headers: response.headers as Headers, body, url: url.href };
      }
    } catch (error) {
      if (init.signal?.aborted) throw init.signal.reason;
      const reason = controller.signal.aborted ? controller.signal.reason : undefined;
      if (reason instanceof OutboundError) throw reason;
      const known = outboundErrorIn(error);
      if (known) throw known;
      throw new OutboundError('unreachable', `cannot connect to ${url.host}${codeOf(error)}`);
    } finally {
      clearTimeout(timer);
      init.signal?.removeEventListener('abort', onCancel);
    }
  }

  return {
    request,
    async fetch(url, init) {
      const answer = await request(url, {
        method: init.method === 'POST' ? 'POST' : 'GET',
        headers: Object.fromEntries(new Headers(init.headers).entries()),
        ...(typeof init.body === 'string' || init.body instanceof URLSearchParams ? { body: init.body } : {}),
        ...(init.redirect === 'manual' ? { redirect: 'manual' as const } : {}),
        ...(init.signal ? { signal: init.signal } : {}),
      });
      const empty = [101, 204, 205, 304].includes(answer.status);
      return new Response(empty ? null : new Uint8Array(answer.body), {
        status: answer.status,
        headers: answer.headers,
      });
    },
    maxBytes: settings.maxBytes,
    timeoutMs,
    close: () => agent.close(),
  };
}

function parseTarget(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new OutboundError('bad_url', 'the address is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new OutboundError('bad_url', `refused: ${url.protocol} addresses are not fetched; use https`);
  return url;
}

/** The system error code (ECONNREFUSED, ETIMEDOUT …) of a failed connection, never a remote text. */
function codeOf(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return ` (${code})`;
    current = (current as Error & { cause?: unknown }).cause;
  }
  return '';
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
