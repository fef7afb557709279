import type { OktaOrg, OktaUserObject } from './okta-objects.js';

/**
 * The state changes of the simulated org, as Okta documents them: deactivating a user makes them
 * DEPROVISIONED (listed only when asked for by status) and removes every app assignment they held;
 * unassigning removes one assignment. Lists are replaced rather than edited so the paging index
 * (keyed by list) is rebuilt for the next read.
 */

/** A user by id or login (Okta's `GET /api/v1/users/{idOrLogin}`), whatever their status. */
export function findUser(org: OktaOrg, idOrLogin: string): OktaUserObject | undefined {
  const login = idOrLogin.toLowerCase();
  return [...org.listed, ...org.deprovisioned].find(
    (u) => u.id === idOrLogin || u.profile.login?.toLowerCase() === login,
  );
}

/** Users whose `profile.email` is the address (Okta compares case-insensitively). */
export function usersWithEmail(org: OktaOrg, email: string): OktaUserObject[] {
  const wanted = email.toLowerCase();
  return [...org.listed, ...org.deprovisioned].filter((u) => u.profile.email?.toLowerCase() === wanted);
}

export type DeactivateOutcome = 'deactivated' | 'not_found' | 'already_deprovisioned';

export function deactivateUser(org: OktaOrg, id: string, now: Date): DeactivateOutcome {
  const user = org.listed.find((u) => u.id === id);
  if (!user) return org.deprovisioned.some((u) => u.id === id) ? 'already_deprovisioned' : 'not_found';
  const when = now.toISOString();
  const deactivated: OktaUserObject = {
    ...user,
    status: 'DEPROVISIONED',
    statusChanged: when,
    lastUpdated: when,
  };
  org.listed = org.listed.filter((u) => u.id !== id);
  org.deprovisioned = [...org.deprovisioned, deactivated];
  for (const [appId, assigned] of org.assignments)
    if (assigned.some((a) => a.id === id))
      org.assignments.set(
        appId,
        assigned.filter((a) => a.id !== id),
      );
  return 'deactivated';
}

export type UnassignOutcome = 'unassigned' | 'no_app' | 'not_assigned' | 'group_assigned';

export function unassignUser(org: OktaOrg, appId: string, userId: string): UnassignOutcome {
  const assigned = org.assignments.get(appId);
  if (!assigned) return 'no_app';
  const assignment = assigned.find((a) => a.id === userId);
  if (!assignment) return 'not_assigned';
  // Okta keeps an assignment a group membership grants until the user leaves the group.
  if (assignment.scope === 'GROUP') return 'group_assigned';
  org.assignments.set(
    appId,
    assigned.filter((a) => a.id !== userId),
  );
  return 'unassigned';
}
