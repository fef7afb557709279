import { exportPKCS8, exportSPKI, generateKeyPair, importSPKI, jwtVerify } from 'jose';
import type { Fault, FaultOptions } from '../kit/faults.js';
import type { RunningProvider, SimulatorOptions, StartProvider } from '../kit/simulated-provider.js';
import {
  bearerToken,
  type SimulatorRequest,
  type SimulatorResponse,
  type SimulatorRoute,
  startSimulator,
} from '../kit/simulator-server.js';
import { TokenIssuer } from '../kit/token-issuer.js';
import {
  type GoogleOrganisation,
  type GoogleUser,
  googleOrganisation,
  simulatedProducts,
} from './google-directory.js';
import {
  badRequest,
  googleError,
  insufficientScopes,
  notAuthorized,
  oauthError,
  unauthenticated,
} from './google-errors.js';
import { deleteLicense, getLicense, getUser, updateUser } from './google-user-writes.js';

/**
 * A simulated Google Admin SDK: the OAuth token endpoint for service accounts with domain-wide delegation,
 * the Directory API (users, domains, domain aliases, OAuth tokens) and the Enterprise License Manager, on
 * one loopback server, with Google's own JSON shapes, paging tokens, error bodies and throttling answers.
 */

const scopeBase = 'https://www.googleapis.com/auth/';
/** The scopes the simulated admin authorised for the service account (Domain-wide delegation page). */
const delegatedScopes = new Set(
  [
    'admin.directory.user.readonly',
    'admin.directory.domain.readonly',
    'admin.directory.user.security',
    'apps.licensing',
    // Deprovisioning: suspending users.
    'admin.directory.user',
  ].map((s) => scopeBase + s),
);
const jwtBearer = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export interface RunningGoogleAdmin extends RunningProvider {
  /** The service-account key (the JSON file an admin downloads), also in `source.credentials`. */
  serviceAccountKey: { type: string; client_email: string; private_key: string; private_key_id: string };
  /** A pre-issued token acting as the super admin, for the `accessToken` credential (every scope of the default delegation unless `staticTokenScopes` says otherwise). */
  staticAccessToken: string;
  /** The customer as the simulated Workspace knows it (users carry it as `customerId`). */
  customerId: string;
  /** The super admin the service account impersonates. */
  adminEmail: string;
  /** Access tokens the token endpoint issued so far. */
  readonly tokensIssued: number;
}

interface Grant {
  subject: string | undefined;
  scopes: Set<string>;
}

export const startGoogleAdmin: StartProvider = async (options) => startGoogleAdminSimulator(options);

export interface GoogleAdminOptions extends SimulatorOptions {
  /**
   * The scopes (without `https://www.googleapis.com/auth/`) the admin authorised for the service account;
   * an assertion asking for any other is refused as `unauthorized_client`. Default: the four read scopes
   * and `admin.directory.user`, which deprovisioning writes with.
   */
  delegatedScopes?: string[];
  /**
   * The scopes (without the prefix) the pre-issued `staticAccessToken` was minted with; default the
   * default delegation's. A token lacking a call's scope gets Google's 403 `insufficientPermissions`.
   */
  staticTokenScopes?: string[];
}

