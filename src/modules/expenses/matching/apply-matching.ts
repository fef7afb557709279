import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { ExpenseScope } from '../derive.js';

/** Matches the descriptors of the lines in scope to apps, then sets each line's `app_id` and `ignored`. */
export async function applyMatching(_trx: Kysely<DB>, _scope: ExpenseScope): Promise<void> {}
