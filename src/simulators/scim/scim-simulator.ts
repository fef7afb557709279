import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';
import { type Fault, FaultInjector, type FaultOptions } from '../kit/faults.js';
import { endlessBody } from '../kit/simulator-server.js';
import { declareScimUsers, type ScimHandlerContext } from './scim-handlers.js';
import { ScimUserStore, type StoredScimUser } from './scim-user-store.js';

/**
 * A real SCIM 2.0 service (scimmy's protocol implementation behind scimmy-routers, in express) on
 * loopback, over an in-memory user store: tests and the demo point a `scim` source at it. Around the
 * protocol it renders the kit's faults (throttling with Retry-After, server errors, silence, cut-off and
 * endless answers, revoked tokens), refuses writes to a read-only token (403), caps its page size, and has
 * a few SCIM quirks of its own.
 */
export interface ScimSimulatorOptions {
  users?: readonly (Omit<StoredScimUser, 'id'> & { id?: string })[];
  /** The bearer token with full access; random when absent. */
  token?: string;
  /** A token that may read but not write (its writes get the SCIM 403). */
  readOnlyToken?: string;
  /** The most users it serves per page, whatever `count` asks (a service capping its pages). */
  maxPageSize?: number;
  faults?: FaultOptions;
  /** Seconds a throttled answer asks the client to wait; default 0. */
  retryAfterSeconds?: number;
  port?: number;
}

/** Misbehaviour particular to SCIM services, beside the kit's faults. */
export interface ScimQuirks {
  /** Pages (by the startIndex asked for) answered with a body that is not JSON. */
  brokenPages?: number[];
  /** Serves the first page whatever startIndex asks: a service that would page forever. */
  ignoreStartIndex?: boolean;
  /** Answers a PATCH 200 with the user unchanged: a service that accepts an operation it does not apply. */
  ignorePatches?: boolean;
}

export interface ScimRequestSeen {
  method: string;
  /** The path below the service root, e.g. /Users/user-0001. */
  path: string;
  query: Record<string, string>;
  /** The Accept header the client sent. */
  accept: string | undefined;
}

export interface RunningScim {
  /** The service root, e.g. http://127.0.0.1:41234/scim/v2 */
  url: string;
  token: string;
  readOnlyToken: string;
  store: ScimUserStore;
  faults: FaultInjector;
  quirks: ScimQuirks;
  /** Every request received, in order, throttled and refused ones included. */
  readonly requests: ScimRequestSeen[];
  /**
   * The next `requests` requests (writes only, with `writesOnly`) answer 429 with `Retry-After`
   * (`retryAfterSeconds`, default 0).
   */
  throttle(requests: number, options?: { retryAfterSeconds?: number; writesOnly?: boolean }): void;
  /** Refuses both tokens from now on, as a revoked grant. */
  revokeTokens(): void;
  /** A `scim` source's settings pointing at this service. */
  source(app: string): { config: Record<string, unknown>; credentials: Record<string, unknown> };
  close(): Promise<void>;
}

const ROOT = '/scim/v2';

