import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ExpenseScope } from './derive.js';

/**
 * Sets `duplicate_of` of the lines in scope: the same purchase seen by another source counts once.
 *
 * Lines that would count as matched (not excluded, itemised or ignored, with an app) and share date,
 * amount, currency and app are one purchase when they come from different sources. They pair one to one:
 * each source's lines of a group are numbered by id, and the lines with the same number form one purchase,
 * counted on the line of the lowest source id; the others point at it. So three card lines and two report
 * lines of one day, amount and app are two duplicates and one counted card line, and lines of one source
 * never point at each other. A scope of sources also re-derives the other sources' lines that share a
 * date, amount and currency with theirs.
 */
export async function markDuplicates(trx: Kysely<DB>, scope: ExpenseScope): Promise<void> {
  const affected = scope.sourceIds
    ? sql`select l.id, l.source_id, l.date, l.amount, l.currency, l.app_id, l.excluded, l.counted_item,
                 l.ignored, l.manual_app_id, l.duplicate_of
          from expense_lines l
          where exists (select 1 from expense_lines s
                        where s.source_id = any (${[...scope.sourceIds]}::bigint[])
                          and s.date = l.date and s.amount = l.amount and s.currency = l.currency)`
    : sql`select id, source_id, date, amount, currency, app_id, excluded, counted_item, ignored, manual_app_id,
                 duplicate_of
          from expense_lines`;
  await sql`with affected as (${affected}),
            counted as (
              select id, source_id, date, amount, currency, app_id,
                     row_number() over (partition by date, amount, currency, app_id, source_id order by id) as nth
              from affected
              where not excluded and counted_item and (not ignored or manual_app_id is not null) and app_id is not null
            ),
            purchase as (
              select c.id, first_value(c.id) over (
                       partition by c.date, c.amount, c.currency, c.app_id, c.nth order by c.source_id, c.id) as kept
              from counted c
            ),
            wanted as (
              select a.id, a.duplicate_of, nullif(p.kept, a.id) as duplicate_of_now
              from affected a left join purchase p on p.id = a.id
            )
            update expense_lines l set duplicate_of = w.duplicate_of_now
            from wanted w
            where l.id = w.id and w.duplicate_of is distinct from w.duplicate_of_now`.execute(trx);
}
