import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/**
 * The data's generation (migrations/0028): it moves as every transaction that changed data commits, whichever
 * process made it. Read before computing an answer, it names what the answer may be kept for.
 */
export async function readDataGeneration(db: Kysely<DB>): Promise<string> {
  const row = await db.selectFrom('data_generation').select('value').where('id', '=', 1).executeTakeFirst();
  return String(row?.value ?? '0');
}
