import type { sql, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { RefStyle } from './staged-duplicates.js';

export interface EntityCounters {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
}

export interface ApplyCounters {
  accounts: EntityCounters;
  employees: EntityCounters;
  aliases: { added: number; removed: number };
  licenseTypes: EntityCounters;
  accountLicenses: { added: number; removed: number };
  usage: { updated: number };
  apps: { added: number };
  users: { added: number };
  /** What an expense import brought; absent for every other kind of source. */
  expenses?: ExpenseCounters;
}

export interface ExpenseCounters {
  lines: { added: number; updated: number; unchanged: number };
  descriptors: { added: number };
  accounts: { added: number };
  /** The import's id; null when the file is one the source already imported (nothing was written). */
  importId: number | null;
  /** When the same file (same sha256, same source) was imported before: the date of that import. */
  sameFileAs: string | null;
}

export interface ApplyInput {
  runId: number;
  sourceId: number;
  now: Date;
  /** When the source last completed; recorded as last-seen on accounts this run no longer lists. */
  previousSuccessAt: Date | null;
  /** Whether the source reads an app directly (`full`: it lists every account) or sees only some users. */
  coverageOf(app: string): 'full' | 'partial';
  /** How the run's records are referred to in problems: CSV rows, or paths in a JSON snapshot. */
  refStyle: RefStyle;
}

export type Counts = { added: number; updated: number };

/** Runs a statement that answers one row (a count). */
export async function one<T>(trx: Transaction<DB>, query: ReturnType<typeof sql<T>>): Promise<T> {
  const result = await query.execute(trx);
  return result.rows[0] as T;
}
