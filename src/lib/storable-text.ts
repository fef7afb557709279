/**
 * PostgreSQL stores neither NUL in text or jsonb, nor (in jsonb) a UTF-16 surrogate without its pair.
 * Providers do send both (a display name pasted from a binary file, a truncated emoji), so every record
 * field is checked before staging and refused with its place named, instead of failing the whole apply
 * with the database's own error.
 */
const unstorable = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const unstorableMessage =
  'contains a NUL character or a broken Unicode character, which cannot be stored';

export function isStorable(value: string): boolean {
  return !unstorable.test(value);
}

/**
 * A source's raw object, as JSON the database accepts: it is kept for reference only, so a NUL is dropped
 * and a lone surrogate becomes U+FFFD rather than refusing the record. JSON.stringify writes every lone
 * surrogate (and NUL) as a \u escape; an even run of backslashes before it means the escape is real.
 */
export function storableJson(value: unknown): string {
  const json = JSON.stringify(value ?? null);
  if (!json.includes('\\u')) return json;
  return json.replace(
    /(?<!\\)((?:\\\\)*)\\u(0000|d[89a-f][0-9a-f]{2})/gi,
    (_match, backslashes: string, code: string) => (code === '0000' ? backslashes : `${backslashes}\\ufffd`),
  );
}
