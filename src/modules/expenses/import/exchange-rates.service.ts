import { sql } from 'kysely';
import { decodeUtf8, readCsvRows } from '../../../connectors/kit/csv-reader.js';
import { isCalendarDate, isCurrencyCode } from '../../../connectors/kit/expense-values.js';
import { type ErrorDetail, invalidInput, RosterError } from '../../../lib/errors.js';
import type { Roster } from '../../../roster.js';
import { writeAudit } from '../../audit/audit.repo.js';
import { deriveExpenseLines } from '../derive.js';

export interface RateRow {
  date: string;
  currency: string;
  rate: string;
}

const columns = ['date', 'currency', 'rate'] as const;

/**
 * Reads a rates file: `date,currency,rate`, the rate in units of the organisation's currency per unit of
 * `currency` from that date. The whole file is validated; any bad row rejects it with the row and field named.
 */
export async function parseRatesCsv(content: Uint8Array | string): Promise<RateRow[]> {
  let text: string;
  try {
    text = decodeUtf8(content);
  } catch (error) {
    throw invalidInput((error as Error).message, [{ field: 'file', message: 'is not UTF-8 CSV text' }]);
  }
  const rates: RateRow[] = [];
  const problems: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  try {
    for await (const { header, rows } of readCsvRows(text)) {
      const missing = columns.filter((c) => !header.includes(c));
      if (missing.length)
        throw invalidInput(
          'The rates file needs the columns date,currency,rate',
          missing.map((c) => ({ row: 1, field: c, message: 'column is missing' })),
        );
      for (const { row, values } of rows) {
        const date = (values.date ?? '').trim();
        const currency = (values.currency ?? '').trim().toUpperCase();
        const rateText = (values.rate ?? '').trim();
        const rate = /^\d{1,12}(\.\d{1,12})?$/.test(rateText) ? rateText : null;
        if (!isCalendarDate(date))
          problems.push({ row, field: 'date', message: 'must be a date like 2026-01-31' });
        if (!isCurrencyCode(currency))
          problems.push({ row, field: 'currency', message: 'must be an ISO 4217 code like EUR' });
        if (rate === null || !(Number(rate) > 0))
          problems.push({
            row,
            field: 'rate',
            message: 'must be a positive decimal like 1.0842 (up to 12 decimals)',
          });
        const key = `${currency} ${date}`;
        const earlier = seen.get(key);
        if (earlier !== undefined)
          problems.push({ row, field: 'date', message: `${currency} on ${date} is also on row ${earlier}` });
        seen.set(key, row);
        if (rate !== null) rates.push({ date, currency, rate });
      }
    }
  } catch (error) {
    if (error instanceof RosterError) throw error;
    const details = (error as { details?: ErrorDetail[] }).details ?? [];
    throw invalidInput((error as Error).message, details);
  }
  if (problems.length)
    throw invalidInput(
      `${problems.length} problem(s) in the rates file; nothing was imported`,
      problems.slice(0, 200),
    );
  if (rates.length === 0)
    throw invalidInput('The rates file has no rates', [{ field: 'file', message: 'no rows' }]);
  return rates;
}

/**
 * Imports exchange rates: each (currency, date) is added or replaced, and every line is converted again,
 * in one transaction.
 */
export async function importExchangeRates(
  roster: Roster,
  actor: string,
  content: Uint8Array | string,
): Promise<{ rates: number; added: number; updated: number }> {
  if (content.length > roster.config.maxUploadBytes)
    throw new RosterError(
      'payload_too_large',
      `The file is ${content.length} bytes; the limit is ${roster.config.maxUploadBytes} (ROSTER_MAX_UPLOAD_BYTES)`,
    );
  const rates = await parseRatesCsv(content);
  return roster.database.db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ added: number; updated: number }>`
      with input as (
        select * from unnest(${rates.map((r) => r.currency)}::text[], ${rates.map((r) => r.date)}::date[],
                             ${rates.map((r) => r.rate)}::numeric[]) as t(currency, date, rate)
      ), up as (
        insert into exchange_rates as x (currency, date, rate)
        select currency, date, rate from input
        on conflict (currency, date) do update set rate = excluded.rate, imported_at = now()
          where x.rate is distinct from excluded.rate
        returning (xmax = 0) as inserted
      ) select count(*) filter (where inserted)::int as added, count(*) filter (where not inserted)::int as updated
        from up`.execute(trx);
    const counts = rows[0] ?? { added: 0, updated: 0 };
    await writeAudit(trx, {
      actor,
      action: 'expense_rates.import',
      targetType: 'exchange_rates',
      after: { rates: rates.length, ...counts },
    });
    if (counts.added + counts.updated > 0) await deriveExpenseLines(trx, {});
    return { rates: rates.length, ...counts };
  });
}
