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

export function readCatalog(path = catalogPath): CatalogEntry[] {
  return z.array(catalogEntrySchema).parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Brings the catalog_apps table in line with the shipped catalog (entries are added or updated, never dropped). */
export async function loadCatalog(database: Database, entries = readCatalog()): Promise<void> {
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
