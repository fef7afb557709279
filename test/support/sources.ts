import type { Roster } from '../../src/roster.js';

/**
 * Adds a source row directly, as tests that feed the engine their own records need: no credentials, an
 * empty configuration, the scripted kind unless another is named. Answers its id.
 */
export async function insertSource(roster: Roster, name: string, kind = 'scripted'): Promise<number> {
  const row = await roster.database.db
    .insertInto('sources')
    .values({ kind, name, config: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
