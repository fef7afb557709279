import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * The lines a re-application of rules changed, kept for the rest of the transaction in a temporary table
 * (`expense_line_changes`): each changed line's date, amount and currency (the duplicate groups it can move)
 * and the app and month it left and the ones it joined (the totals it can move). Duplicates and totals are
 * then re-derived for those alone, so a rule change over a million lines costs what it changes, not a pass
 * over every line (bench/RESULTS.md, "expenses").
 */
export async function startLineChanges(trx: Kysely<DB>): Promise<void> {
  await sql`create temporary table if not exists expense_line_changes (
              app_id bigint, month date not null, date date not null, amount numeric(18, 4) not null,
              currency text not null
            ) on commit drop`.execute(trx);
  await sql`truncate expense_line_changes`.execute(trx);
}

/** Whether any line was recorded; the temporary table's statistics are refreshed for the scoped plans. */
export async function anyLineChanged(trx: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select exists (select 1 from expense_line_changes) as found`.execute(trx);
  if (!rows[0]?.found) return false;
  await sql`analyze expense_line_changes`.execute(trx);
  return true;
}
