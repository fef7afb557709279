import { type AnnualisedFrom, annualise, type CoveredPeriod, roundMoney } from './annualise.js';

export interface PersonSpend {
  currency: string;
  total: number;
  lines: number;
  annualised: number | null;
  annualisedFrom: AnnualisedFrom | null;
  apps: { app: string | null; total: number; lines: number }[];
}

/** One app's part of a person's spend: its lines' total, their count, and the trailing 12 months' total. */
export interface PersonSpendRow {
  app: string | null;
  total: number;
  lines: number;
  trailing: number;
}

/**
 * A person's spend from their lines grouped by app (biggest first): lines whose employee email is one of the
 * person's emails (every email Merge Users linked to them), counted as the totals count them (matched and
 * unmatched converted lines), annualised over the organisation's covered period as apps are, so a person's one
 * purchase is not scaled up from a day. Null when no line names them. One person's read (users.repo.ts) reads
 * the rows.
 */
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