export async function startGoogleAdminSimulator(options: GoogleAdminOptions): Promise<RunningGoogleAdmin> {
  const delegated = options.delegatedScopes
    ? new Set(options.delegatedScopes.map((s) => scopeBase + s))
    : delegatedScopes;
  const { publicKey, privateKey } = await generateKeyPair('RS256', {
    extractable: true,
    modulusLength: 2048,
  });
  const privatePem = await exportPKCS8(privateKey);
  const verifyKey = await importSPKI(await exportSPKI(publicKey), 'RS256');
  const clientEmail = 'roster-sync@roster-simulated.iam.gserviceaccount.com';
  const staticToken = 'ya29.simulated-static-token';
  const issuer = new TokenIssuer([staticToken], options.tokenLifetimeSeconds ?? 3600);
  const grants = new Map<string, Grant>();
  const staticScopes = options.staticTokenScopes
    ? new Set(options.staticTokenScopes.map((s) => scopeBase + s))
    : delegatedScopes;
  let tokensIssued = 0;
  // Built once the server knows its address (licence assignments carry self links).
  let org: GoogleOrganisation | undefined;
  const plan = () => simulator.faults.plan;
  const routes = (): SimulatorRoute[] => {
    /** Who may call: a valid token, one of the call's scopes, an admin subject; null when allowed. */
    const refusal = (request: SimulatorRequest, scopes: string[], o: GoogleOrganisation) => {
      const token = bearerToken(request);
      if (issuer.check(token) !== 'valid') return unauthenticated();
      const grant =
        token === staticToken ? { subject: o.adminEmail, scopes: staticScopes } : grants.get(token!);
      if (!grant || !scopes.some((s) => grant.scopes.has(scopeBase + s))) return insufficientScopes();
      if (!grant.subject || !o.admins.has(grant.subject)) return notAuthorized();
      return null;
    };
    const api = (
      handle: (request: SimulatorRequest, match: RegExpExecArray, o: GoogleOrganisation) => ApiAnswer,
      scopes: string[],
    ) => ({
      method: 'GET' as const,
      handle: (request: SimulatorRequest, match: RegExpExecArray): SimulatorResponse => {
        const o = org!;
        // Answer first (a bad request is a 400 whatever the faults), then let the fault plan speak.
        const answer = handle(request, match, o);
        const fault = simulator.faults.decide(request.url.pathname + request.url.search, answer.page);
        if (fault === 'revoked') return unauthenticated();
        const refused = refusal(request, scopes, o);
        if (refused) return refused;
        if (fault) return faulty(fault, answer.response, simulator.faults.callCount);
        return answer.response;
      },
    });
    /** A write: it changes the organisation only once the caller may make it and the fault plan lets it through. */
    const write = (
      method: 'PUT' | 'PATCH' | 'DELETE',
      handle: (request: SimulatorRequest, match: RegExpExecArray, o: GoogleOrganisation) => SimulatorResponse,
      scopes: string[],
    ) => ({
      method,
      handle: (request: SimulatorRequest, match: RegExpExecArray): SimulatorResponse => {
        const o = org!;
        const fault = simulator.faults.decide(`${method} ${request.url.pathname}${request.url.search}`);
        if (fault === 'revoked') return unauthenticated();
        const refused = refusal(request, scopes, o);
        if (refused) return refused;
        if (fault) return faulty(fault, { status: 200, json: {} }, simulator.faults.callCount);
        return handle(request, match, o);
      },
    });
    const userPath = /^\/admin\/directory\/v1\/users\/([^/]+)$/;
    const assignmentPath = /^\/apps\/licensing\/v1\/product\/([^/]+)\/sku\/([^/]+)\/user\/([^/]+)$/;
    const assignment = (m: RegExpExecArray) =>
      [decodeURIComponent(m[1]!), decodeURIComponent(m[2]!), decodeURIComponent(m[3]!)] as const;
    return [
      { method: 'POST', path: /^\/token$/, handle: (request) => tokenEndpoint(request) },
      {
        path: /^\/admin\/directory\/v1\/users$/,
        ...api(
          (request, _m, o) => listUsers(request, o, options, plan()),
          ['admin.directory.user.readonly', 'admin.directory.user'],
        ),
      },
      {
        path: userPath,
        ...api(
          (_r, m, o) => ({ response: getUser(decodeURIComponent(m[1]!), o) }),
          ['admin.directory.user.readonly', 'admin.directory.user'],
        ),
      },
      ...(['PUT', 'PATCH'] as const).map((method) => ({
        path: userPath,
        ...write(method, (r, m, o) => updateUser(r, decodeURIComponent(m[1]!), o), ['admin.directory.user']),
      })),
      {
        path: assignmentPath,
        ...api((_r, m, o) => ({ response: getLicense(o, ...assignment(m)) }), ['apps.licensing']),
      },
      {
        path: assignmentPath,
        ...write('DELETE', (_r, m, o) => deleteLicense(o, ...assignment(m)), ['apps.licensing']),
      },
      {
        path: /^\/admin\/directory\/v1\/users\/([^/]+)\/tokens$/,
        ...api((_r, m, o) => listTokens(decodeURIComponent(m[1]!), o), ['admin.directory.user.security']),
      },
      {
        path: /^\/admin\/directory\/v1\/customer\/([^/]+)\/domains$/,
        ...api(
          (_r, m, o) => customerAnswer(m[1]!, o, { kind: 'admin#directory#domains', domains: o.domains }),
          ['admin.directory.domain.readonly', 'admin.directory.domain'],
        ),
      },
      {
        path: /^\/admin\/directory\/v1\/customer\/([^/]+)\/domainaliases$/,
        ...api(
          (_r, m, o) =>
            customerAnswer(m[1]!, o, {
              kind: 'admin#directory#domainAliases',
              domainAliases: o.domainAliases,
            }),
          ['admin.directory.domain.readonly', 'admin.directory.domain'],
        ),
      },
      {
        path: /^\/apps\/licensing\/v1\/product\/([^/]+)(?:\/sku\/([^/]+))?\/users$/,
        ...api(
          (request, m, o) =>
            listLicenses(
              request,
              o,
              decodeURIComponent(m[1]!),
              m[2] && decodeURIComponent(m[2]),
              options,
              plan(),
            ),
          ['apps.licensing'],
        ),
      },
    ];
  };

  async function tokenEndpoint(request: SimulatorRequest): Promise<SimulatorResponse> {
    const form = new URLSearchParams(request.body);
    if (form.get('grant_type') !== jwtBearer)
      return oauthError(400, 'unsupported_grant_type', `Invalid grant_type: ${form.get('grant_type') ?? ''}`);
    const assertion = form.get('assertion');
    if (!assertion) return oauthError(400, 'invalid_request', 'Missing required parameter: assertion');
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(assertion, verifyKey, {
        algorithms: ['RS256'],
        issuer: clientEmail,
        audience: `${simulator.url}/token`,
        requiredClaims: ['iat', 'exp'],
      }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      return oauthError(
        400,
        'invalid_grant',
        code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || code === 'ERR_JWS_INVALID'
          ? 'Invalid JWT Signature.'
          : code === 'ERR_JWT_EXPIRED'
            ? 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.'
            : `Invalid JWT: ${(error as Error).message}`,
      );
    }
    const iat = Number(claims.iat);
    const exp = Number(claims.exp);
    if (exp - iat > 3600)
      return oauthError(
        400,
        'invalid_grant',
        'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
      );
    const subject = typeof claims.sub === 'string' ? claims.sub.toLowerCase() : undefined;
    const o = org!;
    if (subject !== undefined && !o.admins.has(subject) && !o.userIndex.has(subject))
      return oauthError(400, 'invalid_grant', 'Invalid email or User ID');
    const scopes = String(claims.scope ?? '')
      .split(' ')
      .filter(Boolean);
    if (scopes.length === 0) return oauthError(400, 'invalid_scope', 'Empty or missing scope not allowed.');
    if (scopes.some((s) => !delegated.has(s)))
      return oauthError(
        401,
        'unauthorized_client',
        'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
      );
    const { token, expiresIn } = issuer.issue();
    grants.set(token, { subject, scopes: new Set(scopes) });
    tokensIssued += 1;
    return { status: 200, json: { access_token: token, expires_in: expiresIn, token_type: 'Bearer' } };
  }

  const simulator = await startSimulator(routes, { faults: options.faults, port: options.port });
  org = googleOrganisation(options.directory, simulator.url);
  const o = org;
  const serviceAccountKey = {
    type: 'service_account',
    project_id: 'roster-simulated',
    private_key_id: 'b6f0c1a2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8',
    private_key: privatePem,
    client_email: clientEmail,
    client_id: '114477889900112233445',
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: `${simulator.url}/token`,
  };
  return {
    ...simulator,
    get requests() {
      return simulator.requests;
    },
    get tokensIssued() {
      return tokensIssued;
    },
    kind: 'google-workspace',
    source: {
      config: {
        baseUrl: simulator.url,
        licensingBaseUrl: simulator.url,
        tokenUrl: `${simulator.url}/token`,
        adminEmail: o.adminEmail,
        licenseProducts: simulatedProducts,
        // The simulator has no project quota (it throttles only when a fault plan says so).
        oauthRequestsPerMinute: 1_000_000,
      },
      credentials: serviceAccountKey,
    },
    expireTokens: () => issuer.expireAll(),
    serviceAccountKey,
    staticAccessToken: staticToken,
    customerId: o.customerId,
    adminEmail: o.adminEmail,
  };
}

