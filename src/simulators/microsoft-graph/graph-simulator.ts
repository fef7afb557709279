import { randomUUID } from 'node:crypto';
import type { Fault } from '../kit/faults.js';
import type { RunningProvider, SimulatorOptions, StartProvider } from '../kit/simulated-provider.js';
import {
  bearerToken,
  type SimulatorRequest,
  type SimulatorResponse,
  type SimulatorRoute,
  startSimulator,
} from '../kit/simulator-server.js';
import { TokenIssuer } from '../kit/token-issuer.js';
import { buildTenant, type GraphTenant, guidOf } from './graph-tenant.js';
import { type GraphPermission, userFilter, userRoutes } from './graph-user-routes.js';

export type { GraphPermission } from './graph-user-routes.js';

/**
 * A simulated Microsoft Graph v1.0 and Microsoft identity platform token endpoint, serving the shared
 * directory as one Entra tenant. It follows Graph's rules rather than replaying recordings: `$select`
 * decides which properties come back (unknown ones are a 400), `$top` is 1–999 (default 100) and capped at
 * 120 when `signInActivity` is selected, `@odata.nextLink` is a full URL carrying an opaque `$skiptoken`,
 * errors are `{"error":{"code","message","innerError"}}`, throttling is 429 with `Retry-After` seconds,
 * and expired or revoked tokens get 401 `InvalidAuthenticationToken`. Every API call goes through the fault
 * plan; server errors, timeouts and cut-off bodies number the pages of `/users`, while a repeated next link
 * or a user repeated across pages can happen in any collection.
 */
export interface GraphSimulatorOptions extends SimulatorOptions {
  /**
   * Whether the tenant has Microsoft Entra ID P1/P2. Without it Graph refuses `signInActivity` with 403
   * `Authentication_RequestFromNonPremiumTenantOrB2CTenant`. Default true.
   */
  premium?: boolean;
  /** B2B guest users only Entra knows (not in the shared directory); default 3 % of the people. */
  guests?: number;
  /**
   * Application permissions the app registration was granted (admin consent); default every one Roster
   * asks for. A call without its permission gets 403 `Authorization_RequestDenied`.
   */
  permissions?: GraphPermission[];
  /** SKU part numbers licensed through a group rather than to each user directly (group-based licensing). */
  groupLicensed?: string[];
  /**
   * When the app registration's client secret expires (`passwordCredentials[].endDateTime`, read with
   * Application.Read.All); default eighteen months after the simulator starts.
   */
  clientSecretExpiresAt?: Date;
}

const allPermissions: GraphPermission[] = [
  'User.Read.All',
  'AuditLog.Read.All',
  'Domain.Read.All',
  'Organization.Read.All',
  'Application.Read.All',
  'GroupMember.Read.All',
  // Deprovisioning: block sign-in and remove licences.
  'User.EnableDisableAccount.All',
  'LicenseAssignment.ReadWrite.All',
];

export const graphSimulatorCredentials = {
  clientId: '5e3c0b9a-1f7d-4c2e-9b8a-7d6f5e4c3b2a',
  clientSecret: 'sim~Q8w7Roster.Graph_Secret-Value',
};

const graphScope = 'https://graph.microsoft.com/.default';
const userDefaultTop = 100;
const maxTop = 999;
/** Documented cap on users pages when signInActivity is selected or filtered. */
const signInActivityTop = 120;
const userDefaultProperties = [
  'businessPhones',
  'displayName',
  'givenName',
  'id',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
];
const userProperties = new Set([
  ...userDefaultProperties,
  'mailNickname',
  'proxyAddresses',
  'otherMails',
  'accountEnabled',
  'userType',
  'employeeId',
  'department',
  'createdDateTime',
  'assignedLicenses',
  'licenseAssignmentStates',
  'signInActivity',
]);

