import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { markDuplicates } from './duplicates.js';
import { refreshExpenseTotals } from './expense-totals.js';
import { anyLineChanged, startLineChanges } from './line-changes.js';
import { deriveLineFlags } from './line-flags.js';
import { applyMatching } from './matching/apply-matching.js';

/**
 * The lines a derivation recomputes: every line, or those of the given sources (after an import). Matching
 * and duplicates may reach beyond the scope where a rule or another source's line is involved.
 */
export interface ExpenseScope {
  sourceIds?: readonly number[];
  /** Duplicates only: the lines recorded in `expense_line_changes` (line-changes.ts). */
  changedLines?: boolean;
  /**
   * Duplicates only, with `sourceIds`: the date, amount and currency the sources' lines had before an import
   * corrected them. Another source's line paired with a corrected line by its former values must be paired
   * again, though no line of the scope has those values any more.
   */
  formerKeys?: LineKeys;
}

/** Dates, amounts and currencies, column by column: the values duplicates are grouped by. */
export interface LineKeys {
  dates: string[];
  amounts: string[];
  currencies: string[];
}

/**
 * Recomputes everything about expense lines that is not what the source said, in the caller's transaction:
 * conversion, excluded accounts and counted item kind first, then the app each line matches, then
 * duplicates across sources (which depend on the app). A line's status follows from these columns.
 */
export async function deriveExpenseLines(trx: Kysely<DB>, scope: ExpenseScope = {}): Promise<void> {
  await deriveLineFlags(trx, scope);
  await applyMatching(trx, scope);
  await markDuplicates(trx, scope);
  await refreshExpenseTotals(trx);
}

/**
 * Derives what a source's first import leaves to derive: its lines were written already derived from the
 * run's own lines (conversion, excluded account, counted item kind, app and ignored flag; apply-expenses.ts),
 * and nothing of the source existed before to move them, so only duplicates (across other sources' lines)
 * and totals follow. Two passes over the source's lines fewer than `deriveExpenseLines`.
 */
export async function deriveFirstImport(trx: Kysely<DB>, sourceId: number): Promise<void> {
  await markDuplicates(trx, { sourceIds: [sourceId] });
  await refreshExpenseTotals(trx);
}

/**
 * Re-applies the rules after one was added or removed, with the same outcome as `deriveExpenseLines` over
 * every line (property-tested in rules/reapply-rules.db.test.ts): every descriptor is decided again, but
 * duplicates and totals are re-derived only around the lines whose app or ignored flag moved. A rule
 * changes neither conversions, excluded accounts nor counted item kinds, so those are left as they stand.
 */
export async function reapplyRules(trx: Kysely<DB>): Promise<void> {
  await startLineChanges(trx);
  await applyMatching(trx, {}, { recordChanges: true });
  if (!(await anyLineChanged(trx))) return;
  await markDuplicates(trx, { changedLines: true });
  await refreshExpenseTotals(trx, { changedLines: true });
}
