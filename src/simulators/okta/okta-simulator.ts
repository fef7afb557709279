import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, jwtVerify } from 'jose';
import type { Fault } from '../kit/faults.js';
import type { RunningProvider, SimulatorOptions, StartProvider } from '../kit/simulated-provider.js';
import {
  type SimulatorRequest,
  type SimulatorResponse,
  type SimulatorRoute,
  startSimulator,
} from '../kit/simulator-server.js';
import { TokenIssuer } from '../kit/token-issuer.js';
import { deactivateUser, findUser, unassignUser, usersWithEmail } from './okta-lifecycle.js';
import { buildOrg, type OktaOrg } from './okta-objects.js';

/**
 * A simulated Okta Management API: `/api/v1/users` (the plain listing leaves DEPROVISIONED users out; a
 * `search` or `filter` on status returns them, a `search` on `profile.email` finds a user by address),
 * `/api/v1/users/{id}`, `/api/v1/apps` (with `q`) and `/api/v1/apps/{id}/users`, all paged with
 * `Link: <…?after=…>; rel="next"`; the writes deprovisioning makes (deactivating a user, which removes
 * their app assignments, and unassigning a user from an app); SSWS API tokens and OAuth 2.0 client
 * credentials with `private_key_jwt` at `/oauth2/v1/token`, each token carrying its scopes (a `.manage`
 * scope includes its `.read`); Okta's error bodies (E0000011, E0000006, E0000007, E0000047) and
 * X-Rate-Limit-* headers.
 */

export interface RunningOkta extends RunningProvider {
  /** The same organisation read through an OAuth service app (client credentials, private_key_jwt). */
  clientCredentialsSource: { config: Record<string, unknown>; credentials: Record<string, unknown> };
  /** The API token the SSWS source uses. */
  apiToken: string;
  /** An OAuth access token carrying exactly these scopes, as a service app granted only them would get. */
  issueToken(scopes: readonly string[]): string;
  /** The organisation as the simulator holds it now: writes change what later reads return. */
  org(): OktaOrg;
  /** Writes (deactivations, unassignments) the simulator carried out or refused, throttled ones included. */
  readonly writes: number;
}

const USERS_MAX = 200;
const APPS_MAX = 200;
const APP_USERS_DEFAULT = 50;
const APP_USERS_MAX = 500;
const RATE_LIMIT = 600;
const SCOPES = ['okta.users.read', 'okta.apps.read', 'okta.users.manage', 'okta.apps.manage'];

/** Okta's `.manage` scopes include reading: `okta.users.manage` lets a token list users too. */
function allows(granted: readonly string[] | undefined, needed: string): boolean {
  if (!granted) return false;
  return granted.includes(needed) || granted.includes(needed.replace(/\.read$/, '.manage'));
}

export interface OktaSimulatorOptions extends SimulatorOptions {
  /** The service app requires DPoP-bound tokens, as new Okta API service apps do by default. */
  requireDpop?: boolean;
}

export const startOktaSimulator = (options: OktaSimulatorOptions): Promise<RunningOkta> => start(options);

/** The StartProvider whose `source` reads through an OAuth service app instead of an API token. */
export const startOktaOAuthSimulator: StartProvider = async (options) => {
  const running = await start(options);
  return { ...running, source: running.clientCredentialsSource };
};