interface ApiAnswer {
  response: SimulatorResponse;
  /** 1-based page number of a list call, for the fault plan. */
  page?: number;
}

const usersPageDefault = 100;
const usersPageMax = 500;
const licensesPageDefault = 100;
const licensesPageMax = 1000;

function listUsers(
  request: SimulatorRequest,
  o: GoogleOrganisation,
  options: SimulatorOptions,
  faults: FaultOptions,
): ApiAnswer {
  const q = request.url.searchParams;
  const customer = q.get('customer');
  const domain = q.get('domain');
  if (!customer && !domain) return { response: badRequest('Bad Request') };
  if (customer && customer !== 'my_customer' && customer !== o.customerId)
    return { response: notAuthorized() };
  const projection = q.get('projection') ?? 'basic';
  if (!['basic', 'full', 'custom'].includes(projection))
    return { response: badRequest(`Invalid value for projection: ${projection}`) };
  const size = pageSize(q.get('maxResults'), usersPageDefault, usersPageMax, options);
  if (size === undefined) return { response: badRequest('Invalid value for maxResults') };
  const view = projection === 'full' ? 'full' : 'basic';
  let paged: Paged<GoogleUser> | undefined;
  if (domain) {
    const positions = o.positionsOn(domain);
    const at = pageAt(positions.length, q.get('pageToken'), size, `users:${domain}`, faults);
    paged = at && {
      ...at,
      items: positions.slice(at.start, at.end).flatMap((n) => o.users(n, n + 1, view)),
    };
  } else {
    const at = pageAt(o.userCount, q.get('pageToken'), size, 'users', faults);
    paged = at && { ...at, items: o.users(at.start, at.end, view) };
  }
  if (!paged) return { response: badRequest('Invalid pageToken') };
  return {
    page: paged.page,
    response: {
      status: 200,
      json: {
        kind: 'admin#directory#users',
        etag: `"users-${paged.page}"`,
        // Google leaves an empty list out of the answer altogether.
        ...(paged.items.length ? { users: paged.items } : {}),
        ...(paged.next ? { nextPageToken: paged.next } : {}),
      },
    },
  };
}

