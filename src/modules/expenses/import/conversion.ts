import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { numericText } from './line-ids.js';

const scale12 = 1_000_000_000_000n;

/** A decimal's digits as an integer at `places` decimals (`1.5`, 4 → 15000n). */
function scaled(decimal: string, places: number): bigint {
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? decimal.slice(1) : decimal).split('.');
  const value = BigInt(whole + fraction.padEnd(places, '0').slice(0, places));
  return negative ? -value : value;
}

/**
 * `round(amount * rate, 4)` as PostgreSQL's numeric computes it (exact product, halves away from zero), on
 * the canonical amount and the rate's text, so a line converted here equals one converted by the
 * derivation (line-flags.ts) to the last digit.
 */
export function convert(amount: string, rate: string): string {
  const product = scaled(amount, 4) * scaled(rate, 12);
  const negative = product < 0n;
  const magnitude = negative ? -product : product;
  let units = magnitude / scale12;
  if ((magnitude % scale12) * 2n >= scale12) units += 1n;
  if (units === 0n) return '0.0000';
  const digits = units.toString().padStart(5, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -4)}.${digits.slice(-4)}`;
}

/** Rates of one currency, oldest first. */
interface Rates {
  dates: string[];
  rates: string[];
}

/**
 * The conversion of new lines into the organisation's currency, as `convertedAmount` (line-flags.ts) gives
 * it: the amount itself in that currency, else times the latest rate on or before the line's date, else null.
 */
export async function loadConversion(
  trx: Kysely<DB>,
  currencies: readonly string[],
): Promise<(amount: string, currency: string, date: string) => string | null> {
  const { rows: org } = await sql<{ currency: string }>`
    select currency from organisation_settings limit 1`.execute(trx);
  const orgCurrency = org[0]?.currency;
  const foreign = currencies.filter((c) => c !== orgCurrency);
  const byCurrency = new Map<string, Rates>();
  if (foreign.length > 0) {
    const { rows } = await sql<{ currency: string; date: string; rate: string }>`
      select currency, date::text as date, rate::text as rate from exchange_rates
      where currency = any (${foreign}::text[]) order by currency, date`.execute(trx);
    for (const row of rows) {
      const rates = byCurrency.get(row.currency) ?? { dates: [], rates: [] };
      rates.dates.push(row.date);
      rates.rates.push(row.rate);
      byCurrency.set(row.currency, rates);
    }
  }
  return (amount, currency, date) => {
    if (currency === orgCurrency) return numericText(amount);
    const rates = byCurrency.get(currency);
    if (!rates) return null;
    // The last rate dated on or before the line (ISO dates compare as text).
    let low = 0;
    let high = rates.dates.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((rates.dates[mid] as string) <= date) low = mid + 1;
      else high = mid;
    }
    return low === 0 ? null : convert(amount, rates.rates[low - 1] as string);
  };
}
