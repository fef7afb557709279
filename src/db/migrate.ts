import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database.js';

/** migrations/ sits at the package root, beside both src/ and dist/. */
export const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));

export interface Migration {
  version: string;
  sql: string;
}

export function listMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: file.replace(/\.sql$/, ''), sql: readFileSync(`${dir}/${file}`, 'utf8') }));
}

const uniqueViolation = '23505';

/**
 * Applies every migration not yet recorded, each in its own transaction. Forward-only. The version row
 * is inserted first under an advisory lock, so when two processes start against one server the second
 * waits, hits the unique version, and leaves the migration to the first.
 */
export async function migrate(database: Database, migrations = listMigrations()): Promise<string[]> {
  const { db } = database;
  await sql`create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())`.execute(
    db,
  );
  const done = new Set(
    (await db.selectFrom('schema_migrations').select('version').execute()).map((row) => row.version),
  );
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    const header = `select pg_advisory_xact_lock(7201);\ninsert into schema_migrations (version) values ('${migration.version}');\n`;
    try {
      await database.executeScript(header + migration.sql);
      applied.push(migration.version);
    } catch (error) {
      if (
        (error as { code?: string }).code !== uniqueViolation ||
        !(error as Error).message.includes('schema_migrations')
      )
        throw new Error(`Migration ${migration.version} failed: ${(error as Error).message}`, {
          cause: error,
        });
    }
  }
  return applied;
}