export async function startMicrosoftGraph(options: GraphSimulatorOptions): Promise<RunningProvider> {
  const tenant = buildTenant(options.directory, {
    guests: options.guests ?? Math.floor(options.directory.people.length * 0.03),
    ...(options.groupLicensed ? { groupLicensed: options.groupLicensed } : {}),
  });
  const issuer = new TokenIssuer([], options.tokenLifetimeSeconds ?? 3599);
  const premium = options.premium ?? true;
  const granted = new Set(options.permissions ?? allPermissions);
  /** 403 unless one of the permissions that allow the call was granted (Directory.Read.All reads most). */
  const denied = (...allowing: GraphPermission[]): SimulatorResponse | null =>
    allowing.some((p) => granted.has(p))
      ? null
      : graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  const retryAfter = String(options.retryAfterSeconds ?? 1);
  const secretEnds = options.clientSecretExpiresAt ?? new Date(Date.now() + 548 * 86_400_000);
  /** The app registration Roster signs in as: its secret (the one the simulator accepts) and an older, expired one. */
  const registration = {
    appId: graphSimulatorCredentials.clientId,
    passwordCredentials: [
      {
        customKeyIdentifier: null,
        displayName: 'Roster',
        endDateTime: secretEnds.toISOString(),
        hint: graphSimulatorCredentials.clientSecret.slice(0, 3),
        keyId: guidOf('secret:roster'),
        secretText: null,
        startDateTime: new Date(secretEnds.getTime() - 730 * 86_400_000).toISOString(),
      },
      {
        customKeyIdentifier: null,
        displayName: 'Roster (old)',
        endDateTime: new Date(secretEnds.getTime() - 730 * 86_400_000).toISOString(),
        hint: 'old',
        keyId: guidOf('secret:roster-old'),
        secretText: null,
        startDateTime: new Date(secretEnds.getTime() - 1460 * 86_400_000).toISOString(),
      },
    ],
  };
  let base = '';

  const routes = (): SimulatorRoute[] => {
    const api = (
      path: RegExp,
      handle: (request: SimulatorRequest, match: RegExpExecArray) => SimulatorResponse | Fault,
      method: SimulatorRoute['method'] = 'GET',
    ): SimulatorRoute => ({
      method,
      path,
      handle(request, match) {
        const token = bearerToken(request);
        const state = issuer.check(token);
        if (state !== 'valid')
          return graphError(
            401,
            'InvalidAuthenticationToken',
            !token
              ? 'Access token is empty.'
              : state === 'expired'
                ? 'Lifetime validation failed, the token is expired.'
                : 'IDX14100: JWT is not well formed, there are no dots (.).',
          );
        const answer = handle(request, match);
        return typeof answer === 'string' ? renderFault(answer, retryAfter) : answer;
      },
    });

    /** Applies the fault plan to one call; `page` is set for the paged users listing only. */
    const fault = (request: SimulatorRequest, page?: number): Fault | null =>
      sim.faults.decide(
        `${request.method === 'GET' ? '' : `${request.method} `}${request.url.pathname}${request.url.search}`,
        page,
      );
    const user = userRoutes({
      tenant,
      denied,
      fault: (request) => fault(request),
      error: graphError,
      notFound,
      ok,
      project,
      userDefaultProperties,
      userProperties,
    });

    /** A page of a collection under another object (an app's assignments, a group's members): 100 by default. */
    const relatedPage = <T>(
      request: SimulatorRequest,
      items: readonly T[],
      render: (item: T) => unknown,
    ): SimulatorResponse | Fault => {
      const query = odata(request.url);
      const size = pageSize(query.top, 100, maxTop);
      if (typeof size !== 'number') return size;
      const cursor = readSkipToken(query.skiptoken);
      if (!cursor) return graphError(400, 'Request_BadRequest', 'Invalid skip token.');
      return fault(request) ?? listPage(request, items, cursor, size, render);
    };

    return [
      {
        method: 'POST',
        path: /^\/([^/]+)\/oauth2\/v2\.0\/token$/,
        handle: (request, match) => token(request, match[1]!, tenant, issuer),
      },
      api(/^\/v1\.0\/users$/, (request) => {
        const query = odata(request.url);
        const select = query.select ?? userDefaultProperties;
        const unknown = select.find((p) => !userProperties.has(p));
        if (unknown)
          return graphError(
            400,
            'Request_BadRequest',
            `Could not find a property named '${unknown}' on type 'microsoft.graph.user'.`,
          );
        const wantsSignIns = select.includes('signInActivity') || /signInActivity/.test(query.filter ?? '');
        const refused =
          denied('User.Read.All', 'Directory.Read.All', 'User.ReadWrite.All', 'Directory.ReadWrite.All') ??
          (wantsSignIns ? denied('AuditLog.Read.All') : null);
        if (refused) return refused;
        if (wantsSignIns && !premium)
          return graphError(
            403,
            'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
            "Neither tenant is B2C or tenant doesn't have premium license",
          );
        const size = pageSize(query.top, userDefaultTop, wantsSignIns ? signInActivityTop : maxTop);
        if (typeof size !== 'number') return size;
        const cursor = readSkipToken(query.skiptoken);
        if (!cursor) return graphError(400, 'Request_BadRequest', 'Invalid skip token.');
        const injected = fault(request, cursor.page);
        if (injected) return injected;
        const matching = userFilter(query.filter);
        const users = matching ? tenant.users.filter(matching) : tenant.users;
        return listPage(request, users, cursor, size, (u) => project(u, select));
      }),
      api(/^\/v1\.0\/users\/([^/]+)$/, (request, match) => user.get(request, match[1]!)),
      api(/^\/v1\.0\/users\/([^/]+)$/, (request, match) => user.patch(request, match[1]!), 'PATCH'),
      api(
        /^\/v1\.0\/users\/([^/]+)\/assignLicense$/,
        (request, match) => user.assignLicense(request, match[1]!),
        'POST',
      ),
      api(/^\/v1\.0\/subscribedSkus$/, (request) => {
        const refused = denied('Organization.Read.All', 'Directory.Read.All');
        if (refused) return refused;
        const injected = fault(request);
        if (injected) return injected;
        return ok({
          '@odata.context': `${base}/v1.0/$metadata#subscribedSkus`,
          value: tenant.subscribedSkus,
        });
      }),
      api(/^\/v1\.0\/domains$/, (request) => {
        const refused = denied('Domain.Read.All', 'Directory.Read.All');
        if (refused) return refused;
        const injected = fault(request);
        if (injected) return injected;
        return ok({ '@odata.context': `${base}/v1.0/$metadata#domains`, value: tenant.domains });
      }),
      api(/^\/v1\.0\/servicePrincipals$/, (request) => {
        const refused = denied('Application.Read.All', 'Directory.Read.All');
        if (refused) return refused;
        const query = odata(request.url);
        const size = pageSize(query.top, 100, maxTop);
        if (typeof size !== 'number') return size;
        const cursor = readSkipToken(query.skiptoken);
        if (!cursor) return graphError(400, 'Request_BadRequest', 'Invalid skip token.');
        const injected = fault(request);
        if (injected) return injected;
        return listPage(request, tenant.servicePrincipals, cursor, size, (sp) =>
          query.select ? project(sp, query.select) : sp,
        );
      }),
      api(/^\/v1\.0\/servicePrincipals\/([^/]+)\/appRoleAssignedTo$/, (request, match) => {
        const refused = denied('Application.Read.All', 'Directory.Read.All');
        if (refused) return refused;
        const assigned = tenant.assignments.get(decodeURIComponent(match[1]!));
        if (!assigned) return notFound(match[1]!);
        return relatedPage(request, assigned, (a) => a);
      }),
      api(/^\/v1\.0\/applications$/, (request) => {
        const refused = denied('Application.Read.All', 'Directory.Read.All');
        if (refused) return refused;
        const query = odata(request.url);
        const byAppId = /^appId eq '([^']*)'$/.exec(query.filter?.trim() ?? '');
        if (query.filter !== undefined && !byAppId)
          return graphError(400, 'Request_UnsupportedQuery', 'Unsupported or invalid query filter clause.');
        const unknown = query.select?.find((p) => p !== 'passwordCredentials' && p !== 'appId' && p !== 'id');
        if (unknown)
          return graphError(
            400,
            'Request_BadRequest',
            `Could not find a property named '${unknown}' on type 'microsoft.graph.application'.`,
          );
        const injected = fault(request);
        if (injected) return injected;
        const apps = !byAppId || byAppId[1] === registration.appId ? [registration] : [];
        return ok({
          '@odata.context': `${base}/v1.0/$metadata#applications`,
          value: apps.map((a) => (query.select ? project(a, query.select) : a)),
        });
      }),
      api(/^\/v1\.0\/groups\/([^/]+)\/transitiveMembers(\/microsoft\.graph\.user)?$/, (request, match) => {
        const refused = denied('GroupMember.Read.All', 'Directory.Read.All');
        if (refused) return refused;
        const members = tenant.groups.get(decodeURIComponent(match[1]!));
        if (!members) return notFound(match[1]!);
        return relatedPage(request, members, (id) => ({
          '@odata.type': '#microsoft.graph.user',
          id,
        }));
      }),
    ];
  };

  /** One page of a collection, with `@odata.nextLink` as the request's own URL plus the next `$skiptoken`. */
  const listPage = <T>(
    request: SimulatorRequest,
    items: readonly T[],
    cursor: { offset: number; page: number },
    size: number,
    render: (item: T) => unknown,
  ): SimulatorResponse => {
    const plan = sim.faults.plan;
    // A user listed again at the top of the next page, as when the directory changes while it is read.
    const start = plan.repeatUserAcrossPages && cursor.page > 1 ? cursor.offset - 1 : cursor.offset;
    const end = Math.min(items.length, cursor.offset + size);
    const value = items.slice(start, end).map(render);
    const self = `${base}${request.url.pathname}${request.url.search}`;
    let nextLink: string | undefined;
    if (end < items.length) {
      nextLink =
        plan.repeatPageLink === cursor.page
          ? self
          : withSkipToken(`${base}${request.url.pathname}`, request.url.search, {
              offset: end,
              page: cursor.page + 1,
            });
    }
    const context = `${base}/v1.0/$metadata#${request.url.pathname.split('/').slice(2).join('/')}`;
    return ok({ '@odata.context': context, ...(nextLink ? { '@odata.nextLink': nextLink } : {}), value });
  };

  const sim = await startSimulator(routes, { faults: options.faults, port: options.port });
  base = sim.url;
  const provider: RunningProvider = {
    ...sim,
    get requests() {
      return sim.requests;
    },
    kind: 'microsoft-entra',
    source: {
      config: {
        tenantId: tenant.tenantId,
        clientId: graphSimulatorCredentials.clientId,
        baseUrl: `${sim.url}/v1.0`,
        tokenUrl: `${sim.url}/${tenant.tenantId}/oauth2/v2.0/token`,
        ...(options.pageSize ? { pageSize: options.pageSize } : {}),
      },
      credentials: { clientSecret: graphSimulatorCredentials.clientSecret },
    },
    expireTokens: () => issuer.expireAll(),
  };
  return provider;
}

