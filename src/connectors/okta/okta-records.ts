import { getDomain } from 'tldts';
import { isValidEmail, normaliseEmail } from '../../lib/email.js';
import type { SourceRecordInput } from '../kit/records.js';

/** Okta's own app: every Okta user is an account on it. */
export const OKTA_APP = 'Okta';

/** The parts of an Okta User object Roster reads. */
export interface OktaUser {
  id?: unknown;
  status?: unknown;
  created?: unknown;
  statusChanged?: unknown;
  lastLogin?: unknown;
  profile?: Record<string, unknown> | null;
}

export interface OktaApp {
  id?: unknown;
  name?: unknown;
  label?: unknown;
  status?: unknown;
  settings?: { app?: Record<string, unknown> | null; signOn?: Record<string, unknown> | null } | null;
}

export interface OktaAppUser {
  id?: unknown;
  status?: unknown;
  credentials?: { userName?: unknown } | null;
  profile?: Record<string, unknown> | null;
  _links?: { user?: { href?: unknown } } | null;
}

/**
 * An Okta user's account status in Roster. STAGED and PROVISIONED users exist but have not activated yet,
 * RECOVERY, PASSWORD_EXPIRED and LOCKED_OUT users are active people held at sign-in: all of them still hold
 * the account and whatever Okta assigned them, so they are active. SUSPENDED users cannot sign in but keep
 * their assignments; DEPROVISIONED users were deactivated and lost them.
 */
const accountStatus: Record<string, 'active' | 'suspended' | 'deleted'> = {
  STAGED: 'active',
  PROVISIONED: 'active',
  ACTIVE: 'active',
  RECOVERY: 'active',
  PASSWORD_EXPIRED: 'active',
  LOCKED_OUT: 'active',
  SUSPENDED: 'suspended',
  DEPROVISIONED: 'deleted',
};

/** Okta apps that are Okta itself (its admin console, end-user dashboard, browser plugin): not SaaS apps. */
const oktaOwnApps = new Set(['saasure', 'okta_enduser', 'okta_browser_plugin', 'okta_flow_sso']);

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** The address Roster knows a user by: `profile.email`, else the login when it is an address. */
export function userEmail(user: OktaUser): string | null {
  for (const candidate of [user.profile?.email, user.profile?.login]) {
    const value = text(candidate);
    if (value && isValidEmail(normaliseEmail(value))) return normaliseEmail(value);
  }
  return null;
}

/**
 * The records one Okta user gives: an account on Okta, an employee (Okta as the employee source of truth
 * when no HR system is connected), and an alias per other address (`secondEmail`, a login that differs from
 * the email). `null` when the user has no usable address (reported as rejected by the caller).
 */
export function userRecords(user: OktaUser, ref: string): SourceRecordInput[] | null {
  const email = userEmail(user);
  if (!email) return null;
  const profile = user.profile ?? {};
  const status = text(user.status)?.toUpperCase() ?? 'ACTIVE';
  const name =
    text(profile.displayName) ??
    ([text(profile.firstName), text(profile.lastName)].filter(Boolean).join(' ') || null);
  const terminated = status === 'SUSPENDED' || status === 'DEPROVISIONED';
  const changed = text(user.statusChanged);
  const attributes: Record<string, string> = { oktaStatus: status };
  for (const field of ['employeeNumber', 'title', 'userType', 'organization', 'division', 'costCenter']) {
    const value = text(profile[field]);
    if (value) attributes[field] = value;
  }
  const records: SourceRecordInput[] = [
    {
      type: 'account',
      app: OKTA_APP,
      email,
      externalId: text(user.id),
      name,
      // An unknown status word from a newer Okta is treated as active rather than hiding the user.
      status: accountStatus[status] ?? 'active',
      licenseTypes: [],
      lastUsedAt: text(user.lastLogin),
      ref,
    },
    {
      type: 'employee',
      email,
      name,
      status: terminated ? 'terminated' : 'active',
      // Okta records when the status changed, which for a leaver is the day they were suspended or deactivated.
      terminationDate: terminated && changed ? changed.slice(0, 10) : null,
      department: text(profile.department),
      attributes,
      ref,
    },
  ];
  const seen = new Set([email]);
  for (const [field, raw] of [
    ['secondEmail', profile.secondEmail],
    ['login', profile.login],
  ] as const) {
    const value = text(raw);
    if (!value || seen.has(normaliseEmail(value))) continue;
    if (field === 'login' && !isValidEmail(normaliseEmail(value))) continue;
    seen.add(normaliseEmail(value));
    records.push({ type: 'alias', primaryEmail: email, field, value, ref });
  }
  return records;
}

/** Whether an app is one Roster reports: active, and not one of Okta's own. */
export function isReportedApp(app: OktaApp): boolean {
  return text(app.status) === 'ACTIVE' && !oktaOwnApps.has(text(app.name) ?? '') && text(app.label) !== null;
}

/** The app's domain from the URL people sign in at (a bookmark's URL, a SAML app's ACS URL), when known. */
export function appDomain(app: OktaApp): string | null {
  const candidates = [
    app.settings?.app?.url,
    app.settings?.app?.loginUrl,
    app.settings?.app?.siteURL,
    app.settings?.app?.baseUrl,
    app.settings?.signOn?.ssoAcsUrl,
    app.settings?.signOn?.loginUrl,
  ];
  for (const candidate of candidates) {
    const value = text(candidate);
    if (!value) continue;
    try {
      const domain = getDomain(new URL(value).hostname);
      if (domain) return domain;
    } catch {
      // Not a URL (template apps hold placeholders like ${org}); try the next field.
    }
  }
  return null;
}

/**
 * The address an app assignment stands for: the app's own username when it is an address, the app
 * profile's email, or the Okta user's address.
 */
export function appUserEmail(appUser: OktaAppUser, emailOfUser: (id: string) => string | undefined) {
  for (const candidate of [appUser.credentials?.userName, appUser.profile?.email]) {
    const value = text(candidate);
    if (value && isValidEmail(normaliseEmail(value))) return normaliseEmail(value);
  }
  const id = text(appUser.id) ?? userIdFromLink(appUser._links?.user?.href);
  return id ? (emailOfUser(id) ?? null) : null;
}

function userIdFromLink(href: unknown): string | null {
  const value = text(href);
  return value ? (value.split('/').pop() ?? null) : null;
}
