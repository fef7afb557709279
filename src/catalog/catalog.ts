import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.js';

/** catalog/apps.json sits at the package root, beside both src/ and dist/. */
export const catalogPath = fileURLToPath(new URL('../../catalog/apps.json', import.meta.url));

export const catalogEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: z.string().min(1).max(200),
  vendor: z.string().min(1).max(200),
  category: z.string().min(1).max(100),
  domains: z.array(z.string().min(3).max(253)).min(1),
  expenseAliases: z.array(z.string().min(1).max(200)),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

const parseCatalog = (text: string): CatalogEntry[] => z.array(catalogEntrySchema).parse(JSON.parse(text));

export function readCatalog(path = catalogPath): CatalogEntry[] {
  return parseCatalog(readFileSync(path, 'utf8'));
}

/**
 * What catalog_apps was last brought in line with, kept as the table's comment: the catalog's file is read,
 * checked and upserted only when it changed (a new Roster), not at every start, where it cost a large
 * statement and its checks. A database restored from a backup carries the fingerprint of its own catalog.
 */
const fingerprintOf = (text: string) => `catalog sha256 ${createHash('sha256').update(text).digest('hex')}`;

async function loadedFingerprint(database: Database): Promise<string | null> {
  const { rows } = await sql<{ comment: string | null }>`
    select obj_description('catalog_apps'::regclass, 'pg_class') as comment`.execute(database.db);
  return rows[0]?.comment ?? null;
}

/**
 * Brings the catalog_apps table in line with the shipped catalog (entries are added or updated, never
 * dropped), unless it already is: see `fingerprintOf`.
 */
export async function loadCatalog(database: Database, path = catalogPath): Promise<void> {
  const text = readFileSync(path, 'utf8');
  const fingerprint = fingerprintOf(text);
  if ((await loadedFingerprint(database)) === fingerprint) return;
  await upsertCatalog(database, parseCatalog(text));
  // Written after the entries: a start stopped in between loads them again.
  await sql`comment on table catalog_apps is ${sql.lit(fingerprint)}`.execute(database.db).catch((error) => {
    // Only the table's owner may comment on it: a database user that is not loads the catalog every start.
    if ((error as { code?: string }).code !== insufficientPrivilege) throw error;
  });
}

const insufficientPrivilege = '42501';

async function upsertCatalog(database: Database, entries: readonly CatalogEntry[]): Promise<void> {
  await sql`insert into catalog_apps as c (id, name, vendor, category, domains, expense_aliases)
            select e.id, e.name, e.vendor, e.category,
                   array(select jsonb_array_elements_text(e."domains")),
                   array(select jsonb_array_elements_text(e."expenseAliases"))
            from jsonb_to_recordset(${JSON.stringify(entries)}::jsonb)
                 as e(id text, name text, vendor text, category text, "domains" jsonb, "expenseAliases" jsonb)
            on conflict (id) do update set name = excluded.name, vendor = excluded.vendor, category = excluded.category,
              domains = excluded.domains, expense_aliases = excluded.expense_aliases
            where (c.name, c.vendor, c.category, c.domains, c.expense_aliases)
                  is distinct from (excluded.name, excluded.vendor, excluded.category, excluded.domains, excluded.expense_aliases)`.execute(
    database.db,
  );
}
