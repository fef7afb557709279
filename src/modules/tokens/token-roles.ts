import type { MemberRole, Role } from '../../db/schema.js';

/** The roles of members (who sign in). */
export const roles = ['admin', 'editor', 'read-only', 'app-owner'] as const satisfies readonly MemberRole[];
/** The roles of API tokens: a member's, or `metrics`, for a Prometheus scraper (reads `/metrics` only). */
export const tokenRoles = [...roles, 'metrics'] as const satisfies readonly Role[];

/** A token made without a role reads only: more access is asked for, never given by default. */
export const defaultTokenRole: Role = 'read-only';
