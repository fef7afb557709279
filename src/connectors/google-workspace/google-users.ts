import { isValidEmail, normaliseEmail } from '../../lib/email.js';
import type { SourceRecordInput } from '../kit/records.js';

/** A Directory API user (`admin#directory#user`), the fields Roster reads. */
export interface GoogleUser {
  id?: string;
  primaryEmail?: string;
  customerId?: string;
  name?: { givenName?: string; familyName?: string; fullName?: string };
  aliases?: string[];
  nonEditableAliases?: string[];
  emails?: { address?: string; primary?: boolean; type?: string; customType?: string }[];
  suspended?: boolean;
  suspensionReason?: string;
  archived?: boolean;
  isAdmin?: boolean;
  isDelegatedAdmin?: boolean;
  lastLoginTime?: string;
  orgUnitPath?: string;
  organizations?: { title?: string; department?: string; primary?: boolean }[];
  relations?: { value?: string; type?: string }[];
  externalIds?: { value?: string; type?: string }[];
  customSchemas?: Record<string, Record<string, unknown>>;
}

export const workspaceApp = 'Google Workspace';

/** The users.list answer when a user never signed in (the Unix epoch), which Roster keeps as "never". */
export function lastLogin(raw: string | undefined): string | null {
  if (!raw) return null;
  const at = Date.parse(raw);
  return Number.isNaN(at) || at <= 0 ? null : raw;
}

export function userName(user: GoogleUser): string | null {
  const full = user.name?.fullName?.trim();
  if (full) return full.slice(0, 500);
  const parts = [user.name?.givenName, user.name?.familyName].filter((p) => p?.trim());
  return parts.length ? parts.join(' ').slice(0, 500) : null;
}

/**
 * One Directory user as Roster records: the account on Google Workspace (with the licences it holds), the
 * employee (the IdP is the employee source of truth when no HR system is connected), and every other
 * address Google lists for the user as an alias, with Google's field name and the value as written.
 */
export function userRecords(
  user: GoogleUser & { primaryEmail: string },
  ref: string,
  licenseTypes: readonly string[],
): SourceRecordInput[] {
  const email = user.primaryEmail;
  const name = userName(user);
  // Archived users (Archived User licence) cannot sign in either; Google keeps the two flags apart.
  const inactive = user.suspended === true || user.archived === true;
  const records: SourceRecordInput[] = [
    {
      type: 'account',
      ref,
      app: workspaceApp,
      email,
      externalId: user.id ?? null,
      name,
      status: inactive ? 'suspended' : 'active',
      role: user.isAdmin ? 'admin' : user.isDelegatedAdmin ? 'delegated admin' : null,
      licenseTypes: [...licenseTypes],
      lastUsedAt: lastLogin(user.lastLoginTime),
    },
    {
      type: 'employee',
      ref,
      email,
      name,
      status: inactive ? 'terminated' : 'active',
      terminationDate: null,
      personalEmail: emailOrNull(
        user.emails?.find((e) => e.type === 'home' && e.address && !sameAddress(e.address, email))?.address,
      ),
      department: primaryOrganization(user)?.department?.trim().slice(0, 200) || null,
      managerEmail: emailOrNull(user.relations?.find((r) => r.type === 'manager')?.value),
      attributes: employeeAttributes(user),
    },
  ];
  const seen = new Set<string>();
  const alias = (field: string, value: string | undefined) => {
    const v = value?.trim();
    if (!v || v.length > 400 || sameAddress(v, email) || seen.has(`${field}\n${v}`)) return;
    seen.add(`${field}\n${v}`);
    records.push({ type: 'alias', ref, primaryEmail: email, field, value: value! });
  };
  for (const value of user.aliases ?? []) alias('aliases', value);
  for (const value of user.nonEditableAliases ?? []) alias('nonEditableAliases', value);
  for (const entry of user.emails ?? []) alias('emails', entry.address);
  return records;
}

function employeeAttributes(user: GoogleUser): Record<string, string | number | boolean | null> {
  const attributes: Record<string, string | number | boolean | null> = {};
  const org = primaryOrganization(user);
  if (org?.title) attributes.jobTitle = org.title;
  if (user.orgUnitPath) attributes.orgUnitPath = user.orgUnitPath;
  const employeeId = user.externalIds?.find((x) => x.type === 'organization')?.value;
  if (employeeId) attributes.employeeId = employeeId;
  if (user.archived) attributes.archived = true;
  if (user.suspended && user.suspensionReason) attributes.suspensionReason = user.suspensionReason;
  // Custom attributes (projection=full): scalar fields only, named Schema.field as Google's query syntax does.
  for (const [schema, fields] of Object.entries(user.customSchemas ?? {})) {
    for (const [field, value] of Object.entries(fields ?? {})) {
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
        attributes[`${schema}.${field}`] = value as string | number | boolean | null;
    }
  }
  return attributes;
}

function primaryOrganization(user: GoogleUser) {
  return user.organizations?.find((o) => o.primary) ?? user.organizations?.[0];
}

function emailOrNull(value: string | undefined): string | null {
  return value && isValidEmail(normaliseEmail(value)) ? value : null;
}

function sameAddress(a: string, b: string): boolean {
  return normaliseEmail(a) === normaliseEmail(b);
}
