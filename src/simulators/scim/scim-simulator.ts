import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';
import { declareScimUsers, type ScimHandlerContext } from './scim-handlers.js';
import { ScimUserStore, type StoredScimUser } from './scim-user-store.js';

/**
 * A real SCIM 2.0 service (scimmy's protocol implementation behind scimmy-routers, in express) on
 * loopback, over an in-memory user store: tests and the demo point a `scim` source at it. Besides the
 * protocol it can throttle (429 with Retry-After), refuse writes to a read-only token (403), cap its page
 * size, break a page, and ignore startIndex, as real services do on a bad day.
 */
export interface ScimSimulatorOptions {
  users?: readonly (Omit<StoredScimUser, 'id'> & { id?: string })[];
  /** The bearer token with full access; random when absent. */
  token?: string;
  /** A token that may read but not write (its writes get the SCIM 403). */
  readOnlyToken?: string;
  /** The most users it serves per page, whatever `count` asks (a service capping its pages). */
  maxPageSize?: number;
  port?: number;
}

export interface ScimFaults {
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
  faults: ScimFaults;
  /** Every request received, in order, throttled and refused ones included. */
  readonly requests: ScimRequestSeen[];
  /**
   * The next `requests` requests (writes only, with `writesOnly`) answer 429 with `Retry-After`
   * (`retryAfterSeconds`, default 0).
   */
  throttle(requests: number, options?: { retryAfterSeconds?: number; writesOnly?: boolean }): void;
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
  const faults: ScimFaults = {};
  const requests: ScimRequestSeen[] = [];
  let throttled = { left: 0, retryAfterSeconds: 0, writesOnly: false };
  const context: ScimHandlerContext = { store };

  const app = express();
  app.use(ROOT, (req: Request, res: Response, next: NextFunction) => {
    // Express 5 parses the query afresh on every read; scimmy-routers turns startIndex and count into
    // numbers in place, so the query is made a plain object once.
    const query = { ...(req.query as Record<string, string>) };
    Object.defineProperty(req, 'query', { value: query, writable: true, configurable: true });
    requests.push({ method: req.method, path: req.path, query: { ...query }, accept: req.header('accept') });
    if (throttled.left > 0 && (!throttled.writesOnly || req.method !== 'GET')) {
      throttled.left -= 1;
      res
        .status(429)
        .set('retry-after', String(throttled.retryAfterSeconds))
        .type('application/scim+json')
        .send(scimError(429, 'Too many requests; retry after the Retry-After delay'));
      return;
    }
    const bearer = req.header('authorization');
    if (bearer === `Bearer ${readOnlyToken}` && req.method !== 'GET') {
      res
        .status(403)
        .type('application/scim+json')
        .send(scimError(403, 'This token may read users but not change them'));
      return;
    }
    const patched =
      req.method === 'PATCH' && faults.ignorePatches ? store.get(req.path.split('/').pop() ?? '') : undefined;
    if (patched) {
      res
        .status(200)
        .type('application/scim+json')
        .send({ schemas: [SCIMMY.Schemas.User.id], ...patched });
      return;
    }
    if (req.method === 'GET' && req.path === '/Users') {
      const start = Number(query.startIndex ?? 1);
      if (faults.brokenPages?.includes(start)) {
        res.status(200).type('application/scim+json').send('<html>Service unavailable</html>');
        return;
      }
      if (faults.ignoreStartIndex) delete query.startIndex;
      if (options.maxPageSize !== undefined)
        query.count = String(Math.min(Number(query.count ?? options.maxPageSize), options.maxPageSize));
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
    requests,
    throttle(count, { retryAfterSeconds = 0, writesOnly = false } = {}) {
      throttled = { left: count, retryAfterSeconds, writesOnly };
    },
    source: (appName) => ({ config: { app: appName, baseUrl: url }, credentials: { token } }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The SCIM error body (RFC 7644 §3.12); `status` is a string there. */
function scimError(status: number, detail: string) {
  return { schemas: [SCIMMY.Messages.Error.id], status: String(status), detail };
}
