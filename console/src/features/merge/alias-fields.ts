/**
 * The alias fields Merge Users can read, per source kind (the server's list; its PUT refuses any other).
 * Each is opt-in.
 */
export const aliasFields: { field: string; kinds: string[]; description: string }[] = [
  {
    field: 'proxyAddresses',
    kinds: ['entra-id'],
    description: 'Entra ID proxyAddresses (smtp: entries of your domains)',
  },
  { field: 'otherMails', kinds: ['entra-id'], description: 'Entra ID otherMails (any domain)' },
  {
    field: 'emails',
    kinds: ['google-workspace'],
    description: 'Google Workspace emails (aliases and contact addresses)',
  },
  { field: 'secondEmail', kinds: ['okta'], description: 'Okta secondEmail' },
  {
    field: 'personal_email',
    kinds: ['hr-csv', 'bamboohr'],
    description: 'Personal email from the HR system',
  },
];

export const fieldsOfKind = (kind: string) => aliasFields.filter((f) => f.kinds.includes(kind));

export const ruleTexts: Record<string, string> = {
  employee: 'It is an employee: employees are never merged into others',
  multiple_primaries: 'More than one person claims it as an alias',
  has_aliases: 'It has aliases of its own (no alias-of-alias chains)',
};
