import type { MergeReport } from './merge.service.js';
import { ruleText } from './merge-report-text.js';

export const mergeReportCsvColumns = [
  'outcome',
  'email',
  'primary',
  'via',
  'detail',
  'status',
  'apps',
  'licenses',
  'annualCost',
] as const;

/**
 * The changes report, one row per email it speaks of: each alias merged into its person (with the alias
 * values that link them), each email not merged and why, each alias waiting to be discovered, and each
 * alias value that does not count. The report is computed whole (as the API answers it), so its rows are
 * generated from it rather than read in batches.
 */
export function* mergeReportCsvRows(report: MergeReport) {
  for (const merge of report.merges) {
    for (const alias of merge.aliases) {
      const via = merge.provenance.find((p) => p.email === alias)?.via ?? [];
      yield {
        outcome: 'merge',
        email: alias,
        primary: merge.primary,
        via: via.map((v) => `${v.source} ${v.field}=${v.value}`).join('; '),
        status: merge.status,
        apps: merge.apps,
        licenses: merge.licenses,
        annualCost: merge.annualCost,
      };
    }
  }
  for (const skipped of report.skipped)
    yield {
      outcome: 'not merged',
      email: skipped.email,
      primary: skipped.claimedBy.join('; '),
      detail: `${ruleText[skipped.rule]} [${skipped.rule}]`,
    };
  for (const pending of report.pending)
    yield {
      outcome: 'waiting',
      email: pending.email,
      primary: pending.primary,
      detail: `no source has seen the ${pending.waitingFor} yet`,
    };
  for (const ignored of report.ignored)
    yield {
      outcome: 'ignored',
      primary: ignored.primary,
      via: `${ignored.field}=${ignored.value}`,
      detail: ignored.reason,
    };
}