async function start(options: OktaSimulatorOptions): Promise<RunningOkta> {
  const apiToken = `00${randomBytes(20).toString('base64url')}`;
  const clientId = `0oa${randomBytes(8).toString('hex')}`;
  const keyId = 'roster-sim-key';
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid: keyId, alg: 'RS256' };
  const tokens = new TokenIssuer([], options.tokenLifetimeSeconds ?? 3600);
  const scopesOf = new Map<string, string[]>();
  const usedAssertions = new Set<string>();
  let apiTokenRevoked = false;
  let org: OktaOrg | undefined;
  let writes = 0;
  const retryAfter = options.retryAfterSeconds ?? 1;

  const routes = (base: () => string): SimulatorRoute[] => {
    const orgOf = () => {
      org ??= buildOrg(options.directory, base());
      return org;
    };
    const tokenUrl = () => `${base()}/oauth2/v1/token`;

    /** Authentication, then the fault plan, the way Okta answers each. */
    function gate(
      request: SimulatorRequest,
      page: number | undefined,
      scope: string,
    ): SimulatorResponse | undefined {
      const header = request.headers.authorization ?? '';
      if (header.startsWith('SSWS ')) {
        if (header.slice(5) !== apiToken || apiTokenRevoked) return invalidToken();
      } else if (header.startsWith('Bearer ')) {
        const token = header.slice(7);
        if (tokens.check(token) !== 'valid') return invalidToken();
        if (!allows(scopesOf.get(token), scope)) return forbidden();
      } else {
        return invalidToken();
      }
      const fault = running.faults.decide(`${request.url.pathname}${request.url.search}`, page);
      return fault ? render(fault) : undefined;
    }

    function render(fault: Fault): SimulatorResponse {
      switch (fault) {
        case 'revoked':
          return invalidToken();
        case 'throttle':
          return oktaError(
            429,
            'E0000047',
            'API call exceeded rate limit due to too many requests.',
            rateHeaders(0, retryAfter),
          );
        case 'error':
          return oktaError(500, 'E0000009', 'Internal Server Error');
        case 'timeout':
          return { status: 200, fault: 'timeout' };
        case 'truncate':
        case 'drip':
        case 'huge':
          return { status: 200, fault, json: [], headers: rateHeaders() };
      }
    }

    /** One page of a list, with Okta's self and next links; `after` is the id of the last item served. */
    function listPage<T extends { id: string }>(
      request: SimulatorRequest,
      items: readonly T[],
      limits: { default: number; max: number },
      scope: string,
    ): SimulatorResponse {
      const params = request.url.searchParams;
      const limitParam = params.get('limit');
      const limit = limitParam === null ? limits.default : Number(limitParam);
      if (!Number.isInteger(limit) || limit < 1)
        return oktaError(400, 'E0000001', 'Api validation failed: limit');
      const size = Math.min(limit, limits.max);
      const after = params.get('after');
      let offset = 0;
      if (after !== null) {
        const at = positionOf(items, after);
        if (at === undefined) return oktaError(400, 'E0000031', 'Invalid search criteria.');
        offset = at + 1;
      }
      const pageNumber = Math.floor(offset / size) + 1;
      const refused = gate(request, pageNumber, scope);
      if (refused && refused.fault !== 'truncate') return refused;
      const end = Math.min(items.length, offset + size);
      const served = items.slice(offset, end);
      // A directory changing mid-read: the previous page's last item comes again first.
      if (running.faults.plan.repeatUserAcrossPages && offset > 0) {
        const previous = items[offset - 1];
        if (previous) served.unshift(previous);
      }
      const self = new URL(request.url.pathname, base());
      for (const [k, v] of params) self.searchParams.set(k, v);
      const links = [`<${self}>; rel="self"`];
      if (end < items.length) {
        const next = new URL(self);
        next.searchParams.set('limit', String(size));
        const last = items[end - 1];
        // A provider bug: the next link of this page is the page itself.
        if (running.faults.plan.repeatPageLink === pageNumber) next.search = self.search;
        else if (last) next.searchParams.set('after', last.id);
        links.push(`<${next}>; rel="next"`);
      }
      return {
        status: 200,
        json: served,
        headers: { ...rateHeaders(), link: links.join(', ') },
        ...(refused?.fault === 'truncate' ? { fault: 'truncate' as const } : {}),
        heldUntil: running.faults.holdFor(pageNumber),
      };
    }

    return [
      {
        method: 'POST',
        path: /^\/oauth2\/v1\/token$/,
        handle: async (request) => {
          const form = new URLSearchParams(request.body);
          if (options.requireDpop && !request.headers.dpop)
            return oauthError(400, 'invalid_dpop_proof', 'The DPoP proof JWT header is missing.');
          if (form.get('grant_type') !== 'client_credentials')
            return oauthError(
              400,
              'unsupported_grant_type',
              'The authorization grant type is not supported.',
            );
          const assertion = form.get('client_assertion');
          if (
            form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' ||
            !assertion
          )
            return oauthError(401, 'invalid_client', 'Client authentication failed.');
          try {
            const key = await importJWK(await exportJWK(publicKey), 'RS256');
            const { payload } = await jwtVerify(assertion, key, {
              issuer: clientId,
              subject: clientId,
              audience: tokenUrl(),
            });
            if (!payload.jti || usedAssertions.has(payload.jti))
              return oauthError(400, 'invalid_client', 'The client_assertion token has already been used.');
            usedAssertions.add(payload.jti);
          } catch (error) {
            return oauthError(
              401,
              'invalid_client',
              `The client_assertion signature is invalid: ${(error as Error).message}`,
            );
          }
          const asked = (form.get('scope') ?? '').split(' ').filter(Boolean);
          const unknown = asked.filter((s) => !SCOPES.includes(s));
          if (asked.length === 0 || unknown.length > 0)
            return oauthError(
              400,
              'invalid_scope',
              'One or more scopes are not configured for the authorization server resource.',
            );
          const { token, expiresIn } = tokens.issue();
          scopesOf.set(token, asked);
          return {
            status: 200,
            json: {
              token_type: 'Bearer',
              expires_in: expiresIn,
              access_token: token,
              scope: asked.join(' '),
            },
          };
        },
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/users$/,
        handle: (request) => {
          const params = request.url.searchParams;
          const query = params.get('search') ?? params.get('filter');
          const o = orgOf();
          let users = o.listed;
          if (query !== null) {
            const status = /^status eq "([A-Z_]+)"$/.exec(query.trim())?.[1];
            const email = /^profile\.email eq "([^"]+)"$/.exec(query.trim())?.[1];
            if (email !== undefined) users = usersWithEmail(o, email);
            else if (!status) return oktaError(400, 'E0000031', 'Invalid search criteria.');
            else
              users =
                status === 'DEPROVISIONED' ? o.deprovisioned : o.listed.filter((u) => u.status === status);
          }
          return listPage(request, users, { default: USERS_MAX, max: USERS_MAX }, 'okta.users.read');
        },
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/users\/([^/]+)$/,
        handle: (request, match) => {
          const refused = gate(request, undefined, 'okta.users.read');
          if (refused) return refused;
          const id = decodeURIComponent(match[1] ?? '');
          const user = findUser(orgOf(), id);
          return user ? { status: 200, json: user, headers: rateHeaders() } : userNotFound(id);
        },
      },
      {
        method: 'POST',
        path: /^\/api\/v1\/users\/([^/]+)\/lifecycle\/deactivate$/,
        handle: (request, match) => {
          writes += 1;
          const refused = gate(request, undefined, 'okta.users.manage');
          if (refused) return refused;
          const id = decodeURIComponent(match[1] ?? '');
          // Okta refuses to deactivate a DEPROVISIONED user as if it were not there.
          const outcome = deactivateUser(orgOf(), id, new Date());
          return outcome === 'deactivated' ? { status: 200, headers: rateHeaders() } : userNotFound(id);
        },
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/apps$/,
        handle: (request) => {
          // `q` matches apps whose name or label starts with it, as Okta's startsWith search does.
          const q = request.url.searchParams.get('q')?.toLowerCase();
          const apps = orgOf().apps;
          const matching =
            q === undefined
              ? apps
              : apps.filter((a) => a.label.toLowerCase().startsWith(q) || a.name.toLowerCase().startsWith(q));
          return listPage(request, matching, { default: 20, max: APPS_MAX }, 'okta.apps.read');
        },
      },
      {
        method: 'DELETE',
        path: /^\/api\/v1\/apps\/([A-Za-z0-9]+)\/users\/([^/]+)$/,
        handle: (request, match) => {
          writes += 1;
          const refused = gate(request, undefined, 'okta.apps.manage');
          if (refused) return refused;
          const appId = match[1] ?? '';
          const userId = decodeURIComponent(match[2] ?? '');
          const outcome = unassignUser(orgOf(), appId, userId);
          if (outcome === 'no_app')
            return oktaError(404, 'E0000007', `Not found: Resource not found: ${appId} (AppInstance)`);
          if (outcome === 'not_assigned')
            return oktaError(404, 'E0000007', `Not found: Resource not found: ${userId} (AppUser)`);
          if (outcome === 'group_assigned')
            return oktaError(403, 'E0000046', 'Deactivate application for user forbidden.', rateHeaders(), [
              {
                errorSummary:
                  'The application cannot be unassigned from the user while their group memberships grant them access',
              },
            ]);
          return { status: 204, headers: rateHeaders() };
        },
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/apps\/([A-Za-z0-9]+)\/users$/,
        handle: (request, match) => {
          const assigned = orgOf().assignments.get(match[1] ?? '');
          if (!assigned) {
            const refused = gate(request, 1, 'okta.apps.read');
            return (
              refused ??
              oktaError(404, 'E0000007', `Not found: Resource not found: ${match[1]} (AppInstance)`)
            );
          }
          return listPage(
            request,
            assigned,
            { default: APP_USERS_DEFAULT, max: APP_USERS_MAX },
            'okta.apps.read',
          );
        },
      },
    ];
  };

  const server = await startSimulator(routes, { faults: options.faults, port: options.port });
  const http = { timeoutMs: 5_000, baseDelayMs: 1, maxDelayMs: 50 };
  const running: RunningOkta = {
    ...server,
    get requests() {
      return server.requests;
    },
    kind: 'okta',
    apiToken,
    source: {
      config: { baseUrl: server.url, pageSize: options.pageSize, http },
      credentials: { apiToken },
    },
    clientCredentialsSource: {
      config: { baseUrl: server.url, pageSize: options.pageSize, http },
      credentials: { clientId, privateKey: JSON.stringify(privateJwk), keyId },
    },
    issueToken(scopes) {
      const { token } = tokens.issue();
      scopesOf.set(token, [...scopes]);
      return token;
    },
    org: () => {
      org ??= buildOrg(options.directory, server.url);
      return org;
    },
    get writes() {
      return writes;
    },
    expireTokens() {
      // An OAuth access token expires (the connector fetches a new one); an API token is revoked for good.
      tokens.expireAll();
      apiTokenRevoked = true;
    },
  };
  return running;
}

