import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ExpenseScope } from './derive.js';

/**
 * A line's amount in the organisation's currency (`orgCurrency`): the amount itself, else times the latest
 * rate of its currency on or before its date, else null. Shared with the import, which writes new lines
 * already converted so that this derivation has nothing to rewrite for them.
 */
export const convertedAmount = (line: string, orgCurrency: RawBuilder<unknown>) => {
  const col = (name: string) => sql.ref(`${line}.${name}`);
  return sql`case when ${col('currency')} = ${orgCurrency} then ${col('amount')}
                  else round(${col('amount')} * (
                    select x.rate from exchange_rates x
                    where x.currency = ${col('currency')} and x.date <= ${col('date')}
                    order by x.date desc limit 1), 4)
             end`;
};

/**
 * Sets `amount_converted`, `excluded` and `counted_item` of the lines in scope, in one statement that
 * writes only the lines whose values change:
 * - `amount_converted`: the amount in the organisation's currency. Same currency: the amount; else the amount
 *   times the latest rate of the line's currency on or before its date; no such rate: null (unconverted,
 *   counted in no total).
 * - `excluded`: the line's account is excluded (expense_accounts.excluded_at).
 * - `counted_item`: per the source's `countItems` (default `lines`): in `lines` mode a main item counts only
 *   when its report (same source, report_id) has no line items; in `main` mode a line item counts only when
 *   its report has no main item. Lines without a report always count.
 */
export async function deriveLineFlags(trx: Kysely<DB>, scope: ExpenseScope): Promise<void> {
  const sourceIds = scope.sourceIds ? [...scope.sourceIds] : null;
  if (sourceIds && sourceIds.length === 0) return;
  const inScope = (alias: string) =>
    sourceIds ? sql`${sql.ref(`${alias}.source_id`)} = any (${sourceIds}::bigint[])` : sql`true`;
  await sql`
    with org as (select currency from organisation_settings limit 1),
    reports as (
      select source_id, report_id,
             bool_or(item_type = 'main') as has_main, bool_or(item_type = 'line') as has_line
      from expense_lines r where r.report_id is not null and ${inScope('r')}
      group by source_id, report_id
    ),
    derived as (
      select l.id,
             ${convertedAmount('l', sql`org.currency`)} as amount_converted,
             coalesce(a.excluded_at is not null, false) as excluded,
             case when l.report_id is null then true
                  when coalesce(s.config->>'countItems', 'lines') = 'main' and l.item_type = 'line'
                    then not rep.has_main
                  when coalesce(s.config->>'countItems', 'lines') <> 'main' and l.item_type = 'main'
                    then not rep.has_line
                  else true
             end as counted_item
      from expense_lines l
      cross join org
      left join sources s on s.id = l.source_id
      left join expense_accounts a on a.source_id = l.source_id and a.account = l.account
      left join reports rep on rep.source_id = l.source_id and rep.report_id = l.report_id
      where ${inScope('l')}
    )
    update expense_lines l
    set amount_converted = d.amount_converted, excluded = d.excluded, counted_item = d.counted_item
    from derived d
    where l.id = d.id
      and (l.amount_converted, l.excluded, l.counted_item)
          is distinct from (d.amount_converted, d.excluded, d.counted_item)`.execute(trx);
}
