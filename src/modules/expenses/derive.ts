import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { markDuplicates } from './duplicates.js';
import { refreshExpenseTotals } from './expense-totals.js';
import { deriveLineFlags } from './line-flags.js';
import { applyMatching } from './matching/apply-matching.js';

/**
 * The lines a derivation recomputes: every line, or those of the given sources (after an import). Matching
 * and duplicates may reach beyond the scope where a rule or another source's line is involved.
 */
export interface ExpenseScope {
  sourceIds?: readonly number[];
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
