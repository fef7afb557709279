import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultInjector, type FaultOptions, type TransportFault } from './faults.js';

/**
 * A tiny HTTP server for a simulated provider API on loopback. Routes are plain functions; the server only
 * parses the request, renders JSON, and carries out the transport-level faults (a page that never answers, a
 * page cut off half way). Provider-specific answers (error bodies, throttling headers) belong to each simulator.
 */
export interface SimulatorRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SimulatorResponse {
  status: number;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /** Transport fault to carry out instead of a normal answer. */
  fault?: TransportFault;
  /** The answer is sent once this settles: a provider paused by the test (`FaultOptions.holdPages`). */
  heldUntil?: Promise<void>;
}

export interface SimulatorRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: RegExp;
  handle(request: SimulatorRequest, match: RegExpExecArray): SimulatorResponse | Promise<SimulatorResponse>;
}

export interface RunningSimulator {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  faults: FaultInjector;
  /** Requests answered so far, token requests included. */
  readonly requests: number;
  close(): Promise<void>;
}

export async function startSimulator(
  routes: readonly SimulatorRoute[] | ((base: () => string) => readonly SimulatorRoute[]),
  options: { faults?: FaultOptions; port?: number } = {},
): Promise<RunningSimulator> {
  const faults = new FaultInjector(options.faults);
  let base = '';
  const table = typeof routes === 'function' ? routes(() => base) : routes;
  let requests = 0;
  const server = createServer(async (req, res) => {
    requests += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', base);
    const request: SimulatorRequest = {
      method: req.method ?? 'GET',
      url,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    let answer: SimulatorResponse = { status: 404, json: { error: 'no such route' } };
    for (const route of table) {
      const match = route.method === request.method ? route.path.exec(url.pathname) : null;
      if (match) {
        try {
          answer = await route.handle(request, match);
        } catch (error) {
          answer = { status: 500, json: { error: (error as Error).message } };
        }
        break;
      }
    }
    // A page that never answers: hold the connection until the client gives up or the simulator closes.
    if (answer.fault === 'timeout') return;
    if (answer.heldUntil) await answer.heldUntil;
    // The client may have gone while the page was held (its process killed).
    if (res.destroyed) return;
    if (answer.fault === 'drip' || answer.fault === 'huge') return endlessBody(res, answer, answer.fault);
    const text = answer.json === undefined ? '' : JSON.stringify(answer.json);
    const body = answer.fault === 'truncate' ? text.slice(0, Math.floor(text.length / 2)) : text;
    res.writeHead(answer.status, {
      ...(answer.json === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
      ...answer.headers,
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    faults,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        faults.release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A body that never ends for a client without limits: leading JSON whitespace, a byte every 100 ms
 * (`drip`) or as fast as the client reads (`huge`), until the client goes away. The JSON itself would
 * follow, so only a deadline or a size cap, not a parse error, can stop the client.
 */
function endlessBody(res: ServerResponse, answer: SimulatorResponse, fault: 'drip' | 'huge'): void {
  res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
  let open = true;
  res.on('close', () => {
    open = false;
  });
  if (fault === 'drip') {
    const timer = setInterval(() => (open ? res.write(' ') : clearInterval(timer)), 100);
    res.on('close', () => clearInterval(timer));
    return;
  }
  const chunk = ' '.repeat(64 * 1024);
  const more = () => {
    while (open) if (!res.write(chunk)) return void res.once('drain', more);
  };
  more();
}

/** The bearer token of a request, or undefined. */
export function bearerToken(request: SimulatorRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

/** A page of `items` starting at a numeric offset cursor. */
export function pageOf<T>(
  items: readonly T[],
  offset: number,
  size: number,
): { items: T[]; next: number | null } {
  const end = Math.min(items.length, offset + size);
  return { items: items.slice(offset, end), next: end < items.length ? end : null };
}
