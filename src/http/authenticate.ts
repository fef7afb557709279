import { userInfo } from 'node:os';
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RosterError } from '../lib/errors.js';
import { findSession } from '../modules/auth/auth.repo.js';
import { isExtensionToken } from '../modules/extension/extension-tokens.js';
import { checkPushRoute } from '../modules/tokens/push-scope.js';
import { authenticateToken } from '../modules/tokens/tokens.service.js';
import type { Roster } from '../roster.js';
import { isServerPath } from './console.routes.js';
import { isLocalConnection } from './local-socket.js';
import { permissionOf, selfAuthenticating } from './permissions.js';
import { type Access, mayAccess, type Principal } from './principal.js';

export const sessionCookie = 'roster_session';
/** Cookie-authenticated changes must carry this header; browsers do not send custom headers cross-site without CORS. */
export const csrfHeader = 'x-roster-request';

/** The CLI names the operating-system user it runs as; only the data directory's owner can send it. */
export const cliUserHeader = 'x-roster-cli-user';

/** The local admin of a request through the data directory's socket: `cli:<os user>`, as the CLI acting alone. */
function localPrincipal(request: FastifyRequest): Principal {
  const named = request.headers[cliUserHeader];
  const user = typeof named === 'string' && /^[\w.@-]{1,64}$/.test(named) ? named : userInfo().username;
  return { kind: 'local', actor: `cli:${user}`, role: 'admin', memberId: null, email: null, pushAppId: null };
}

async function identify(roster: Roster, request: FastifyRequest): Promise<Principal | null> {
  if (isLocalConnection(request.raw.socket)) return localPrincipal(request);
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (match && isExtensionToken(match[1]!))
      throw new RosterError(
        'forbidden',
        'An extension token may only call the browser extension’s routes (/api/extension/events, /api/extension/config)',
      );
    const token = match ? await authenticateToken(roster, match[1]!) : undefined;
    if (!token) throw new RosterError('unauthenticated', 'The API token is invalid, revoked or expired');
    return {
      kind: 'token',
      actor: `token:${token.name}`,
      role: token.role,
      memberId: null,
      email: token.actsForEmail,
      pushAppId: token.pushAppId,
    };
  }
  const cookie = request.cookies[sessionCookie];
  if (cookie) {
    const member = await findSession(roster, cookie);
    if (member)
      return {
        kind: 'session',
        actor: `member:${member.email}`,
        role: member.role,
        memberId: member.id,
        email: member.email,
        pushAppId: null,
      };
  }
  return null;
}

/**
 * Every route requires a principal (API token or session) unless its permission is `one-time-token`
 * (it checks a setup or sign-in link itself). Then the route's permission is checked against the role.
 */
export function registerAuthentication(app: FastifyInstance, roster: Roster) {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    // Unknown URLs (404) need a principal too: nothing about the API is told to strangers.
    let permission = url ? permissionOf(method, url) : 'read';
    // The console's catch-all also receives unknown /api and /auth URLs: those stay behind sign-in.
    if (permission === 'console' && isServerPath(request.url.split('?')[0] ?? '/')) permission = 'read';
    if (selfAuthenticating(permission)) return;
    const principal = await identify(roster, request);
    if (!principal)
      throw new RosterError('unauthenticated', 'Sign in or send an API token (Authorization: Bearer …)');
    checkPushRoute(principal, `${method} ${url}`);
    const access: Access = (permission as Access | undefined) ?? 'admin';
    if (!mayAccess(principal.role, access)) {
      throw new RosterError(
        'forbidden',
        `The role ${principal.role} may not do this (needs ${access} access)`,
      );
    }
    if (
      principal.kind === 'session' &&
      request.method !== 'GET' &&
      request.method !== 'HEAD' &&
      !request.headers[csrfHeader]
    ) {
      throw new RosterError('forbidden', `Changes from a browser session must send the ${csrfHeader} header`);
    }
    request.principal = principal;
  });
}

export function actorOf(request: FastifyRequest): string {
  if (!request.principal) throw new RosterError('unauthenticated', 'Not signed in');
  return request.principal.actor;
}