function listTokens(userKey: string, o: GoogleOrganisation): ApiAnswer {
  const index = o.userIndex.get(userKey.toLowerCase()) ?? o.userIndex.get(userKey);
  if (index === undefined) return { response: googleError(404, 'Resource Not Found: userKey', 'notFound') };
  const tokens = o.tokens(index);
  return {
    response: {
      status: 200,
      json: {
        kind: 'admin#directory#tokenList',
        etag: `"tokens-${index}"`,
        ...(tokens.length ? { items: tokens } : {}),
      },
    },
  };
}

function customerAnswer(customer: string, o: GoogleOrganisation, body: Record<string, unknown>): ApiAnswer {
  if (customer !== 'my_customer' && customer !== o.customerId) return { response: notAuthorized() };
  return { page: 1, response: { status: 200, json: { ...body, etag: '"domains"' } } };
}

function listLicenses(
  request: SimulatorRequest,
  o: GoogleOrganisation,
  productId: string,
  skuId: string | undefined,
  options: SimulatorOptions,
  faults: FaultOptions,
): ApiAnswer {
  const q = request.url.searchParams;
  const customerId = q.get('customerId');
  if (!customerId) return { response: badRequest('Required parameter: customerId') };
  // The API once took the primary domain and still does; anything else names another customer.
  if (customerId !== o.customerId && customerId !== o.primaryDomain)
    return { response: googleError(400, 'Invalid customerId', 'invalid') };
  const size = pageSize(q.get('maxResults'), licensesPageDefault, licensesPageMax, options);
  if (size === undefined) return { response: badRequest('Invalid value for maxResults') };
  const all = o.licenses.get(productId) ?? [];
  const items = skuId ? all.filter((l) => l.skuId === skuId) : all;
  const at = pageAt(items.length, q.get('pageToken'), size, `licenses:${productId}:${skuId ?? ''}`, faults);
  const paged = at && { ...at, items: items.slice(at.start, at.end) };
  if (!paged) return { response: badRequest('Invalid pageToken') };
  return {
    page: paged.page,
    response: {
      status: 200,
      json: {
        kind: 'licensing#licenseAssignmentList',
        etag: `"licenses-${paged.page}"`,
        ...(paged.items.length ? { items: paged.items } : {}),
        ...(paged.next ? { nextPageToken: paged.next } : {}),
      },
    },
  };
}

