import type { ExpenseRecord } from '../../../connectors/kit/records.js';

/**
 * A run's checked expense lines as the apply reads them: by position, one field at a time, so they can be
 * held compactly (sync/expense-run-lines.ts) rather than as an object per line.
 */
export interface RunLines {
  readonly length: number;
  id(index: number): string | null;
  date(index: number): string;
  amount(index: number): string;
  currency(index: number): string;
  vendor(index: number): string;
  description(index: number): string;
  /** The line's place in `descriptors`. */
  descriptor(index: number): number;
  reportId(index: number): string | null;
  itemType(index: number): ExpenseRecord['itemType'];
  account(index: number): string;
  employeeEmail(index: number): string | null;
  /** The run's distinct descriptors (vendor and description), each once. */
  readonly descriptors: { readonly vendors: readonly string[]; readonly descriptions: readonly string[] };
  /** The run's distinct values of a field, each once. */
  readonly accounts: readonly string[];
  readonly currencies: readonly string[];
  readonly dates: readonly string[];
}
