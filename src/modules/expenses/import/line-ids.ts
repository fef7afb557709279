import { createHash } from 'node:crypto';
import type { ExpenseRecord } from '../../../connectors/kit/records.js';

/** numeric(18, 4)'s own text of a canonical amount (`12.5` → `12.5000`): what the ids were first hashed over. */
export function numericText(amount: string): string {
  const [whole = '0', fraction = ''] = amount.split('.');
  return `${whole}.${fraction.padEnd(4, '0')}`;
}

/**
 * Each line's id: its own, else one from its fields and its occurrence among identical lines of the run, so
 * the same export uploaded again (or an overlapping one) finds the same ids and adds nothing, while two
 * identical purchases in one file stay two lines. The fields are hashed as PostgreSQL wrote them when lines
 * were first imported (ISO date, numeric's text with four decimals, fields joined by U+001F), so a file
 * imported before finds its lines again; pinned against that SQL by line-ids.db.test.ts.
 */
export function externalIdsOf(lines: readonly ExpenseRecord[]): string[] {
  const occurrences = new Map<string, number>();
  return lines.map((line) => {
    if (line.id !== null) return line.id;
    const fields = [
      line.date,
      numericText(line.amount),
      line.currency,
      line.vendor,
      line.description,
      line.reportId ?? '',
      line.itemType,
      line.account,
      line.employeeEmail ?? '',
    ].join('\u001f');
    const nth = (occurrences.get(fields) ?? 0) + 1;
    occurrences.set(fields, nth);
    return `h:${createHash('sha256').update(fields, 'utf8').digest('hex').slice(0, 32)}:${nth}`;
  });
}
