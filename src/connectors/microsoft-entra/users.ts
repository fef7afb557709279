import type { SourceRecordInput } from '../kit/records.js';

/** The Microsoft 365 app every Entra user has an account on; licences (SKUs) are its license types. */
export const microsoft365 = { name: 'Microsoft 365', domain: 'microsoft365.com' };

/** Properties read from `/users`: the list plus department for the employee record. */
export const userProperties = [
  'id',
  'displayName',
  'mail',
  'userPrincipalName',
  'proxyAddresses',
  'otherMails',
  'accountEnabled',
  'userType',
  'employeeId',
  'department',
  'createdDateTime',
  'assignedLicenses',
] as const;

export interface GraphUser {
  id: string;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  proxyAddresses?: string[] | null;
  otherMails?: string[] | null;
  accountEnabled?: boolean | null;
  userType?: string | null;
  employeeId?: string | null;
  department?: string | null;
  createdDateTime?: string | null;
  assignedLicenses?: { skuId?: string | null }[] | null;
  signInActivity?: {
    lastSignInDateTime?: string | null;
    lastNonInteractiveSignInDateTime?: string | null;
    lastSuccessfulSignInDateTime?: string | null;
  } | null;
}

/** An alias value longer than this cannot be an address (X500 entries can be long); it is not kept. */
const maxAliasLength = 400;

/**
 * The address Roster knows a user by. `mail` first (the primary SMTP address); a guest without one is read
 * from the `#EXT#` UPN (`ana_partner.com#EXT#@acme.onmicrosoft.com` is ana@partner.com), since the UPN
 * itself is an address on the tenant's own domain that mail never reaches; otherwise the UPN.
 */
export function emailOf(user: GraphUser): string {
  if (user.mail?.trim()) return user.mail.trim();
  const upn = user.userPrincipalName?.trim() ?? '';
  const external = /^(.+)#EXT#@/i.exec(upn);
  if (external) {
    const local = external[1]!;
    const at = local.lastIndexOf('_');
    if (at > 0) return `${local.slice(0, at)}@${local.slice(at + 1)}`;
  }
  return upn;
}

export function isGuest(user: GraphUser): boolean {
  return user.userType?.toLowerCase() === 'guest' || /#EXT#@/i.test(user.userPrincipalName ?? '');
}

/**
 * Last use from `signInActivity`: the last successful sign-in (interactive or not) when Graph has it
 * (recorded since December 2023), else the later of the last interactive and non-interactive attempts.
 * No signInActivity means the user never signed in (or not since April 2020).
 */
export function lastUsedOf(user: GraphUser): string | null {
  const activity = user.signInActivity;
  if (!activity) return null;
  if (activity.lastSuccessfulSignInDateTime) return activity.lastSuccessfulSignInDateTime;
  const dates = [activity.lastSignInDateTime, activity.lastNonInteractiveSignInDateTime].filter(
    (d): d is string => typeof d === 'string' && !Number.isNaN(Date.parse(d)),
  );
  if (dates.length === 0) return null;
  return dates.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
}

/**
 * One directory user as Roster records: an account on Microsoft 365 with its licences and last sign-in;
 * an employee record for members (guests are partners, not staff); and every proxy address and other mail
 * as an alias, exactly as Graph writes it (Merge Users reads `SMTP:`/`smtp:` itself).
 */
export function userRecords(
  user: GraphUser,
  options: { skuNames: ReadonlyMap<string, string>; lastUsedKnown: boolean; ref: string },
): SourceRecordInput[] {
  const email = emailOf(user);
  const guest = isGuest(user);
  const enabled = user.accountEnabled !== false;
  const name = user.displayName?.trim() || null;
  const licenseTypes = [
    ...new Set(
      (user.assignedLicenses ?? [])
        .map((l) => (l.skuId ? (options.skuNames.get(l.skuId.toLowerCase()) ?? l.skuId) : null))
        .filter((n): n is string => Boolean(n)),
    ),
  ];
  const records: SourceRecordInput[] = [
    {
      type: 'account',
      app: microsoft365.name,
      email,
      externalId: user.id,
      name,
      status: enabled ? 'active' : 'suspended',
      role: guest ? 'guest' : 'member',
      licenseTypes,
      lastUsedAt: options.lastUsedKnown ? lastUsedOf(user) : null,
      ref: options.ref,
    },
  ];
  if (!guest) {
    const attributes: Record<string, string | null> = { employeeId: user.employeeId ?? null };
    if (user.createdDateTime) attributes.createdDateTime = user.createdDateTime;
    records.push({
      type: 'employee',
      email,
      name,
      // Entra knows no termination: a member whose sign-in is blocked is treated as having left.
      status: enabled ? 'active' : 'terminated',
      department: user.department ?? null,
      attributes,
      ref: options.ref,
    });
  }
  const seen = new Set<string>();
  for (const [field, values] of [
    ['proxyAddresses', user.proxyAddresses],
    ['otherMails', user.otherMails],
  ] as const) {
    for (const value of values ?? []) {
      if (typeof value !== 'string' || !value.trim() || value.length > maxAliasLength) continue;
      if (seen.has(`${field}\n${value}`)) continue;
      seen.add(`${field}\n${value}`);
      records.push({ type: 'alias', primaryEmail: email, field, value, ref: options.ref });
    }
  }
  return records;
}
