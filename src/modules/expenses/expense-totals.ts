import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

const grouped = sql`l.app_id, date_trunc('month', l.date)::date, l.status, l.amount_converted is not null,
                    count(*)::int, coalesce(sum(l.amount_converted), 0), min(l.date), max(l.date)`;

/**
 * Rewrites `expense_line_totals` from the lines, in the caller's transaction: whole after an import or a
 * change of rates, currency, accounts or count mode (one grouped scan of the lines, a small part of an
 * import: bench/RESULTS.md, "expenses"); with `changedLines`, only the groups of the apps and months
 * recorded in `expense_line_changes` (line-changes.ts), which a re-application of rules fills.
 */
export async function refreshExpenseTotals(
  trx: Kysely<DB>,
  scope: { changedLines?: boolean } = {},
): Promise<void> {
  if (scope.changedLines) return refreshChangedTotals(trx);
  await sql`delete from expense_line_totals`.execute(trx);
  await sql`
    insert into expense_line_totals (app_id, month, status, converted, lines, amount, first_date, last_date)
    select ${grouped} from expense_lines l
    group by 1, 2, 3, 4`.execute(trx);
}

/**
 * Each touched app's month is read through the (app, date) index, and lines without an app through the
 * date index, so the rewrite reads the lines of those months and apps alone.
 */
async function refreshChangedTotals(trx: Kysely<DB>): Promise<void> {
  await sql`create temporary table if not exists expense_changed_totals (app_id bigint, month date not null,
              next_month date not null) on commit drop`.execute(trx);
  await sql`truncate expense_changed_totals`.execute(trx);
  await sql`insert into expense_changed_totals (app_id, month, next_month)
            select distinct app_id, month, (month + interval '1 month')::date from expense_line_changes`.execute(
    trx,
  );
  await sql`analyze expense_changed_totals`.execute(trx);
  // app ids are positive identities, so -1 stands for "no app" in a join the planner can hash.
  await sql`delete from expense_line_totals t using expense_changed_totals k
            where coalesce(t.app_id, -1) = coalesce(k.app_id, -1) and t.month = k.month`.execute(trx);
  await sql`
    insert into expense_line_totals (app_id, month, status, converted, lines, amount, first_date, last_date)
    select ${grouped}
    from expense_changed_totals k
    join expense_lines l on l.app_id = k.app_id and l.date >= k.month and l.date < k.next_month
    group by 1, 2, 3, 4
    union all
    select ${grouped}
    from expense_changed_totals k
    join expense_lines l on l.app_id is null and l.date >= k.month and l.date < k.next_month
    where k.app_id is null
    group by 1, 2, 3, 4`.execute(trx);
}
