import type { Schemas } from '../../api/client';

export type MemberRole = Schemas['AdminMember']['role'];
export type TokenRole = Schemas['Token']['role'];

/**
 * What each role may do, keyed by the API's own role enums: a role the server adds fails the type check
 * here until it is described.
 */
export const tokenRoleLabels: Record<TokenRole, string> = {
  admin: 'Admin: everything, including members, tokens and settings',
  editor: 'Editor: add sources, sync, offboard; no members, tokens or settings',
  'read-only': 'Read-only: reads everything, changes nothing',
  'app-owner': 'App owner: sees only the apps they own',
  metrics: 'Metrics: reads /metrics only (for a Prometheus scraper)',
};

const { metrics: _metrics, ...memberOnly } = tokenRoleLabels;
export const memberRoleLabels: Record<MemberRole, string> = memberOnly;

export const roleOptions = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
