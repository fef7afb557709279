/**
 * Encodes rows in PostgreSQL's COPY text format (tab-separated, \N for null), the fastest way to
 * hand rows to either database. Arrays become text[] literals.
 */
export type CopyValue = string | number | boolean | Date | null | undefined | readonly string[];

const needsEscape = /[\\\t\n\r\0]/;

/** Escapes COPY's special characters; NUL, which PostgreSQL text cannot hold, is dropped. */
function escapeText(value: string): string {
  if (!needsEscape.test(value)) return value;
  return value.replace(/[\\\t\n\r\0]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '',
  );
}

function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

export function encodeCopyValue(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escapeText(arrayLiteral(value));
  return escapeText(String(value));
}

export function encodeCopyRows(rows: readonly (readonly CopyValue[])[]): string {
  let out = '';
  for (const row of rows) out += `${row.map(encodeCopyValue).join('\t')}\n`;
  return out;
}
