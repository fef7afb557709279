/**
 * Annual spend from the lines Roster has: the trailing 12 months when the lines cover at least a year,
 * else the covered period's spend scaled to a year. One home for the rule; summary and app spend call it.
 */
export type AnnualisedFrom = 'trailing-12-months' | 'extrapolated';

/** First and last date (YYYY-MM-DD) of the counted lines: the period every figure covers. */
export interface CoveredPeriod {
  from: string;
  to: string;
}

const dayMs = 86_400_000;

export function coveredDays(period: CoveredPeriod): number {
  return (
    Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / dayMs) + 1
  );
}

/** A period from 1 January to 31 December covers 12 months; one from 2 January to 31 December does not. */
export function coversAYear(period: CoveredPeriod): boolean {
  const from = new Date(`${period.from}T00:00:00Z`);
  const yearOn = Date.UTC(from.getUTCFullYear() + 1, from.getUTCMonth(), from.getUTCDate()) - dayMs;
  return Date.parse(`${period.to}T00:00:00Z`) >= yearOn;
}

/**
 * The first month (YYYY-MM-01) of the trailing 12 months: the 12 calendar months ending with the month of
 * the last line. Calendar months, because totals are kept per month.
 */
export function trailingStart(period: CoveredPeriod): string {
  const to = new Date(`${period.to}T00:00:00Z`);
  const start = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - 11, 1));
  return start.toISOString().slice(0, 10);
}

export const roundMoney = (amount: number) => Math.round(amount * 100) / 100;

export function annualise(
  spend: { total: number; trailing12Months: number },
  period: CoveredPeriod,
): { annualised: number; annualisedFrom: AnnualisedFrom } {
  if (coversAYear(period))
    return { annualised: roundMoney(spend.trailing12Months), annualisedFrom: 'trailing-12-months' };
  return {
    annualised: roundMoney((spend.total * 365) / coveredDays(period)),
    annualisedFrom: 'extrapolated',
  };
}

/** The sentence every surface shows beside an annualised figure. */
export function annualisedWording(from: AnnualisedFrom, period: CoveredPeriod): string {
  return from === 'trailing-12-months'
    ? `Annualised from the 12 calendar months ending ${period.to.slice(0, 7)}.`
    : `Annualised by extrapolation: the lines cover only ${coveredDays(period)} days (${period.from} to ${period.to}), scaled to 365.`;
}
