import { getDomain } from 'tldts';
import type { Page } from '../kit/connector.js';
import { ConnectorError } from '../kit/connector-error.js';
import { firstOfEach } from '../kit/paging.js';
import type { SourceRecordInput } from '../kit/records.js';
import type { GraphClient } from './graph-client.js';
import { microsoft365 } from './users.js';

/**
 * Apps the organisation signs in to through Entra: enterprise-application service principals, and who is
 * assigned to each (directly, or through a group, read transitively). Each becomes an app with an account
 * per assigned user; the assignment says nothing of use, so last use stays unknown.
 */
export const servicePrincipalProperties = [
  'id',
  'appId',
  'displayName',
  'servicePrincipalType',
  'accountEnabled',
  'appOwnerOrganizationId',
  'tags',
  'homepage',
  'loginUrl',
] as const;

export interface ServicePrincipal {
  id: string;
  appId?: string | null;
  displayName?: string | null;
  servicePrincipalType?: string | null;
  accountEnabled?: boolean | null;
  appOwnerOrganizationId?: string | null;
  tags?: string[] | null;
  homepage?: string | null;
  loginUrl?: string | null;
}

interface AppRoleAssignment {
  principalId?: string | null;
  principalType?: string | null;
}

/** Microsoft's own tenants: their service principals (Microsoft Graph, Exchange Online, …) are the platform. */
const microsoftTenants = new Set([
  'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
  '72f988bf-86f1-41af-91ab-2d7cd011db47',
]);

/**
 * Whether a service principal is an app people sign in to: an application (not a managed identity or a
 * legacy principal), not Microsoft's own, enabled, and shown among Enterprise applications (Entra tags
 * those `WindowsAzureActiveDirectoryIntegratedApp`; API-only registrations, like Roster's own, lack it).
 */
export function isSignInApp(sp: ServicePrincipal): boolean {
  return (
    sp.servicePrincipalType === 'Application' &&
    sp.accountEnabled !== false &&
    !microsoftTenants.has((sp.appOwnerOrganizationId ?? '').toLowerCase()) &&
    (sp.tags ?? []).includes('WindowsAzureActiveDirectoryIntegratedApp') &&
    Boolean(sp.displayName?.trim())
  );
}

/** The app's registrable domain from its homepage or sign-in URL, which links it to the catalog. */
export function domainOf(sp: ServicePrincipal): string | null {
  for (const url of [sp.homepage, sp.loginUrl]) {
    if (!url) continue;
    try {
      const domain = getDomain(new URL(url).hostname);
      if (domain) return domain;
    } catch {
      // Not a URL: try the next one.
    }
  }
  return null;
}

/**
 * Pages of app and account records for every sign-in app. `emailOf` maps a user id to the address the
 * user's Microsoft 365 account was recorded with; assignments of users not in the listing are skipped.
 */
export async function* enterpriseAppPages(
  client: GraphClient,
  emailOf: ReadonlyMap<string, string>,
  pageSize: number,
): AsyncGenerator<Page> {
  const groupMembers = new Map<string, string[]>();
  // Two service principals can carry one app's name (two Slack workspaces): a user is counted once per app.
  const accountsOf = new Map<string, Set<string>>();
  const select = servicePrincipalProperties.join(',');
  const fresh = firstOfEach<ServicePrincipal>((sp) => sp.id);
  for await (const page of client.pages<ServicePrincipal>(
    `/servicePrincipals?$select=${select}&$top=${pageSize}`,
  )) {
    for (const sp of fresh(page.value.filter((sp) => sp && typeof sp.id === 'string'))) {
      if (!isSignInApp(sp)) continue;
      const name = sp.displayName!.trim().slice(0, 200);
      // Microsoft 365 is this source's own app; a same-named enterprise app adds no second one.
      if (name.toLowerCase() === microsoft365.name.toLowerCase()) continue;
      const ref = `servicePrincipals[${sp.id}]`;
      const key = name.toLowerCase();
      let accounts = accountsOf.get(key);
      if (!accounts) {
        accounts = new Set();
        accountsOf.set(key, accounts);
        yield { records: [{ type: 'app', name, domain: domainOf(sp), ref }] };
      }
      const assignedTo = `/servicePrincipals/${encodeURIComponent(sp.id)}/appRoleAssignedTo?$top=${pageSize}`;
      for await (const assignments of client.pages<AppRoleAssignment>(assignedTo)) {
        const users: string[] = [];
        for (const a of assignments.value) {
          if (!a.principalId) continue;
          if (a.principalType === 'User') users.push(a.principalId);
          else if (a.principalType === 'Group')
            users.push(...(await membersOf(client, a.principalId, groupMembers, pageSize)));
        }
        const records: SourceRecordInput[] = [];
        for (const id of users) {
          const email = emailOf.get(id);
          if (!email || accounts.has(id)) continue;
          accounts.add(id);
          records.push({
            type: 'account',
            app: name,
            email,
            externalId: id,
            name: null,
            status: 'active',
            role: null,
            licenseTypes: [],
            lastUsedAt: null,
            ref,
          });
        }
        if (records.length) yield { records };
      }
    }
  }
}

/** A group's users, nested groups included; read once per sync however many apps it is assigned to. */
async function membersOf(
  client: GraphClient,
  groupId: string,
  cache: Map<string, string[]>,
  pageSize: number,
): Promise<string[]> {
  const known = cache.get(groupId);
  if (known) return known;
  const ids: string[] = [];
  const path = `/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user?$select=id&$top=${pageSize}`;
  try {
    for await (const page of client.pages<{ id?: string }>(path)) {
      for (const member of page.value) if (member.id) ids.push(member.id);
    }
  } catch (error) {
    if (error instanceof ConnectorError && error.code === 'permission')
      throw new ConnectorError(
        'permission',
        `${error.message}. Reading the members of groups assigned to apps needs the GroupMember.Read.All permission`,
      );
    throw error;
  }
  cache.set(groupId, ids);
  return ids;
}
