/** The canonical CSV header for one app's users, and the presets that map other exports onto it. */
export const canonicalColumns = ['email', 'name', 'status', 'role', 'license_types', 'last_used_at'] as const;
export type CanonicalColumn = (typeof canonicalColumns)[number];
export type ColumnMapping = Partial<Record<CanonicalColumn, string>>;

/**
 * Header names seen in common user exports. `auto` tries each in order; an explicit mapping always wins.
 * Matching ignores case, spaces, dashes and underscores.
 */
const synonyms: Record<CanonicalColumn, string[]> = {
  email: ['email', 'emailaddress', 'e-mail', 'mail', 'useremail', 'primaryemail', 'login', 'username'],
  name: ['name', 'fullname', 'displayname', 'username(display)', 'user'],
  status: ['status', 'userstatus', 'accountstatus', 'state'],
  role: ['role', 'roles', 'accounttype', 'usertype', 'permission'],
  license_types: ['licensetypes', 'licenses', 'license', 'licensetype', 'plan', 'seattype', 'products'],
  last_used_at: [
    'lastusedat',
    'lastused',
    'lastlogin',
    'lastloginat',
    'lastactive',
    'lastactivity',
    'lastseen',
    'lastsignin',
  ],
};

const squash = (header: string) => header.toLowerCase().replace(/[\s_-]/g, '');

export const presets = ['roster', 'auto'] as const;
export type Preset = (typeof presets)[number];

/** Resolves which file header feeds each canonical column. */
export function resolveColumns(
  header: readonly string[],
  preset: Preset,
  mapping: ColumnMapping,
): ColumnMapping {
  const resolved: ColumnMapping = {};
  const byKey = new Map(header.map((h) => [squash(h), h]));
  for (const column of canonicalColumns) {
    const explicit = mapping[column];
    if (explicit !== undefined) {
      resolved[column] = explicit;
      continue;
    }
    const candidates = preset === 'roster' ? [column] : [column, ...synonyms[column]];
    for (const candidate of candidates) {
      const found = byKey.get(squash(candidate));
      if (found !== undefined) {
        resolved[column] = found;
        break;
      }
    }
  }
  return resolved;
}