export async function startScimSimulator(options: ScimSimulatorOptions = {}): Promise<RunningScim> {
  declareScimUsers();
  const store = new ScimUserStore(options.users);
  const token = options.token ?? `scim-${crypto.randomUUID()}`;
  const readOnlyToken = options.readOnlyToken ?? `scim-read-${crypto.randomUUID()}`;
  const faults = new FaultInjector(options.faults);
  const quirks: ScimQuirks = {};
  const requests: ScimRequestSeen[] = [];
  let throttled = { left: 0, retryAfterSeconds: 0, writesOnly: false };
  let revoked = false;
  const context: ScimHandlerContext = { store };
  const refuse = (res: Response, status: number, detail: string, headers: Record<string, string> = {}) =>
    res.status(status).set(headers).type('application/scim+json').send(scimError(status, detail));

  const app = express();
  app.use(ROOT, (req: Request, res: Response, next: NextFunction) => {
    // Express 5 parses the query afresh on every read; scimmy-routers turns startIndex and count into
    // numbers in place, so the query is made a plain object once.
    const query = { ...(req.query as Record<string, string>) };
    Object.defineProperty(req, 'query', { value: query, writable: true, configurable: true });
    requests.push({ method: req.method, path: req.path, query: { ...query }, accept: req.header('accept') });
    if (throttled.left > 0 && (!throttled.writesOnly || req.method !== 'GET')) {
      throttled.left -= 1;
      refuse(res, 429, 'Too many requests; retry after the Retry-After delay', {
        'retry-after': String(throttled.retryAfterSeconds),
      });
      return;
    }
    const listing = req.method === 'GET' && req.path === '/Users' && query.filter === undefined;
    const start = Math.max(1, Number(query.startIndex ?? 1) || 1);
    const count = Math.min(
      Math.max(0, Number(query.count ?? options.maxPageSize ?? 100) || 0),
      options.maxPageSize ?? Number.MAX_SAFE_INTEGER,
    );
    const page = listing ? Math.floor((start - 1) / Math.max(count, 1)) + 1 : undefined;
    const fault = faults.decide(`${req.method} ${req.originalUrl}`, page);
    if (render(fault, res, options.retryAfterSeconds ?? 0)) return;
    const bearer = req.header('authorization');
    if (revoked && (bearer === `Bearer ${token}` || bearer === `Bearer ${readOnlyToken}`)) {
      refuse(res, 401, 'The bearer token was revoked');
      return;
    }
    if (bearer === `Bearer ${readOnlyToken}` && req.method !== 'GET') {
      refuse(res, 403, 'This token may read users but not change them');
      return;
    }
    const patched =
      req.method === 'PATCH' && quirks.ignorePatches ? store.get(req.path.split('/').pop() ?? '') : undefined;
    if (patched) {
      res
        .status(200)
        .type('application/scim+json')
        .send({ schemas: [SCIMMY.Schemas.User.id], ...patched });
      return;
    }
    if (listing && page !== undefined) {
      if (quirks.brokenPages?.includes(start)) {
        res.status(200).type('application/scim+json').send('<html>Service unavailable</html>');
        return;
      }
      let served = start;
      const plan = faults.plan;
      // The kit's "page link that loops": the page after it serves that page again.
      if (plan.repeatPageLink !== undefined && page === plan.repeatPageLink + 1) served = start - count;
      // A user added before the reader's position mid-read: each later page starts one user early.
      if (plan.repeatUserAcrossPages && page > 1) served = start - 1;
      if (quirks.ignoreStartIndex) served = 1;
      query.startIndex = String(Math.max(1, served));
      query.count = String(count);
    }
    next();
  });
  app.use(
    ROOT,
    new SCIMMYRouters({
      type: 'bearer',
      handler: (req) => {
        const header = req.header('authorization');
        if (header !== `Bearer ${token}` && header !== `Bearer ${readOnlyToken}`)
          throw new Error('The bearer token is missing, expired or wrong');
        return 'roster';
      },
      context: () => context,
    }),
  );

  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(options.port ?? 0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${ROOT}`;
  return {
    url,
    token,
    readOnlyToken,
    store,
    faults,
    quirks,
    requests,
    throttle(count, { retryAfterSeconds = 0, writesOnly = false } = {}) {
      throttled = { left: count, retryAfterSeconds, writesOnly };
    },
    revokeTokens() {
      revoked = true;
    },
    source: (appName) => ({ config: { app: appName, baseUrl: url }, credentials: { token } }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        faults.release();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Carries out a kit fault in SCIM's own terms; false when there is none to carry out here. */
function render(fault: Fault | null, res: Response, retryAfterSeconds: number): boolean {
  const send = (status: number, detail: string, headers: Record<string, string> = {}) =>
    res.status(status).set(headers).type('application/scim+json').send(scimError(status, detail));
  switch (fault) {
    case 'throttle':
      send(429, 'Too many requests', { 'retry-after': String(retryAfterSeconds) });
      return true;
    case 'error':
      send(500, 'The service failed for a moment');
      return true;
    case 'revoked':
      send(401, 'The bearer token was revoked');
      return true;
    case 'timeout':
      // Never answers: the client's deadline ends it (closing the simulator drops the connection).
      return true;
    case 'drip':
    case 'huge':
      endlessBody(res, { status: 200, headers: { 'content-type': 'application/scim+json' } }, fault);
      return true;
    case 'truncate': {
      // scimmy answers through res.send; the JSON it sends is cut off half way.
      const send = res.send.bind(res);
      res.send = (body?: unknown) =>
        typeof body === 'string' || Buffer.isBuffer(body)
          ? send(String(body).slice(0, Math.floor(String(body).length / 2)))
          : send(body);
      return false;
    }
    default:
      return false;
  }
}

/** The SCIM error body (RFC 7644 §3.12); `status` is a string there. */
function scimError(status: number, detail: string) {
  return { schemas: [SCIMMY.Messages.Error.id], status: String(status), detail };
}
