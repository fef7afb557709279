import { isCalendarDate } from '../kit/expense-values.js';
import type { DateFormat } from './presets.js';

/**
 * Reads the dates and amounts of exports as they write them. Each format is explicit: a slashed date is read
 * in the format the preset (or the source) names, never guessed from its numbers.
 */

const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** YYYY-MM-DD, or null when the text is not a date in the format (or ISO). */
export function parseDateText(text: string, format: DateFormat): string | null {
  const value = text.trim();
  const iso = isoDateTime.exec(value);
  // An ISO date (from a spreadsheet's date cell, or an export's timestamp) is read as its own date part:
  // a timestamp is the time where the purchase happened, and its day is the one the export shows.
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  if (format === 'YYYY-MM-DD') return null;
  const parts = slashed.exec(value);
  if (!parts) return null;
  const [first, second, year] = [parts[1] ?? '', parts[2] ?? '', parts[3] ?? ''];
  const [month, day] = format === 'MM/DD/YYYY' ? [first, second] : [second, first];
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(date) ? date : null;
}

const formatted = /^(-)?(\()?\s*(-)?\s*[$€£]?\s*(-)?((?:\d{1,3}(?:,\d{3})+)|\d+)(\.\d+)?\s*(\))?$/;

/**
 * A plain decimal from an export's amount: `$1,234.50`, `-12.00`, `(12.00)` (accounting's negative),
 * `€15`. Thousands separators must be well placed; the decimal separator is a point. Null when it is not
 * one of these.
 */
export function parseAmountText(text: string): string | null {
  const match = formatted.exec(text.trim());
  if (!match) return null;
  const [, minusOuter, open, minusInner, minusAfterSymbol, whole = '', fraction = '', close] = match;
  if (Boolean(open) !== Boolean(close)) return null;
  const minuses = [minusOuter, minusInner, minusAfterSymbol].filter(Boolean).length;
  if (minuses > 1 || (open && minuses > 0)) return null;
  const negative = Boolean(open) || minuses === 1;
  return `${negative ? '-' : ''}${whole.replace(/,/g, '')}${fraction}`;
}
