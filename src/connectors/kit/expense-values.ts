/** The values every expense line carries, checked the same way whichever source brought them. */

const decimal = /^(-?)(\d{1,14})(?:\.(\d{1,4}))?$/;

/**
 * A plain decimal (`1234.5`, `-12`, a JSON number) as canonical text without superfluous zeros, or null when
 * it is not one or does not fit the column (14 digits, 4 decimals). Amounts stay text end to end, so no
 * binary rounding touches them before PostgreSQL's numeric.
 */
export function canonicalAmount(value: string | number): string | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    // A JSON number with more than 4 decimals is refused like its text would be, not rounded silently.
    text = String(value);
    if (/e/i.test(text)) return null;
  } else text = value.trim();
  const match = decimal.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = ''] = match;
  const digits = whole.replace(/^0+(?=\d)/, '');
  const decimals = fraction.replace(/0+$/, '');
  const zero = digits === '0' && decimals === '';
  return `${zero ? '' : sign}${digits}${decimals ? `.${decimals}` : ''}`;
}

/** Whether YYYY-MM-DD names a day that exists (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

let currencies: Set<string> | undefined;

/** ISO 4217 codes as this runtime's Intl knows them: no list of Roster's own to drift. */
export function isCurrencyCode(value: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(value);
}
