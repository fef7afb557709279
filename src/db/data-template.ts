import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { loadCatalog } from '../catalog/catalog.js';
import { type Database, openDatabase } from './database.js';
import { listMigrations, type Migration, migrate } from './migrate.js';

/**
 * A new embedded database pays PGlite's initdb and every migration (tens of seconds on a busy machine).
 * `npm run build` does that work once and ships the result: a migrated, empty data directory as a gzipped
 * tarball, with the list of migrations it holds. A new data directory starts from a copy of it when that
 * list is exactly this Roster's; the migration check still runs after it and finds nothing to do.
 *
 * The template holds only what the migrations create, and the shipped catalog: no key, key check, admin,
 * token or other installation-specific value (those are made at the first open, per installation).
 */

/** dist/data-template/ at the package root: the same folder seen from src/db (tsx) and dist/db (built). */
export const dataTemplateDir = fileURLToPath(new URL('../../dist/data-template/', import.meta.url));

const tarballName = 'pgdata.tar.gz';
const manifestName = 'migrations.json';

type Manifest = { version: string; checksum: string }[];

const manifestOf = (migrations: readonly Migration[]): Manifest =>
  migrations.map(({ version, checksum }) => ({ version, checksum }));

const sameMigrations = (a: Manifest, b: Manifest) =>
  a.length === b.length && a.every((m, i) => m.version === b[i]?.version && m.checksum === b[i]?.checksum);

/**
 * PostgreSQL's template0 and template1 exist only to copy new databases from; Roster's embedded database is
 * one database (`postgres`) and creates none. Dropping them spares 612 of the template's 1,331 files and 15 MB
 * that every new data directory would otherwise write at its first start.
 */
async function dropTemplateDatabases(database: Database): Promise<void> {
  for (const name of ['template1', 'template0']) {
    await sql`alter database ${sql.id(name)} is_template false`.execute(database.db);
    await sql`drop database ${sql.id(name)}`.execute(database.db);
  }
}

/** Creates a database in a scratch directory, migrates it, and writes its tarball and manifest into `dir`. */
export async function writeDataTemplate(dir = dataTemplateDir, migrations = listMigrations()): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'roster-data-template-'));
  try {
    const database = await openDatabase({ kind: 'pglite', dataDir: scratch });
    let tarball: Blob;
    try {
      await migrate(database, migrations);
      // The shipped catalog too: a first start then finds it loaded (`loadCatalog` checks its fingerprint).
      await loadCatalog(database);
      await dropTemplateDatabases(database);
      // Taken while no query runs, so the copy is consistent.
      tarball = await (database.dumpDataDir as () => Promise<Blob>)();
    } finally {
      await database.close();
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, tarballName), new Uint8Array(await tarball.arrayBuffer()));
    writeFileSync(join(dir, manifestName), `${JSON.stringify(manifestOf(migrations), null, 2)}\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The template's gzipped tarball (written to a new data directory by `db/unpack-data-dir.ts`), when there
 * is one and it holds exactly `migrations` (same versions, same checksums, same order); otherwise
 * undefined, and the database is created and migrated as without a template. A manifest that cannot be
 * read counts as no template.
 */
export function readDataTemplate(dir = dataTemplateDir, migrations = listMigrations()): Buffer | undefined {
  let manifest: Manifest;
  let tarball: Buffer;
  try {
    manifest = JSON.parse(readFileSync(join(dir, manifestName), 'utf8')) as Manifest;
    if (!Array.isArray(manifest) || !sameMigrations(manifest, manifestOf(migrations))) return undefined;
    tarball = readFileSync(join(dir, tarballName));
  } catch {
    return undefined;
  }
  return tarball;
}
