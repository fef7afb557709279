import { createHash } from 'node:crypto';
import { TextColumn } from '../../../lib/compact-columns.js';
import type { RunLines } from './run-lines.js';

/** numeric(18, 4)'s own text of a canonical amount (`12.5` → `12.5000`): what the ids were first hashed over. */
export function numericText(amount: string): string {
  const [whole = '0', fraction = ''] = amount.split('.');
  return `${whole}.${fraction.padEnd(4, '0')}`;
}

/** Each line's id, by its position in the run. */
export type ExternalIds = (index: number) => string;

/**
 * Each line's id: its own, else one from its fields and its occurrence among identical lines of the run, so
 * the same export uploaded again (or an overlapping one) finds the same ids and adds nothing, while two
 * identical purchases in one file stay two lines. The fields are hashed as PostgreSQL wrote them when lines
 * were first imported (ISO date, numeric's text with four decimals, fields joined by U+001F), so a file
 * imported before finds its lines again; pinned against that SQL by line-ids.db.test.ts. Identical lines are
 * counted by their hash, and only the derived ids are kept (compactly), not one string per line.
 */
export function externalIdsOf(lines: RunLines): ExternalIds {
  const occurrences = new Map<string, number>();
  const derived = new TextColumn();
  for (let i = 0; i < lines.length; i++) {
    if (lines.id(i) !== null) {
      derived.push(null);
      continue;
    }
    const fields = [
      lines.date(i),
      numericText(lines.amount(i)),
      lines.currency(i),
      lines.vendor(i),
      lines.description(i),
      lines.reportId(i) ?? '',
      lines.itemType(i),
      lines.account(i),
      lines.employeeEmail(i) ?? '',
    ].join('\u001f');
    const hash = createHash('sha256').update(fields, 'utf8').digest('hex').slice(0, 32);
    const nth = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, nth);
    derived.push(`h:${hash}:${nth}`);
  }
  return (index) => lines.id(index) ?? (derived.get(index) as string);
}
