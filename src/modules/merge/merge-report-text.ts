import { countOf } from '../../lib/count-of.js';
import type { MergeReport } from './merge.service.js';

/** Why an email was not merged, in words (the emailed report and the CSV say the same). */
export const ruleText = {
  employee: 'is an employee: employees are never merged into others',
  multiple_primaries: 'is claimed as an alias by more than one person',
  has_aliases: 'has aliases of its own: no alias-of-alias chains',
} as const;

const money = (value: number | null) => (value === null ? 'unknown' : `${value.toFixed(2)} a year`);

/** The full changes report as plain text, for email. */
export function mergeReportText(report: MergeReport): string {
  const lines = [
    'Merge Users: full changes report',
    '',
    `Alias sources: ${report.configuration.map((c) => `${c.source} (${c.fields.join(', ')})`).join('; ') || 'none configured'}`,
    `Users before: ${report.usersBefore}`,
    `Users after:  ${report.usersAfter}`,
    '',
    `Merges (${report.merges.length}):`,
    ...report.merges.map(
      (m) =>
        `  ${m.primary} (${m.status}) ← ${m.aliases.join(', ')}: ${m.apps} apps, ${m.licenses} licenses, cost ${money(m.annualCost)}`,
    ),
    '',
    `Not merged (${report.skipped.length}):`,
    ...report.skipped.map(
      (s) => `  ${s.email}, claimed by ${s.claimedBy.join(', ')}: ${ruleText[s.rule]} [${s.rule}]`,
    ),
  ];
  if (report.pending.length) {
    lines.push('', `Waiting to be discovered (${report.pending.length}):`);
    lines.push(
      ...report.pending.map(
        (p) => `  ${p.email} → ${p.primary} (no source has seen the ${p.waitingFor} yet)`,
      ),
    );
  }
  if (report.ignored.length) {
    lines.push('', `Alias values that do not count (${report.ignored.length}):`);
    lines.push(...report.ignored.map((i) => `  ${i.primary} ${i.field} "${i.value}": ${i.reason}`));
  }
  lines.push(
    '',
    `Applying this configuration merges ${countOf(report.changes.merge.length, 'email')} and undoes ${countOf(report.changes.unmerge.length, 'merge')}.`,
  );
  lines.push('Merging is reversible: revoking restores every user exactly as before.');
  return `${lines.join('\n')}\n`;
}
