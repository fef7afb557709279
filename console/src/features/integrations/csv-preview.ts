/** The columns Roster reads from one app's user export (the server's canonical CSV header). */
export const canonicalColumns = ['email', 'name', 'status', 'role', 'license_types', 'last_used_at'] as const;
export type CanonicalColumn = (typeof canonicalColumns)[number];
export type ColumnMapping = Partial<Record<CanonicalColumn, string>>;

/**
 * Parses the first rows of a CSV for the mapping preview only (quoted fields, doubled quotes, CRLF);
 * the server parses the whole file and is the judge of its validity.
 */
export function previewCsv(text: string, maxRows = 5): { header: string[]; rows: string[][] } {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length && records.length <= maxRows; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if ((field || record.length) && records.length <= maxRows) records.push([...record, field]);
  const [header = [], ...rows] = records.filter((r) => r.some((cell) => cell.trim() !== ''));
  return { header: header.map((h) => h.replace(/^\uFEFF/, '').trim()), rows };
}

// A few header names common exports use; the admin confirms or changes each guess before importing.
const guesses: Record<CanonicalColumn, string[]> = {
  email: ['email', 'emailaddress', 'mail', 'useremail', 'primaryemail', 'login'],
  name: ['name', 'fullname', 'displayname', 'user'],
  status: ['status', 'userstatus', 'accountstatus', 'state'],
  role: ['role', 'roles', 'accounttype', 'usertype'],
  license_types: ['licensetypes', 'licenses', 'license', 'licensetype', 'plan', 'seattype'],
  last_used_at: [
    'lastusedat',
    'lastused',
    'lastlogin',
    'lastloginat',
    'lastactive',
    'lastactivity',
    'lastseen',
  ],
};

const squash = (header: string) => header.toLowerCase().replace(/[\s_-]/g, '');

/** A first mapping from the file's header, for the admin to review. */
export function guessMapping(header: string[]): ColumnMapping {
  const byKey = new Map(header.map((h) => [squash(h), h]));
  const mapping: ColumnMapping = {};
  for (const column of canonicalColumns) {
    const found = guesses[column].map((g) => byKey.get(g)).find((h) => h !== undefined);
    if (found !== undefined) mapping[column] = found;
  }
  return mapping;
}
