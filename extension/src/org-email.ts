const emailPattern = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/;

/** The address trimmed and lower-cased, or null when it is not an email address. */
export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return emailPattern.test(email) ? email : null;
}

/**
 * Whether an address belongs to the organisation: its domain is one of the organisation's domains or a
 * subdomain of one. Anything else (`@gmail.com`, a client's domain) is personal browsing to the extension.
 */
export function isOrgEmail(raw: string, orgDomains: readonly string[]): boolean {
  const email = normaliseEmail(raw);
  if (!email) return false;
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return orgDomains.some((org) => {
    const d = org.trim().toLowerCase();
    return d !== '' && (domain === d || domain.endsWith(`.${d}`));
  });
}
