import type { Roster } from '../../roster.js';
import { findAppId } from '../apps/apps.service.js';
import { suggestedRuleCommand, suggestedRuleFor } from '../expenses/suggested-rule.js';
import { loadAppSpend, loadExpenseSummary } from '../expenses/summary.service.js';
import {
  accountTotals,
  appMatches,
  biggestUnmatched,
  duplicatePairs,
  linesNaming,
  namesOfApp,
  reportsWithBothKinds,
  sourcePeriods,
  unconvertedByCurrency,
} from './expense-facts.js';
import { expenseSources } from './explain-sources.js';
import type { Explanation } from './explanation.js';

const moneyIn = (currency: string) => {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  return (amount: number) => format.format(amount);
};

const percent = (rate: number | null) => (rate === null ? 'unknown' : `${Math.round(rate * 1000) / 10}%`);

/** A source whose last line is this many days older than the newest line of any source has stopped covering. */
const behindDays = 45;
const dayMs = 86_400_000;

/**
 * The total expenses: which accounts and item kinds it counts, what it removed as duplicates, which lines no
 * rate converts, and the period each source covers. Answers "why is the total too high / too low".
 */
export async function explainExpensesTotal(roster: Roster): Promise<Explanation> {
  const [summary, sources, periods, accounts, bothKinds, duplicates, unconverted, unmatched] =
    await Promise.all([
      loadExpenseSummary(roster),
      expenseSources(roster),
      sourcePeriods(roster),
      accountTotals(roster),
      reportsWithBothKinds(roster),
      duplicatePairs(roster),
      unconvertedByCurrency(roster),
      biggestUnmatched(roster),
    ]);
  const money = moneyIn(summary.currency);
  const causes: Explanation['causes'] = [];
  const toImprove: string[] = [];

  for (const source of periods) {
    const own = accounts.filter((a) => a.source === source.source);
    const included = own.filter((a) => !a.excluded);
    if (included.length > 0)
      causes.push({
        code: 'accounts_included',
        text: `${source.source} counts ${included.length} account${included.length === 1 ? '' : 's'}: ${included
          .map((a) => `${a.account || '(no account)'} (${a.lines} lines, ${money(a.amount)})`)
          .join(', ')}.`,
        count: included.length,
      });
    for (const account of own.filter((a) => a.excluded))
      causes.push({
        code: 'account_excluded',
        text: `${source.source} account ${account.account || '(no account)'} is excluded${account.excludedBy ? ` by ${account.excludedBy}` : ''}: its ${account.lines} lines (${money(account.amount)}) count in no figure.`,
        count: account.lines,
      });
    const reports = bothKinds.find((r) => r.source === source.source);
    causes.push({
      code: 'count_items',
      text:
        source.countItems === 'main'
          ? `${source.source} counts main items: a report's line items count only when it has no main item${reports ? ` (${reports.notCounted} line items of ${reports.reports} reports, ${money(reports.amount)}, not counted)` : ''}.`
          : `${source.source} counts line items: a report's main item counts only when it has no line items${reports ? ` (${reports.notCounted} main items of ${reports.reports} reports, ${money(reports.amount)}, not counted)` : ''}.`,
      ...(reports ? { count: reports.notCounted } : {}),
    });
    causes.push({
      code: 'source_period',
      text: `${source.source} covers ${source.from} to ${source.to} (${source.lines} lines).`,
      count: source.lines,
    });
  }
  const latest = periods.reduce((max, p) => (p.to > max ? p.to : max), '');
  for (const source of periods) {
    const days = Math.round((Date.parse(latest) - Date.parse(source.to)) / dayMs);
    if (days > behindDays) {
      causes.push({
        code: 'source_behind',
        text: `${source.source}'s lines end ${days} days before the newest line (${latest}): spend after ${source.to} is missing from it.`,
        count: days,
      });
      toImprove.push(`Import ${source.source}'s export for the period after ${source.to}.`);
    }
  }
  for (const pair of duplicates)
    causes.push({
      code: 'duplicates_removed',
      text: `${pair.lines} lines of ${pair.source} (${money(pair.amount)}) are the same purchases as lines of ${pair.countedIn} (same date, amount, currency and app) and are counted once, there.`,
      count: pair.lines,
    });
  const matchedAndUnmatched = summary.lines.matched + summary.lines.unmatched;
  causes.push({
    code: 'match_rate',
    text: `${percent(summary.matchRate.byAmount)} of the amount (${percent(summary.matchRate.byCount)} of ${matchedAndUnmatched} lines) is matched to an app; ${money(summary.unmatched)} in ${summary.lines.unmatched} lines is on no app.`,
    count: summary.lines.unmatched,
  });
  if (unmatched.length > 0) {
    causes.push({
      code: 'unmatched_biggest',
      text: `Biggest unmatched descriptors: ${unmatched
        .map(
          (d) =>
            `${[d.vendor, d.description].filter(Boolean).join(' — ')} (${d.lines} lines, ${money(d.amount)})`,
        )
        .join('; ')}.`,
      count: unmatched.length,
    });
    toImprove.push(
      'Add Match rules for the biggest unmatched descriptors (roster expenses list --status unmatched shows the rule that would catch each).',
    );
  }
  for (const currency of unconverted) {
    causes.push({
      code: 'unconverted',
      text: `${currency.lines} lines in ${currency.currency} (${currency.amount} ${currency.currency}) have no exchange rate to ${summary.currency} on or before their date and count in no total.`,
      count: currency.lines,
    });
    toImprove.push(
      `Import ${currency.currency} rates: roster expenses rates <file.csv> (date,currency,rate).`,
    );
  }
  if (accounts.some((a) => !a.excluded && a.lines > 0))
    toImprove.push(
      "Exclude accounts that are not the organisation's spend: roster expenses accounts <source> --exclude <account>.",
    );
  if (periods.length === 0)
    toImprove.push('Import an expense export: roster import expenses <file> --source <name>.');

  return {
    what: 'expenses-total',
    subject: null,
    figure: {
      total: summary.total,
      matched: summary.matched,
      unmatched: summary.unmatched,
      excluded: summary.excluded,
      duplicates: summary.duplicates,
      itemised: summary.itemised,
      ignored: summary.ignored,
      unconverted: summary.unconverted,
    },
    computation: `The sum of matched and unmatched lines converted to ${summary.currency}. Lines of excluded accounts, the item kind a source does not count, duplicates of another source's line, lines an Ignore rule dropped and lines no rate converts are shown beside it, never in it.`,
    sources,
    causes,
    excluded: [
      {
        what: 'lines of excluded accounts',
        count: summary.lines.excluded,
        why: 'an admin excluded their account',
      },
      {
        what: 'items of the kind their source does not count',
        count: summary.lines.itemised,
        why: 'main and line items of one report are never both counted',
      },
      {
        what: 'duplicates',
        count: summary.lines.duplicates,
        why: 'the same purchase seen by another source, counted there',
      },
      {
        what: 'ignored lines',
        count: summary.lines.ignored,
        why: 'an Ignore rule says they are not software',
      },
      {
        what: 'unconverted lines',
        count: summary.unconverted,
        why: `no exchange rate to ${summary.currency}`,
      },
    ],
    toImprove,
  };
}

