import { createHash } from 'node:crypto';
import type { Directory, DirectoryPerson } from '../kit/directory.js';

/**
 * The shared organisation as a Microsoft Entra tenant, in Microsoft Graph v1.0 shapes: users (members, plus
 * a few B2B guests only Entra knows), subscribed SKUs, domains, enterprise-app service principals with
 * their app role assignments, and the groups some apps are assigned through. Computed once when the
 * simulator starts; requests only slice and project it.
 */

/** Microsoft's own tenants: first-party service principals (Microsoft Graph, Exchange Online) carry these. */
export const microsoftTenantIds = [
  'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
  '72f988bf-86f1-41af-91ab-2d7cd011db47',
];

export interface GraphUser {
  id: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  userPrincipalName: string;
  mailNickname: string;
  proxyAddresses: string[];
  otherMails: string[];
  accountEnabled: boolean;
  userType: 'Member' | 'Guest';
  employeeId: string | null;
  department: string | null;
  jobTitle: string | null;
  createdDateTime: string;
  assignedLicenses: { disabledPlans: string[]; skuId: string }[];
  /** How each licence came: directly (`assignedByGroup` null) or through a group; a licence may come both ways. */
  licenseAssignmentStates: LicenseAssignmentState[];
  /** Absent for users who never signed in, as Graph leaves the property out. */
  signInActivity?: Record<string, string | null>;
}

export interface LicenseAssignmentState {
  skuId: string;
  assignedByGroup: string | null;
  disabledPlans: string[];
  state: 'Active';
  error: 'None';
}

/** The group that hands out a SKU to its members, for SKUs licensed through a group. */
export const licenceGroupOf = (partNumber: string) => guidOf(`licence-group:${partNumber}`);

export interface GraphServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  servicePrincipalType: 'Application' | 'ManagedIdentity';
  accountEnabled: boolean;
  appOwnerOrganizationId: string | null;
  appRoleAssignmentRequired: boolean;
  preferredSingleSignOnMode: string | null;
  homepage: string | null;
  loginUrl: string | null;
  tags: string[];
}

export interface GraphAppRoleAssignment {
  id: string;
  appRoleId: string;
  createdDateTime: string;
  deletedDateTime: null;
  principalDisplayName: string;
  principalId: string;
  principalType: 'User' | 'Group';
  resourceDisplayName: string;
  resourceId: string;
}

export interface GraphTenant {
  tenantId: string;
  users: GraphUser[];
  subscribedSkus: unknown[];
  domains: unknown[];
  servicePrincipals: GraphServicePrincipal[];
  /** Service principal id → who is assigned to it. */
  assignments: Map<string, GraphAppRoleAssignment[]>;
  /** Group id → member user ids. */
  groups: Map<string, string[]>;
  /** The directory person behind each member user id (guests have none). */
  personOf: Map<string, DirectoryPerson>;
}

