import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * Rewrites `expense_line_totals` from the lines, in the caller's transaction. Whole, not scoped: matching
 * and duplicates reach beyond a derivation's scope, and one grouped scan of the lines is a small part of
 * an import (bench/RESULTS.md, "expenses").
 */
export async function refreshExpenseTotals(trx: Kysely<DB>): Promise<void> {
  await sql`delete from expense_line_totals`.execute(trx);
  await sql`
    insert into expense_line_totals (app_id, month, status, converted, lines, amount, first_date, last_date)
    select app_id, date_trunc('month', date)::date, status, amount_converted is not null,
           count(*)::int, coalesce(sum(amount_converted), 0), min(date), max(date)
    from expense_lines
    group by 1, 2, 3, 4`.execute(trx);
}
