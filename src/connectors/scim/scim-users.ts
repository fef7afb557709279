import { isValidEmail, normaliseEmail } from '../../lib/email.js';

/** The parts of a SCIM User resource (RFC 7643 §4.1) Roster reads. */
export interface ScimUser {
  id?: unknown;
  userName?: unknown;
  displayName?: unknown;
  active?: unknown;
  name?: { formatted?: unknown; givenName?: unknown; familyName?: unknown } | null;
  emails?: unknown;
}

interface ScimEmail {
  value?: unknown;
  type?: unknown;
  primary?: unknown;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

const address = (value: unknown): string | null => {
  const candidate = text(value);
  return candidate && isValidEmail(normaliseEmail(candidate)) ? normaliseEmail(candidate) : null;
};

/**
 * The address Roster knows a SCIM user by: the `primary` entry of `emails`, else the first `work` email,
 * else `userName` when it is an address (many apps use the email as userName). Null when none is an address.
 */
export function scimUserEmail(user: ScimUser): string | null {
  const emails = (Array.isArray(user.emails) ? user.emails : []).filter(
    (e): e is ScimEmail => !!e && typeof e === 'object',
  );
  const primary = emails.find((e) => e.primary === true);
  const work = emails.find((e) => text(e.type)?.toLowerCase() === 'work' && address(e.value));
  return address(primary?.value) ?? address(work?.value) ?? address(user.userName);
}

/** The person's name: `name.formatted`, else `displayName`, else given and family names. */
export function scimUserName(user: ScimUser): string | null {
  const parts = [text(user.name?.givenName), text(user.name?.familyName)].filter(Boolean).join(' ');
  return text(user.name?.formatted) ?? text(user.displayName) ?? (parts || null);
}

/**
 * `active: false` is a user who cannot sign in but still exists (SCIM's deactivation): suspended. RFC 7643
 * makes `active` optional; a service that leaves it out has only active users.
 */
export function scimUserStatus(user: ScimUser): 'active' | 'suspended' {
  return user.active === false ? 'suspended' : 'active';
}

/** The SCIM id, which every later request about the user names. */
export function scimUserId(user: ScimUser): string | null {
  return text(user.id);
}
