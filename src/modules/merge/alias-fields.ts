import { isValidEmail, normaliseEmail } from '../../lib/email.js';

/**
 * The alias fields Merge Users can read, per source kind. Each is opt-in in the merge configuration.
 * `managedOnly`: the field may only hold addresses of the organisation's own domains.
 */
export interface AliasField {
  field: string;
  kinds: readonly string[];
  managedOnly: boolean;
  description: string;
}

export const aliasFields: readonly AliasField[] = [
  {
    field: 'proxyAddresses',
    kinds: ['microsoft-entra'],
    managedOnly: true,
    description: 'Microsoft Entra ID proxyAddresses: smtp:/SMTP: entries of the organisation’s domains',
  },
  {
    field: 'otherMails',
    kinds: ['microsoft-entra'],
    managedOnly: false,
    description: 'Microsoft Entra ID otherMails (any domain)',
  },
  {
    field: 'emails',
    kinds: ['google-workspace'],
    managedOnly: false,
    description: 'Google Workspace emails: aliases in managed domains, contact addresses in others',
  },
  { field: 'secondEmail', kinds: ['okta'], managedOnly: false, description: 'Okta profile.secondEmail' },
  {
    field: 'login',
    kinds: ['okta'],
    managedOnly: true,
    description: 'Okta profile.login when it is another address of the organisation’s domains than the email',
  },
  {
    field: 'personal_email',
    kinds: ['hr-csv', 'bamboohr'],
    managedOnly: false,
    description: 'Personal email from the HR system',
  },
];

export function aliasFieldsOf(kind: string): AliasField[] {
  return aliasFields.filter((f) => f.kinds.includes(kind));
}

export type IgnoredReason = 'not_smtp' | 'malformed' | 'unmanaged_domain' | 'self';

/** Reads one alias value as its field defines it: an email, or the reason it does not count. */
export function parseAliasValue(
  field: string,
  raw: string,
  primaryEmail: string,
  managedDomains: ReadonlySet<string>,
): { email: string } | { ignored: IgnoredReason } {
  let value = raw.trim();
  if (field === 'proxyAddresses') {
    // Exchange proxy addresses are "type:address"; only SMTP addresses are mail aliases (SIP:, X500:, … are not).
    const match = /^smtp:(.*)$/i.exec(value);
    if (!match) return { ignored: /^[a-z0-9]+:/i.test(value) ? 'not_smtp' : 'malformed' };
    value = match[1] ?? '';
  }
  const email = normaliseEmail(value);
  if (!isValidEmail(email)) return { ignored: 'malformed' };
  if (email === primaryEmail) return { ignored: 'self' };
  const rule = aliasFields.find((f) => f.field === field);
  if (rule?.managedOnly && !managedDomains.has(email.slice(email.lastIndexOf('@') + 1)))
    return { ignored: 'unmanaged_domain' };
  return { email };
}
