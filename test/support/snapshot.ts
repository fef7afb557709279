import { sql } from 'kysely';
import type { Roster } from '../../src/roster.js';

/** Every table a sync may touch, with its rows in a fixed order: two equal snapshots mean nothing changed. */
export const syncedTables = [
  'apps',
  'users',
  'app_instances',
  'accounts',
  'account_observations',
  'license_types',
  'account_licenses',
  'employees',
  'raw_records',
] as const;

export async function snapshotTables(
  roster: Roster,
  options: { withRowVersions?: boolean } = {},
): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of syncedTables) {
    // xmin changes whenever a row is rewritten, even with identical values: it proves "no write at all".
    const version = options.withRowVersions ? sql`, xmin::text as row_version` : sql``;
    const { rows } = await sql`select t.*${version} from ${sql.table(table)} t order by 1, 2`.execute(
      roster.database.db,
    );
    out[table] = rows.map((r) => JSON.parse(JSON.stringify(r)));
  }
  return out;
}
