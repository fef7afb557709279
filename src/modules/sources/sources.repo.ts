import { sql } from 'kysely';
import { notFound } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';

/** Finds a connected source by id or (case-insensitive) name. */
export async function findSourceRow(roster: Roster, ref: string | number) {
  const { db } = roster.database;
  const byId = typeof ref === 'number' || /^\d+$/.test(ref);
  const row = await db
    .selectFrom('sources')
    .selectAll()
    .where('disconnected_at', 'is', null)
    .where((eb) =>
      byId ? eb('id', '=', Number(ref)) : eb(sql`lower(name)`, '=', String(ref).trim().toLowerCase()),
    )
    .executeTakeFirst();
  if (!row) throw notFound(`No source "${ref}"`);
  return row;
}
