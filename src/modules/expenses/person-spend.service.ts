import { sql } from 'kysely';
import type { Roster } from '../../roster.js';
import {
  type AnnualisedFrom,
  annualise,
  type CoveredPeriod,
  roundMoney,
  trailingStart,
} from './annualise.js';
import { coveredPeriod, organisationCurrency } from './summary.repo.js';

export interface PersonSpend {
  currency: string;
  total: number;
  lines: number;
  annualised: number | null;
  annualisedFrom: AnnualisedFrom | null;
  apps: { app: string | null; total: number; lines: number }[];
}

/**
 * Spend on lines whose employee email is one of the person's emails (every email Merge Users linked to
 * them), counted as the totals count it: matched and unmatched converted lines. Annualised over the
 * organisation's covered period, as apps are, so a person's one purchase is not scaled up from a day.
 * Null when no line names them.
 */
export async function personSpend(roster: Roster, emails: readonly string[]): Promise<PersonSpend | null> {
  const { db } = roster.database;
  const period = await coveredPeriod(db);
  const from = period ? trailingStart(period) : '9999-12-31';
  const lowered = emails.map((email) => email.toLowerCase());
  const { rows } = await sql<PersonSpendRow>`
    select a.name as app, coalesce(sum(l.amount_converted), 0) as total, count(*)::int as lines,
           coalesce(sum(l.amount_converted) filter (where l.date >= ${from}::date), 0) as trailing
    from expense_lines l left join apps a on a.id = l.app_id
    where lower(l.employee_email) = any (${lowered}::text[]) and l.status in ('matched', 'unmatched')
    group by a.name order by total desc`.execute(db);
  if (rows.length === 0) return null;
  return personSpendOf(rows, period, await organisationCurrency(db));
}

/** One app's part of a person's spend: its lines' total, their count, and the trailing 12 months' total. */
export interface PersonSpendRow {
  app: string | null;
  total: number;
  lines: number;
  trailing: number;
}

/** A person's spend from their lines grouped by app (biggest first), as `personSpend` reads them. */
export function personSpendOf(
  rows: readonly PersonSpendRow[],
  period: CoveredPeriod | null,
  currency: string,
): PersonSpend | null {
  if (rows.length === 0) return null;
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  const trailing = rows.reduce((sum, row) => sum + row.trailing, 0);
  const annual = period ? annualise({ total, trailing12Months: trailing }, period) : null;
  return {
    currency,
    total: roundMoney(total),
    lines: rows.reduce((sum, row) => sum + row.lines, 0),
    annualised: annual?.annualised ?? null,
    annualisedFrom: annual?.annualisedFrom ?? null,
    apps: rows.map((row) => ({ app: row.app, total: roundMoney(row.total), lines: row.lines })),
  };
}
