import type { Roster } from '../../roster.js';
import { ensureLicenseStates } from '../licenses/license-store.js';
import {
  type AnnualisedFrom,
  annualise,
  annualisedWording,
  type CoveredPeriod,
  coveredDays,
  roundMoney,
  trailingStart,
} from './annualise.js';
import {
  type AppSpendRow,
  appMonths,
  appSpendRows,
  countItemsBySource,
  coveredPeriod,
  licenseCostByApp,
  organisationCurrency,
  statusTotals,
  unmatchedSince,
} from './summary.repo.js';
import type { AppSpend, AppSpendDetail, ExpenseSummary } from './summary.schemas.js';

const statusKeys = {
  matched: 'matched',
  unmatched: 'unmatched',
  ignored: 'ignored',
  excluded: 'excluded',
  duplicate: 'duplicates',
  itemised: 'itemised',
} as const;

const rate = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

function withAnnual(
  row: AppSpendRow,
  period: CoveredPeriod | null,
  licenseCost: number | undefined,
): AppSpend & { annualisedFrom: AnnualisedFrom | null } {
  const annual = period ? annualise(row, period) : null;
  return {
    appId: row.appId,
    app: row.app,
    total: roundMoney(row.total),
    lines: row.lines,
    annualised: annual?.annualised ?? null,
    annualisedFrom: annual?.annualisedFrom ?? null,
    licenseCost: licenseCost === undefined ? null : roundMoney(licenseCost),
  };
}

/**
 * What the organisation spends, from the kept totals: `total` is matched + unmatched converted lines;
 * ignored, excluded, duplicate and itemised lines are reported beside it, never in it.
 */
export async function loadExpenseSummary(roster: Roster, now = new Date()): Promise<ExpenseSummary> {
  const { db } = roster.database;
  await ensureLicenseStates(roster.database, now);
  const [currency, totals, period, countItems, licenseCosts] = await Promise.all([
    organisationCurrency(db),
    statusTotals(db),
    coveredPeriod(db),
    countItemsBySource(db),
    licenseCostByApp(db),
  ]);
  const amounts = { matched: 0, unmatched: 0, ignored: 0, excluded: 0, duplicates: 0, itemised: 0 };
  const lines = { ...amounts };
  let unconverted = 0;
  for (const row of totals) {
    const key = statusKeys[row.status];
    amounts[key] += row.amount;
    lines[key] += row.lines;
    if (!row.converted && (row.status === 'matched' || row.status === 'unmatched')) unconverted += row.lines;
  }
  const total = amounts.matched + amounts.unmatched;
  const apps = await appSpendRows(db, period ? trailingStart(period) : null);
  const trailingTotal = apps.reduce((sum, app) => sum + app.trailing12Months, 0);
  // Unmatched spend counts in the organisation's annual figure too: it is spend, only not yet on an app.
  const unmatchedTrailing = period ? await unmatchedSince(db, trailingStart(period)) : 0;
  const annual = period
    ? annualise({ total, trailing12Months: trailingTotal + unmatchedTrailing }, period)
    : null;
  return {
    currency,
    total: roundMoney(total),
    matched: roundMoney(amounts.matched),
    unmatched: roundMoney(amounts.unmatched),
    ignored: roundMoney(amounts.ignored),
    excluded: roundMoney(amounts.excluded),
    duplicates: roundMoney(amounts.duplicates),
    itemised: roundMoney(amounts.itemised),
    unconverted,
    lines,
    countItems,
    coveredPeriod: period ? { ...period, days: coveredDays(period) } : null,
    annualised: annual?.annualised ?? null,
    annualisedFrom: annual?.annualisedFrom ?? null,
    annualisedWording: annual && period ? annualisedWording(annual.annualisedFrom, period) : null,
    matchRate: {
      byCount: rate(lines.matched, lines.matched + lines.unmatched),
      byAmount: rate(amounts.matched, total),
    },
    apps: apps.map((row) => withAnnual(row, period, licenseCosts.get(row.appId))),
  };
}

/** One app's spend: the summary's row for it, month by month, with the wording of its annualisation. */
export async function loadAppSpend(roster: Roster, appId: number, now = new Date()): Promise<AppSpendDetail> {
  const { db } = roster.database;
  await ensureLicenseStates(roster.database, now);
  const period = await coveredPeriod(db);
  const [currency, rows, months, licenseCosts, app] = await Promise.all([
    organisationCurrency(db),
    appSpendRows(db, period ? trailingStart(period) : null, appId),
    appMonths(db, appId),
    licenseCostByApp(db, appId),
    db.selectFrom('apps').select('name').where('id', '=', appId).executeTakeFirstOrThrow(),
  ]);
  const row = rows[0] ?? { appId, app: app.name, total: 0, lines: 0, trailing12Months: 0 };
  const spend = withAnnual(row, period, licenseCosts.get(appId));
  return {
    ...spend,
    currency,
    annualisedWording:
      spend.annualisedFrom && period ? annualisedWording(spend.annualisedFrom, period) : null,
    months: months.map((m) => ({ ...m, amount: roundMoney(m.amount) })),
  };
}

/**
 * The organisation's annual spend (matched and unmatched lines, annualised as the summary does), for the
 * Overview beside the annual license cost; null while no line counts.
 */
export async function loadAnnualSpend(
  roster: Roster,
): Promise<{ annualised: number; annualisedFrom: AnnualisedFrom } | null> {
  const { db } = roster.database;
  const period = await coveredPeriod(db);
  if (!period) return null;
  const totals = await statusTotals(db);
  const total = totals
    .filter((t) => t.status === 'matched' || t.status === 'unmatched')
    .reduce((sum, t) => sum + t.amount, 0);
  const from = trailingStart(period);
  const [apps, unmatched] = await Promise.all([appSpendRows(db, from), unmatchedSince(db, from)]);
  const trailing = apps.reduce((sum, app) => sum + app.trailing12Months, 0) + unmatched;
  return annualise({ total, trailing12Months: trailing }, period);
}
