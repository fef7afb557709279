import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { userInfo } from 'node:os';
import { versionedPath } from '../../http/api-version.js';
import { type ErrorCode, type ErrorDetail, notFound, RosterError } from '../../lib/errors.js';

/**
 * Where the CLI sends its requests when it does not open the data itself: the running server's socket in
 * the data directory (as a local admin), or a Roster at ROSTER_URL with the API token ROSTER_TOKEN.
 */
export type ApiTarget = { kind: 'socket'; socketPath: string } | { kind: 'url'; baseUrl: URL; token: string };

/** Roster cannot be reached at all: nothing was asked, let alone changed. */
export class ApiUnreachableError extends Error {}

const errorCodes = new Set<ErrorCode>([
  'invalid_input',
  'not_found',
  'conflict',
  'unauthenticated',
  'forbidden',
  'payload_too_large',
  'sync_failed',
  'rate_limited',
]);

export interface ApiRequest {
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON, or the raw bytes of an upload (with its content type). */
  body?: unknown;
  upload?: { content: Buffer; contentType: string };
}

/** What the CLI names by name and the API's paths by id, with what the CLI says when the name is unknown. */
const namedCollections = {
  apps: (ref: string) => `No app "${ref}"`,
  sources: (ref: string) => `No source "${ref}"`,
  workflows: (ref: string) => `No workflow named ${ref}`,
  tokens: (ref: string) => `No active token named "${ref}"`,
};
export type NamedCollection = keyof typeof namedCollections;

/** A small client of Roster's REST API over node:http (no extra library loads for a command). */
export class ApiClient {
  constructor(readonly target: ApiTarget) {}

  /** Where requests go, for messages: never the token. */
  get describe(): string {
    return this.target.kind === 'socket'
      ? `the running server (${this.target.socketPath})`
      : this.target.baseUrl.origin;
  }

  async call<T>(method: string, path: string, request: ApiRequest = {}): Promise<T> {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {}))
      if (value !== undefined) query.set(key, String(value));
    const search = query.size ? `?${query}` : '';
    const headers: Record<string, string> = { accept: 'application/json' };
    let payload: Buffer | undefined;
    if (request.upload) {
      payload = request.upload.content;
      headers['content-type'] = request.upload.contentType;
    } else if (request.body !== undefined) {
      payload = Buffer.from(JSON.stringify(request.body));
      headers['content-type'] = 'application/json';
    }
    if (payload) headers['content-length'] = String(payload.length);
    const response = await this.send(method, `${path}${search}`, headers, payload);
    const text = response.body.toString('utf8');
    const json = text && /json/.test(String(response.headers['content-type'])) ? JSON.parse(text) : undefined;
    if (response.status >= 400) throw this.errorOf(response.status, json);
    return json as T;
  }

  /**
   * The id behind a name the CLI was given: the API's paths take ids (`/api/v1/apps/7`), names go through the
   * list's exact `name` filter. Apps and sources take an id as well, as the CLI always has.
   */
  async idOf(collection: NamedCollection, ref: string): Promise<number> {
    const digits = /^[1-9]\d{0,15}$/.test(ref);
    if (digits && (collection === 'apps' || collection === 'sources')) return Number(ref);
    const { items } = await this.call<{ items: { id: number }[] }>('GET', `/api/${collection}`, {
      query: { name: ref.trim(), ...(collection === 'apps' ? { limit: 1 } : {}) },
    });
    const found = items[0]?.id ?? (digits ? Number(ref) : undefined);
    if (found === undefined) throw notFound(namedCollections[collection](ref));
    return found;
  }

  /** Every item of a cursor-paged list (`{ items, nextCursor }`), asked for `limit` at a time. */
  async allPages<T>(path: string, query: ApiRequest['query'], limit: number): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const answer: { items: T[]; nextCursor: string | null } = await this.call('GET', path, {
        query: { ...query, cursor: cursor ?? undefined, limit },
      });
      items.push(...answer.items);
      cursor = answer.nextCursor;
    } while (cursor);
    return items;
  }

  /**
   * A download (a CSV export) written to `out` as it arrives; an error answer is thrown as `call` throws it.
   * Ends when the body has been written, or when `out` fails (a reader that stopped: `| head`).
   */
  async download(path: string, query: ApiRequest['query'], out: NodeJS.WritableStream): Promise<void> {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {}))
      if (value !== undefined) search.set(key, String(value));
    const response = await this.open('GET', `${path}${search.size ? `?${search}` : ''}`, {}, undefined);
    if ((response.statusCode ?? 0) >= 400) {
      const body = await readAll(response);
      const text = body.toString('utf8');
      throw this.errorOf(
        response.statusCode ?? 0,
        /json/.test(String(response.headers['content-type'])) ? JSON.parse(text) : undefined,
      );
    }
    await new Promise<void>((resolve, reject) => {
      response.on('error', reject);
      out.once('error', () => {
        response.destroy();
        resolve();
      });
      response.pipe(out as NodeJS.WritableStream, { end: false });
      response.on('end', () => resolve());
    });
  }

  private errorOf(status: number, json: unknown): Error {
    const error = (json as { error?: { code?: string; message?: string; details?: ErrorDetail[] } })?.error;
    if (error?.code && errorCodes.has(error.code as ErrorCode))
      return new RosterError(error.code as ErrorCode, String(error.message), error.details ?? []);
    return new Error(`${this.describe} answered ${status}${error?.message ? `: ${error.message}` : ''}`);
  }

  private async send(
    method: string,
    pathAndQuery: string,
    headers: Record<string, string>,
    payload: Buffer | undefined,
  ): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
    const response = await this.open(method, pathAndQuery, headers, payload);
    return { status: response.statusCode ?? 0, headers: response.headers, body: await readAll(response) };
  }

  /** Sends one request and resolves with the answer's head; its body is the caller's to read. */
  private open(
    method: string,
    pathAndQuery: string,
    extraHeaders: Record<string, string>,
    payload: Buffer | undefined,
  ): Promise<IncomingMessage> {
    const target = this.target;
    // Callers write the API's paths as `/api/…`; the documented, versioned form is what goes out.
    const path = versionedPath(pathAndQuery);
    const headers = { accept: 'application/json', ...extraHeaders };
    let options: RequestOptions;
    let send = httpRequest;
    if (target.kind === 'socket') {
      options = {
        socketPath: target.socketPath,
        path,
        headers: { ...headers, 'x-roster-cli-user': userInfo().username },
      };
    } else {
      const base = target.baseUrl;
      if (base.protocol === 'https:') send = httpsRequest;
      options = {
        protocol: base.protocol,
        hostname: base.hostname.replace(/^\[|\]$/g, ''),
        port: base.port || undefined,
        // A Roster served under a path (https://tools.example/roster) keeps it.
        path: `${base.pathname.replace(/\/$/, '')}${path}`,
        headers: { ...headers, authorization: `Bearer ${target.token}` },
      };
    }
    return new Promise((resolve, reject) => {
      const request = send({ ...options, method }, resolve);
      request.on('error', (error: NodeJS.ErrnoException) =>
        reject(new ApiUnreachableError(`Cannot reach ${this.describe}: ${error.code ?? error.message}`)),
      );
      request.end(payload);
    });
  }
}

function readAll(response: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('error', reject);
    response.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
