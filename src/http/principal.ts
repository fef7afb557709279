import type {} from 'fastify';
import type { Role } from '../db/schema.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** Who is calling: an API token or a signed-in admin member. `actor` is what the audit log records. */
export interface Principal {
  kind: 'token' | 'session';
  actor: string;
  role: Role;
  memberId: number | null;
}

/** What a route needs: read (every role), write (admin, editor) or admin. */
export type Access = 'read' | 'write' | 'admin';

const allowed: Record<Access, readonly Role[]> = {
  read: ['admin', 'editor', 'read-only', 'app-owner'],
  write: ['admin', 'editor'],
  admin: ['admin'],
};

export function mayAccess(role: Role, access: Access): boolean {
  return allowed[access].includes(role);
}
