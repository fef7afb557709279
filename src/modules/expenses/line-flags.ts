import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ExpenseScope } from './derive.js';

/** Sets `amount_converted`, `excluded` and `counted_item` of the lines in scope. */
export async function deriveLineFlags(_trx: Kysely<DB>, _scope: ExpenseScope): Promise<void> {}
