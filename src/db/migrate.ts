import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database.js';

/** migrations/ sits at the package root, beside both src/ and dist/. */
export const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));

export interface Migration {
  version: string;
  sql: string;
  /** sha256 of the file (line endings normalised, so a checkout with CRLF endings is the same file). */
  checksum: string;
}

/** Refuses to use a database whose recorded migrations disagree with this Roster's files. */
import { MigrationError } from './migration-error.js';

export { MigrationError };

export const checksumOf = (script: string) =>
  createHash('sha256').update(script.replace(/\r\n/g, '\n'), 'utf8').digest('hex');

export function listMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const script = readFileSync(`${dir}/${file}`, 'utf8');
      return { version: file.replace(/\.sql$/, ''), sql: script, checksum: checksumOf(script) };
    });
}

const uniqueViolation = '23505';
const undefinedTable = '42P01';
const undefinedColumn = '42703';

type Applied = Map<string, string | null>;

/** What the database recorded, without changing it: a database older than checksums has none. */
async function readApplied(database: Database): Promise<Applied> {
  const { db } = database;
  try {
    const rows = await db.selectFrom('schema_migrations').select(['version', 'checksum']).execute();
    return new Map(rows.map((row) => [row.version, row.checksum]));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === undefinedTable) return new Map();
    if (code !== undefinedColumn) throw error;
    const rows = await db.selectFrom('schema_migrations').select('version').execute();
    return new Map(rows.map((row) => [row.version, null]));
  }
}

/**
 * Compares the database's record with the files: a version the files do not have means a newer Roster
 * migrated it; a checksum that differs means a file was edited after it was applied. Either way this Roster
 * cannot know what the schema is, so it refuses rather than run against it.
 */
function compare(applied: Applied, migrations: readonly Migration[]) {
  const known = new Map(migrations.map((m) => [m.version, m]));
  const unknown = [...applied.keys()].filter((version) => !known.has(version)).sort();
  if (unknown.length) {
    throw new MigrationError(
      `This database was migrated by a newer Roster: it has ${unknown.length === 1 ? 'migration' : 'migrations'} ${unknown.join(', ')}, ` +
        'which this Roster does not know. Run that newer Roster (or restore a backup taken before the upgrade).',
    );
  }
  for (const migration of migrations) {
    const recorded = applied.get(migration.version);
    if (recorded && recorded !== migration.checksum) {
      throw new MigrationError(
        `migrations/${migration.version}.sql was changed after it was applied to this database ` +
          `(sha256 ${recorded.slice(0, 12)}… when applied, ${migration.checksum.slice(0, 12)}… now). ` +
          'Restore the file as released; a change to the schema belongs in a new migration.',
      );
    }
  }
  return {
    pending: migrations.filter((m) => !applied.has(m.version)),
    unrecorded: migrations.filter((m) => applied.has(m.version) && applied.get(m.version) === null),
  };
}

/** For commands that only read: the migrations still to apply (none changes anything). Refuses as `migrate` does. */
export async function pendingMigrations(
  database: Database,
  migrations = listMigrations(),
): Promise<string[]> {
  return compare(await readApplied(database), migrations).pending.map((m) => m.version);
}

export function pendingMigrationsMessage(pending: readonly string[]): string {
  return (
    `The database has ${pending.length === 1 ? 'a migration' : 'migrations'} pending (${pending.join(', ')}), ` +
    'and this command only reads. Run `roster migrate` (or start `roster serve`), then try again.'
  );
}

/**
 * Applies every migration not yet recorded, each in its own transaction. Forward-only. The version row
 * (with the file's checksum) is inserted first under an advisory lock, so when two processes start against
 * one server the second waits, hits the unique version, and leaves the migration to the first.
 * Migrations applied before checksums were recorded get theirs now: the files shipped are trusted then.
 */
export async function migrate(database: Database, migrations = listMigrations()): Promise<string[]> {
  const { db } = database;
  await sql`create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())`.execute(
    db,
  );
  await sql`alter table schema_migrations add column if not exists checksum text`.execute(db);
  const { pending, unrecorded } = compare(await readApplied(database), migrations);
  for (const migration of unrecorded) {
    await db
      .updateTable('schema_migrations')
      .set({ checksum: migration.checksum })
      .where('version', '=', migration.version)
      .where('checksum', 'is', null)
      .execute();
  }
  const applied: string[] = [];
  for (const migration of pending) {
    const header =
      'select pg_advisory_xact_lock(7201);\n' +
      `insert into schema_migrations (version, checksum) values ('${migration.version}', '${migration.checksum}');\n`;
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