/** The simulator under the signature every simulated provider shares. */
export const startProvider: StartProvider = startMicrosoftGraph;

/** The tenant the simulator serves, for tests that compare what the connector read with what was served. */
export function simulatedTenant(options: GraphSimulatorOptions): GraphTenant {
  return buildTenant(options.directory, {
    guests: options.guests ?? Math.floor(options.directory.people.length * 0.03),
  });
}

function token(request: SimulatorRequest, tenantPath: string, tenant: GraphTenant, issuer: TokenIssuer) {
  const form = new URLSearchParams(request.body);
  const fail = (status: number, error: string, code: number, description: string): SimulatorResponse => ({
    status,
    json: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${randomUUID()} Correlation ID: ${randomUUID()} Timestamp: ${new Date().toISOString().replace('T', ' ').slice(0, 19)}Z`,
      error_codes: [code],
      timestamp: new Date().toISOString(),
      trace_id: randomUUID(),
      correlation_id: randomUUID(),
    },
  });
  if (tenantPath !== tenant.tenantId)
    return fail(400, 'invalid_request', 90002, `Tenant '${tenantPath}' not found.`);
  if (form.get('grant_type') !== 'client_credentials')
    return fail(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
  if (form.get('client_id') !== graphSimulatorCredentials.clientId)
    return fail(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${form.get('client_id') ?? ''}' was not found in the directory '${tenant.tenantId}'.`,
    );
  if (form.get('client_secret') !== graphSimulatorCredentials.clientSecret)
    return fail(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${graphSimulatorCredentials.clientId}'.`,
    );
  if (form.get('scope') !== graphScope)
    return fail(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${form.get('scope') ?? ''} is not valid.`,
    );
  const issued = issuer.issue();
  return ok({
    token_type: 'Bearer',
    expires_in: issued.expiresIn,
    ext_expires_in: issued.expiresIn,
    access_token: issued.token,
  });
}

function ok(json: unknown): SimulatorResponse {
  return { status: 200, headers: { 'request-id': randomUUID() }, json };
}

export function graphError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): SimulatorResponse {
  const requestId = randomUUID();
  return {
    status,
    headers: { 'request-id': requestId, 'client-request-id': requestId, ...headers },
    json: {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().slice(0, 19),
          'request-id': requestId,
          'client-request-id': requestId,
        },
      },
    },
  };
}

function notFound(id: string): SimulatorResponse {
  return graphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${decodeURIComponent(id)}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

function renderFault(fault: Fault, retryAfter: string): SimulatorResponse {
  switch (fault) {
    case 'throttle':
      return graphError(429, 'TooManyRequests', 'Too many requests, please try again later.', {
        'retry-after': retryAfter,
        'x-ms-throttle-scope': 'Tenant_Application/Read/simulated',
        'x-ms-throttle-information': 'ResourceUnitLimitExceeded',
      });
    case 'error':
      return graphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable. Please retry.');
    case 'revoked':
      return graphError(401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.');
    case 'timeout':
    case 'truncate':
    case 'drip':
    case 'huge':
      return { ...ok({ value: [] }), fault };
  }
}

interface ODataQuery {
  select?: string[];
  filter?: string;
  top?: string;
  skiptoken?: string;
}

/** OData system query options; Graph accepts them with or without the `$`. */
function odata(url: URL): ODataQuery {
  const get = (name: string) => url.searchParams.get(`$${name}`) ?? url.searchParams.get(name) ?? undefined;
  const select = get('select');
  return {
    select: select
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    filter: get('filter'),
    top: get('top'),
    skiptoken: get('skiptoken'),
  };
}

function pageSize(top: string | undefined, fallback: number, cap: number): number | SimulatorResponse {
  if (top === undefined) return Math.min(fallback, cap);
  const n = Number(top);
  if (!Number.isInteger(n) || n < 1 || n > maxTop)
    return graphError(
      400,
      'Request_BadRequest',
      `Invalid page size specified: '${top}'. Must be between 1 and ${maxTop} inclusive.`,
    );
  return Math.min(n, cap);
}

function project(item: object, select: readonly string[]): Record<string, unknown> {
  const source = item as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of select) {
    // Graph leaves signInActivity out for users who never signed in; other unset properties are null.
    if (key === 'signInActivity' && source[key] === undefined) continue;
    out[key] = source[key] ?? (key === 'businessPhones' ? [] : null);
  }
  return out;
}

/** `$skiptoken` values are opaque to clients; this one carries the offset and page number. */
function withSkipToken(path: string, search: string, cursor: { offset: number; page: number }): string {
  const kept = search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part && !/^(%24|\$)?skiptoken=/i.test(part));
  const token = `RFNwdAoAAQAAA${Buffer.from(`${cursor.offset}.${cursor.page}.${guidOf(String(cursor.offset)).slice(0, 8)}`).toString('base64url')}`;
  return `${path}?${[...kept, `$skiptoken=${token}`].join('&')}`;
}

function readSkipToken(token: string | undefined): { offset: number; page: number } | null {
  if (token === undefined) return { offset: 0, page: 1 };
  if (!token.startsWith('RFNwdAoAAQAAA')) return null;
  const [offset, page] = Buffer.from(token.slice(13), 'base64url').toString('utf8').split('.').map(Number);
  if (!Number.isInteger(offset) || !Number.isInteger(page) || offset! < 0 || page! < 1) return null;
  return { offset: offset!, page: page! };
}