/** A deterministic GUID from a seed string, so the same directory gives the same ids on every start. */
export function guidOf(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const HOUR_MS = 3_600_000;
const defaultAccess = '00000000-0000-0000-0000-000000000000';

export function buildTenant(
  directory: Directory,
  options: { guests: number; groupLicensed?: readonly string[] },
): GraphTenant {
  const tenantId = guidOf(`tenant:${directory.domain}`);
  const initialDomain = `${directory.domain.split('.')[0]!.replace(/[^a-z0-9]/g, '')}.onmicrosoft.com`;
  const skuIdOf = new Map(directory.skus.map((s) => [s.partNumber, s.id]));
  const personOf = new Map<string, DirectoryPerson>();
  const users: GraphUser[] = [];
  const consumed = new Map<string, number>();

  for (const person of directory.people) {
    // Entra deletes a deprovisioned user: /users no longer lists it (it sits in deletedItems for 30 days).
    if (person.accountStatus === 'deprovisioned') continue;
    const local = person.email.slice(0, person.email.indexOf('@'));
    const assignedLicenses = person.licenses.map((part) => ({
      disabledPlans: [],
      skuId: skuIdOf.get(part)!,
    }));
    for (const part of person.licenses) consumed.set(part, (consumed.get(part) ?? 0) + 1);
    const licenseAssignmentStates = person.licenses.map((part) => ({
      skuId: skuIdOf.get(part)!,
      assignedByGroup: options.groupLicensed?.includes(part) ? licenceGroupOf(part) : null,
      disabledPlans: [],
      state: 'Active' as const,
      error: 'None' as const,
    }));
    const user: GraphUser = {
      id: person.id,
      displayName: person.displayName,
      givenName: person.kind === 'service' ? null : person.givenName,
      surname: person.kind === 'service' ? null : person.familyName,
      mail: person.email,
      userPrincipalName: person.email,
      mailNickname: local,
      // Exchange writes the primary address as SMTP:, secondary ones as smtp:, and other address types too.
      proxyAddresses: [
        `SMTP:${person.email}`,
        ...person.aliases.map((a) => `smtp:${a}`),
        `smtp:${local}@${initialDomain}`,
        ...(person.kind === 'service' ? [] : [`SIP:${person.email}`]),
      ],
      otherMails: person.personalEmail ? [person.personalEmail] : [],
      accountEnabled: person.accountStatus === 'active',
      userType: 'Member',
      employeeId: person.kind === 'service' ? null : person.employeeNumber,
      department: person.department,
      jobTitle: person.kind === 'service' ? null : person.jobTitle,
      createdDateTime: person.createdAt,
      assignedLicenses,
      licenseAssignmentStates,
    };
    if (person.lastSignInAt) user.signInActivity = signInActivity(person, users.length);
    users.push(user);
    personOf.set(user.id, person);
  }

  // B2B guests: partners invited into the tenant. Their UPN carries #EXT# on the tenant's initial domain.
  for (let i = 0; i < options.guests; i++) {
    const source = directory.people[i % Math.max(1, directory.people.length)];
    const given = source?.familyName ?? 'Guest';
    const family = source?.givenName ?? `Number${i}`;
    const local = `${given}.${family}${i}`.toLowerCase().replace(/[^a-z0-9.]/g, '');
    const email = `${local}@partner.example`;
    const created = source ? Date.parse(source.createdAt) : Date.UTC(2025, 0, 1);
    const user: GraphUser = {
      id: guidOf(`guest:${i}:${email}`),
      displayName: `${given} ${family} (Partner)`,
      givenName: null,
      surname: null,
      mail: i % 5 === 4 ? null : email,
      userPrincipalName: `${local}_partner.example#EXT#@${initialDomain}`,
      mailNickname: `${local}_partner.example#EXT#`,
      proxyAddresses: [`SMTP:${email}`],
      otherMails: [email],
      accountEnabled: true,
      userType: 'Guest',
      employeeId: null,
      department: null,
      jobTitle: null,
      createdDateTime: new Date(created).toISOString(),
      assignedLicenses: [],
      licenseAssignmentStates: [],
    };
    if (i % 3 !== 2) {
      const at = new Date(created + (i + 1) * 24 * HOUR_MS).toISOString();
      user.signInActivity = {
        lastSignInDateTime: at,
        lastSignInRequestId: guidOf(`signin:${user.id}`),
        lastNonInteractiveSignInDateTime: null,
        lastNonInteractiveSignInRequestId: null,
        lastSuccessfulSignInDateTime: at,
        lastSuccessfulSignInRequestId: guidOf(`signin:${user.id}`),
      };
    }
    users.push(user);
  }

  const subscribedSkus = directory.skus.map((sku) => ({
    accountId: tenantId,
    accountName: directory.domain,
    appliesTo: 'User',
    capabilityStatus: 'Enabled',
    consumedUnits: consumed.get(sku.partNumber) ?? 0,
    id: `${tenantId}_${sku.id}`,
    skuId: sku.id,
    skuPartNumber: sku.partNumber,
    subscriptionIds: [guidOf(`subscription:${sku.id}`)],
    prepaidUnits: { enabled: sku.purchased, suspended: 0, warning: 0, lockedOut: 0 },
    servicePlans: [],
  }));

  const domain = (id: string, extra: { isDefault: boolean; isInitial: boolean }) => ({
    authenticationType: 'Managed',
    availabilityStatus: null,
    id,
    isAdminManaged: true,
    isDefault: extra.isDefault,
    isInitial: extra.isInitial,
    isRoot: true,
    isVerified: true,
    supportedServices: ['Email', 'OfficeCommunicationsOnline'],
    passwordValidityPeriodInDays: 2147483647,
    passwordNotificationWindowInDays: 14,
    state: null,
  });
  const domains = [
    domain(directory.domain, { isDefault: true, isInitial: false }),
    ...directory.aliasDomains.map((d) => domain(d, { isDefault: false, isInitial: false })),
    domain(initialDomain, { isDefault: false, isInitial: true }),
    // A domain added in the admin centre whose DNS record was never set: listed, not verified.
    { ...domain(`pending.${directory.domain}`, { isDefault: false, isInitial: false }), isVerified: false },
  ];

  const servicePrincipals: GraphServicePrincipal[] = [];
  const assignments = new Map<string, GraphAppRoleAssignment[]>();
  const groups = new Map<string, string[]>();
  const listed = users.filter((u) => u.userType === 'Member');
  directory.apps.forEach((app, index) => {
    const sp: GraphServicePrincipal = {
      id: guidOf(`sp:${app.id}`),
      appId: app.id,
      displayName: app.name,
      servicePrincipalType: 'Application',
      accountEnabled: true,
      appOwnerOrganizationId: guidOf(`vendor:${app.domain}`),
      appRoleAssignmentRequired: true,
      preferredSingleSignOnMode: index % 2 === 0 ? 'saml' : 'oidc',
      homepage: `https://${app.domain}/`,
      loginUrl: index % 2 === 0 ? `https://sso.${app.domain}/login` : null,
      tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
    };
    servicePrincipals.push(sp);
    const members = listed.filter((u) => personOf.get(u.id)!.apps.includes(app.name));
    const created = new Date(Date.UTC(2024, 0, 1 + index)).toISOString();
    const assignment = (
      principalId: string,
      principalDisplayName: string,
      principalType: 'User' | 'Group',
    ) => ({
      id: guidOf(`assignment:${sp.id}:${principalId}`),
      appRoleId: defaultAccess,
      createdDateTime: created,
      deletedDateTime: null,
      principalDisplayName,
      principalId,
      principalType,
      resourceDisplayName: sp.displayName,
      resourceId: sp.id,
    });
    if (index % 3 === 2) {
      // Assigned through a group, as most organisations do; the first member is also assigned directly.
      const groupId = guidOf(`group:${app.id}`);
      groups.set(
        groupId,
        members.map((m) => m.id),
      );
      assignments.set(sp.id, [
        assignment(groupId, `${app.name} users`, 'Group'),
        ...members.slice(0, 1).map((m) => assignment(m.id, m.displayName, 'User')),
      ]);
    } else {
      assignments.set(
        sp.id,
        members.map((m) => assignment(m.id, m.displayName, 'User')),
      );
    }
  });
  // Service principals that are not apps people sign in to: Microsoft's own, a managed identity, and the
  // app registration Roster itself reads the tenant with.
  const other = (
    name: string,
    type: GraphServicePrincipal['servicePrincipalType'],
    owner: string | null,
    tags: string[],
  ): GraphServicePrincipal => ({
    id: guidOf(`sp:${name}`),
    appId: guidOf(`app:${name}`),
    displayName: name,
    servicePrincipalType: type,
    accountEnabled: true,
    appOwnerOrganizationId: owner,
    appRoleAssignmentRequired: false,
    preferredSingleSignOnMode: null,
    homepage: null,
    loginUrl: null,
    tags,
  });
  for (const sp of [
    other('Microsoft Graph', 'Application', microsoftTenantIds[0]!, []),
    other('Office 365 Exchange Online', 'Application', microsoftTenantIds[0]!, [
      'WindowsAzureActiveDirectoryIntegratedApp',
    ]),
    other('backup-runner', 'ManagedIdentity', null, []),
    other('Roster', 'Application', tenantId, []),
  ]) {
    servicePrincipals.push(sp);
    assignments.set(sp.id, []);
  }
  return { tenantId, users, subscribedSkus, domains, servicePrincipals, assignments, groups, personOf };
}

function signInActivity(person: DirectoryPerson, index: number): Record<string, string | null> {
  const last = Date.parse(person.lastSignInAt!);
  const interactive = new Date(last).toISOString();
  const nonInteractive = new Date(last - HOUR_MS).toISOString();
  const requestId = guidOf(`signin:${person.id}`);
  // lastSuccessfulSignInDateTime exists only since December 2023: some users have none yet.
  const successful = index % 7 === 3 ? null : interactive;
  return {
    lastSignInDateTime: interactive,
    lastSignInRequestId: requestId,
    lastNonInteractiveSignInDateTime: nonInteractive,
    lastNonInteractiveSignInRequestId: guidOf(`signin-ni:${person.id}`),
    lastSuccessfulSignInDateTime: successful,
    lastSuccessfulSignInRequestId: successful ? requestId : null,
  };
}