const positions = new WeakMap<readonly { id: string }[], Map<string, number>>();

/** Where an `after` cursor points, indexed once per list so 50,000 users page in constant time. */
function positionOf(items: readonly { id: string }[], id: string): number | undefined {
  let index = positions.get(items);
  if (!index) {
    index = new Map(items.map((item, i) => [item.id, i]));
    positions.set(items, index);
  }
  return index.get(id);
}

function rateHeaders(remaining = RATE_LIMIT - 1, resetInSeconds = 60): Record<string, string> {
  return {
    'x-rate-limit-limit': String(RATE_LIMIT),
    'x-rate-limit-remaining': String(remaining),
    'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + resetInSeconds),
  };
}

function oktaError(
  status: number,
  errorCode: string,
  errorSummary: string,
  headers: Record<string, string> = rateHeaders(),
  errorCauses: { errorSummary: string }[] = [],
): SimulatorResponse {
  return {
    status,
    headers,
    json: {
      errorCode,
      errorSummary,
      errorLink: errorCode,
      errorId: `oae${randomBytes(11).toString('base64url')}`,
      errorCauses,
    },
  };
}

function invalidToken(): SimulatorResponse {
  return oktaError(401, 'E0000011', 'Invalid token provided');
}

function userNotFound(id: string): SimulatorResponse {
  return oktaError(404, 'E0000007', `Not found: Resource not found: ${id} (User)`);
}

function forbidden(): SimulatorResponse {
  return oktaError(403, 'E0000006', 'You do not have permission to perform the requested action');
}

function oauthError(status: number, error: string, description: string): SimulatorResponse {
  return { status, json: { error, error_description: description } };
}
