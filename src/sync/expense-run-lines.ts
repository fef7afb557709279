import type { ExpenseRecord } from '../connectors/kit/records.js';
import type { ErrorDetail } from '../lib/errors.js';
import { type Duplicate, describe, type RefStyle } from './staged-duplicates.js';

/** One checked expense line of a run, with its place in the run (a file's row, a JSON array's index). */
export interface RunExpenseLine extends ExpenseRecord {
  seq: number;
}

/**
 * A run's checked expense lines, held in memory until the run applies, when they are written straight into
 * `expense_lines` (sync/apply-expenses.ts) instead of through a staged table: staging a million lines, then
 * inserting them from there, cost about as much as the whole baseline COPY (bench/RESULTS.md, "expenses").
 * What they hold is bounded by what brought them, which is in memory already: an upload within
 * ROSTER_MAX_UPLOAD_BYTES, a pushed body, a pull's pages under the outbound body cap.
 */
export class ExpenseRunLines {
  readonly lines: RunExpenseLine[] = [];

  add(record: ExpenseRecord, seq: number) {
    this.lines.push({ ...record, seq });
  }

  /** The same id given to two lines of the run, each reported with its rows, as staged duplicates are. */
  duplicates(refStyle: RefStyle, limit = 200): ErrorDetail[] {
    const seqsById = new Map<string, number[]>();
    for (const line of this.lines) {
      if (line.id === null) continue;
      const seqs = seqsById.get(line.id);
      if (seqs) seqs.push(line.seq);
      else seqsById.set(line.id, [line.seq]);
    }
    const twice: Duplicate[] = [];
    for (const [key, seqs] of seqsById)
      if (seqs.length > 1) twice.push({ kind: 'expense line', key, seqs: seqs.sort((a, b) => a - b) });
    twice.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return twice.slice(0, limit).map((d) => describe(d, refStyle));
  }
}
