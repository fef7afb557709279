import { type Kysely, sql } from 'kysely';
import type { DB, ExpenseLineStatus } from '../../db/schema.js';
import type { CoveredPeriod } from './annualise.js';

/** Every figure here reads `expense_line_totals` (migrations/0019), kept by each derivation. */

export interface StatusTotal {
  status: ExpenseLineStatus;
  converted: boolean;
  lines: number;
  amount: number;
}

export async function statusTotals(db: Kysely<DB>): Promise<StatusTotal[]> {
  const { rows } = await sql<StatusTotal>`
    select status, converted, sum(lines)::int as lines, sum(amount) as amount
    from expense_line_totals group by status, converted`.execute(db);
  return rows;
}

/** First and last date of the counted (matched or unmatched, converted) lines; null without any. */
export async function coveredPeriod(db: Kysely<DB>): Promise<CoveredPeriod | null> {
  const { rows } = await sql<{ from: string | null; to: string | null }>`
    select min(first_date) as "from", max(last_date) as "to" from expense_line_totals
    where status in ('matched', 'unmatched') and converted`.execute(db);
  const row = rows[0];
  return row?.from && row.to ? { from: row.from, to: row.to } : null;
}

export interface AppSpendRow {
  appId: number;
  app: string;
  total: number;
  lines: number;
  trailing12Months: number;
}

/** Matched spend per app (one app when `appId` is given), biggest first. */
export async function appSpendRows(
  db: Kysely<DB>,
  trailingFrom: string | null,
  appId?: number,
): Promise<AppSpendRow[]> {
  const { rows } = await sql<AppSpendRow>`
    select t.app_id as "appId", a.name as app,
           coalesce(sum(t.amount), 0) as total,
           sum(t.lines)::int as lines,
           coalesce(sum(t.amount) filter (where t.month >= ${trailingFrom ?? '9999-12-31'}::date), 0) as "trailing12Months"
    from expense_line_totals t join apps a on a.id = t.app_id
    where t.status = 'matched' ${appId === undefined ? sql`` : sql`and t.app_id = ${appId}`}
    group by t.app_id, a.name
    order by total desc, a.name`.execute(db);
  return rows;
}

/** Converted unmatched spend from a month on: part of the organisation's annual figure, on no app. */
export async function unmatchedSince(db: Kysely<DB>, fromMonth: string): Promise<number> {
  const { rows } = await sql<{ amount: number }>`
    select coalesce(sum(amount), 0) as amount from expense_line_totals
    where status = 'unmatched' and month >= ${fromMonth}::date`.execute(db);
  return rows[0]?.amount ?? 0;
}

export async function appMonths(db: Kysely<DB>, appId: number) {
  const { rows } = await sql<{ month: string; amount: number; lines: number }>`
    select to_char(month, 'YYYY-MM') as month, sum(amount) as amount, sum(lines)::int as lines
    from expense_line_totals where app_id = ${appId} and status = 'matched'
    group by month order by month`.execute(db);
  return rows;
}

/** Yearly cost of each app's assigned licenses with a known price, from the stored license states. */
export async function licenseCostByApp(db: Kysely<DB>, appId?: number): Promise<Map<number, number>> {
  const { rows } = await sql<{ appId: number; cost: number }>`
    select c.app_id as "appId", (sum(c.n * lt.price_per_user_cents) * 12 / 100.0)::float8 as cost
    from license_state_counts c join license_types lt on lt.id = c.license_type_id
    where lt.price_per_user_cents is not null ${appId === undefined ? sql`` : sql`and c.app_id = ${appId}`}
    group by c.app_id`.execute(db);
  return new Map(rows.map((row) => [row.appId, row.cost]));
}

export type CountItems = 'lines' | 'main';

/** Which item kind each expense source counts (its config's `countItems`, lines unless set). */
export async function countItemsBySource(db: Kysely<DB>) {
  const { rows } = await sql<{ sourceId: number; source: string; countItems: string | null }>`
    select s.id as "sourceId", s.name as source, s.config->>'countItems' as "countItems"
    from sources s
    where exists (select 1 from expense_lines l where l.source_id = s.id)
       or exists (select 1 from expense_imports i where i.source_id = s.id)
    order by s.id`.execute(db);
  return rows.map((row) => ({
    sourceId: row.sourceId,
    source: row.source,
    countItems: (row.countItems === 'main' ? 'main' : 'lines') as CountItems,
  }));
}

export async function organisationCurrency(db: Kysely<DB>): Promise<string> {
  const row = await db.selectFrom('organisation_settings').select('currency').executeTakeFirst();
  return row?.currency ?? 'USD';
}