function pageSize(
  raw: string | null,
  fallback: number,
  max: number,
  options: SimulatorOptions,
): number | undefined {
  const asked = raw === null ? fallback : Number(raw);
  if (!Number.isInteger(asked) || asked < 1 || asked > max) return undefined;
  return Math.min(asked, options.pageSize ?? asked);
}

interface Paged<T> {
  items: T[];
  next: string | undefined;
  page: number;
}

/**
 * A page at an opaque page token. The faults that change paging live here: a page whose token points back at
 * itself, and a user listed again at the top of the next page (the directory changed while it was read).
 */
function pageAt(
  total: number,
  pageToken: string | null,
  size: number,
  list: string,
  faults: FaultOptions,
): { start: number; end: number; next: string | undefined; page: number } | undefined {
  let offset = 0;
  if (pageToken) {
    const decoded = /^([^|]*)\|(\d+)$/.exec(Buffer.from(pageToken, 'base64url').toString('utf8'));
    if (!decoded || decoded[1] !== list) return undefined;
    offset = Number(decoded[2]);
  }
  const page = Math.floor(offset / size) + 1;
  const start = faults.repeatUserAcrossPages && offset > 0 ? offset - 1 : offset;
  const end = Math.min(total, offset + size);
  const tokenFor = (at: number) => Buffer.from(`${list}|${at}`).toString('base64url');
  let next = end < total ? tokenFor(end) : undefined;
  if (faults.repeatPageLink === page && next) next = tokenFor(offset);
  return { start, end, next, page };
}

/** A fault rendered the way Google answers it; throttling has no Retry-After, clients back off on their own. */
function faulty(
  fault: Exclude<Fault, 'revoked'>,
  answer: SimulatorResponse,
  call: number,
): SimulatorResponse {
  switch (fault) {
    case 'throttle': {
      const kinds = [
        [403, 'rateLimitExceeded', 'Rate Limit Exceeded'],
        [403, 'userRateLimitExceeded', 'User Rate Limit Exceeded'],
        [403, 'quotaExceeded', 'Quota exceeded for quota metric'],
        [429, 'rateLimitExceeded', 'Too Many Requests'],
      ] as const;
      const [status, reason, message] = kinds[call % kinds.length]!;
      return {
        status,
        json: {
          error: {
            code: status,
            message,
            errors: [{ message, domain: 'usageLimits', reason }],
            ...(status === 429 ? { status: 'RESOURCE_EXHAUSTED' } : {}),
          },
        },
      };
    }
    case 'error':
      return googleError(503, 'The service is currently unavailable.', 'backendError');
    case 'timeout':
    case 'truncate':
    case 'drip':
    case 'huge':
      return { ...answer, fault };
  }
}
