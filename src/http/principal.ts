import type {} from 'fastify';
import type { Role } from '../db/schema.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/**
 * Who is calling: an API token, a signed-in admin member, or the CLI on the server's machine (`local`: a
 * request through the data directory's socket, which only its owner can open). `actor` is what the audit
 * log records.
 */
export interface Principal {
  kind: 'token' | 'session' | 'local';
  actor: string;
  role: Role;
  memberId: number | null;
  /** The email the principal acts as: the member's, or an app-owner token's. Scopes app-owner access. */
  email: string | null;
  /** A push token's app: it may only push snapshots to that app's custom integration (push-scope.ts). */
  pushAppId: number | null;
}

/**
 * What a route needs: `any` role (who am I, sign out); `own-apps`: every role, an app-owner seeing only
 * the apps they own; `read` (admin, editor, read-only); `write` (admin, editor); `admin`; `metrics`
 * (admin, or a `metrics` token, which a scraper holds and which opens nothing else: no level above lists it).
 */
export type Access = 'any' | 'own-apps' | 'read' | 'write' | 'admin' | 'metrics';

const allowed: Record<Access, readonly Role[]> = {
  any: ['admin', 'editor', 'read-only', 'app-owner'],
  'own-apps': ['admin', 'editor', 'read-only', 'app-owner'],
  read: ['admin', 'editor', 'read-only'],
  write: ['admin', 'editor'],
  admin: ['admin'],
  metrics: ['admin', 'metrics'],
};

export function mayAccess(role: Role, access: Access): boolean {
  return allowed[access].includes(role);
}