/**
 * One app's spend: which rules, aliases and hand-set lines put spend on it, and when it shows none, the
 * lines on no app that name it and the rule that would catch them. Answers "an app with $25,000 in
 * expenses shows none".
 */
export async function explainExpensesApp(roster: Roster, appRef: string): Promise<Explanation> {
  const appId = await findAppId(roster, appRef);
  const [spend, matches, names, sources] = await Promise.all([
    loadAppSpend(roster, appId),
    appMatches(roster, appId),
    namesOfApp(roster, appId),
    expenseSources(roster),
  ]);
  const money = moneyIn(spend.currency);
  const naming = await linesNaming(roster, names.names);
  const causes: Explanation['causes'] = [];
  const toImprove: string[] = [];
  const counted = matches.filter((m) => m.status === 'matched');
  for (const m of counted) {
    const text =
      m.how === 'rule'
        ? `Match rule #${m.ruleId}${m.rule ? ` (${m.rule.field} ${m.rule.op} "${m.rule.value}", priority ${m.rule.priority})` : ''} matched ${m.lines} lines (${money(m.amount)}).`
        : m.how === 'automatic'
          ? `Automatic matching on "${m.alias}" matched ${m.lines} lines (${money(m.amount)}).`
          : `${m.lines} lines (${money(m.amount)}) were set to ${names.app} by hand.`;
    causes.push({ code: `matched_${m.how}`, text, count: m.lines });
  }
  for (const m of matches.filter((x) => x.status !== 'matched'))
    causes.push({
      code: `not_counted_${m.status}`,
      text: `${m.lines} lines on ${names.app} (${money(m.amount)}) are ${m.status === 'duplicate' ? "duplicates of another source's lines" : m.status} and not counted.`,
      count: m.lines,
    });
  for (const line of naming) {
    const descriptor = [line.vendor, line.description].filter(Boolean).join(' — ');
    if (line.status === 'ignored') {
      causes.push({
        code: 'ignored_naming_app',
        text: `${line.lines} lines "${descriptor}" (${money(line.amount)}) name ${names.app} but Ignore rule #${line.ruleId} drops them.`,
        count: line.lines,
      });
      toImprove.push(`Narrow Ignore rule #${line.ruleId}, or set these lines to ${names.app} by hand.`);
    } else {
      const rule = suggestedRuleFor(line, names.app);
      causes.push({
        code: 'unmatched_naming_app',
        text: `${line.lines} unmatched lines "${descriptor}" (${money(line.amount)}) name ${names.app}; a Match rule ${rule.field} ${rule.op} "${rule.value}" would put them on it.`,
        count: line.lines,
      });
      toImprove.push(suggestedRuleCommand(rule));
    }
  }
  if (counted.length === 0 && naming.length === 0)
    causes.push({
      code: 'no_lines_name_app',
      text: `No expense line is matched to ${names.app}, and none names it (${names.names.map((n) => `"${n}"`).join(', ')}): its spend may be in a source not imported, or under another name on the statements.`,
    });
  return {
    what: 'expenses-app',
    subject: names.app,
    figure: {
      total: spend.total,
      lines: spend.lines,
      annualised: spend.annualised,
      licenseCost: spend.licenseCost,
    },
    computation:
      `The sum of ${names.app}'s matched lines in ${spend.currency}: lines a Match rule or automatic matching put on it (per descriptor) or an admin set to it by hand. ${spend.annualisedWording ?? ''}`.trim(),
    sources,
    causes,
    excluded: matches
      .filter((m) => m.status !== 'matched')
      .map((m) => ({ what: `${m.status} lines`, count: m.lines, why: 'not counted in any total' })),
    toImprove,
  };
}
