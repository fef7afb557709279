import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ExpenseScope, LineKeys } from './derive.js';

/**
 * Sets `duplicate_of` of the lines in scope: the same purchase seen by another source counts once.
 *
 * Lines that would count as matched (not excluded, itemised or ignored, with an app) and share date,
 * amount, currency and app are one purchase when they come from different sources. They pair one to one:
 * each source's lines of a group are numbered by id, and the lines with the same number form one purchase,
 * counted on the line of the lowest source id; the others point at it. So three card lines and two report
 * lines of one day, amount and app are two duplicates and one counted card line, and lines of one source
 * never point at each other. A scope of sources also re-derives the other sources' lines that share a
 * date, amount and currency with theirs, now or before an import corrected them. A scope of changed lines
 * (a re-application of rules) re-derives the lines sharing a date, amount and currency with a line recorded
 * in `expense_line_changes`: a line that changed app or flag can move only the groups of its own date,
 * amount and currency, under the app it left and the one it joined. The lines it writes are recorded there
 * too, for the totals.
 */
export async function markDuplicates(trx: Kysely<DB>, scope: ExpenseScope): Promise<void> {
  const inScope = scope.changedLines
    ? sql`exists (select 1 from expense_line_changes s
                  where s.date = l.date and s.amount = l.amount and s.currency = l.currency)`
    : scope.sourceIds
      ? sql`(l.date, l.amount, l.currency) in (
              select s.date, s.amount, s.currency from expense_lines s
              where s.source_id = any (${[...scope.sourceIds]}::bigint[])${formerKeysOf(scope.formerKeys)})`
      : sql`true`;
  const write = sql`update expense_lines l set duplicate_of = c.duplicate_of
                    from changes c where l.id = c.id`;
  // Only groups seen by two sources or more are paired; a million lines are read once, grouped by hash,
  // and only the lines of such groups are numbered.
  await sql`with counted_lines as (
              select l.id, l.source_id, l.date, l.amount, l.currency, l.app_id
              from expense_lines l
              where ${inScope} and not l.excluded and l.counted_item
                and (not l.ignored or l.manual_app_id is not null) and l.app_id is not null
            ),
            shared as (
              select date, amount, currency, app_id from counted_lines
              group by date, amount, currency, app_id having min(source_id) <> max(source_id)
            ),
            numbered as (
              select c.id, c.source_id, c.date, c.amount, c.currency, c.app_id,
                     row_number() over (partition by c.date, c.amount, c.currency, c.app_id, c.source_id order by c.id) as nth
              from counted_lines c join shared g using (date, amount, currency, app_id)
            ),
            wanted as (
              select id, nullif(first_value(id) over (
                       partition by date, amount, currency, app_id, nth order by source_id, id), id) as duplicate_of
              from numbered
            ),
            changes as (
              select w.id, w.duplicate_of from wanted w join expense_lines l on l.id = w.id
              where l.duplicate_of is distinct from w.duplicate_of
              union all
              select l.id, null from expense_lines l
              where l.duplicate_of is not null and ${inScope} and not exists (select 1 from wanted w where w.id = l.id)
            )${
              scope.changedLines
                ? sql`, written as (${write} returning l.app_id, l.date, l.amount, l.currency)
                      insert into expense_line_changes (app_id, month, date, amount, currency)
                      select app_id, date_trunc('month', date)::date, date, amount, currency from written`
                : sql` ${write}`
            }`.execute(trx);
}

function formerKeysOf(keys: LineKeys | undefined) {
  if (!keys || keys.dates.length === 0) return sql``;
  return sql` union all select * from unnest(${keys.dates}::date[], ${keys.amounts}::numeric[], ${keys.currencies}::text[])`;
}
