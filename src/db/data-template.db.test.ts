import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { newDataDir, testConfig } from '../../test/support/test-roster.js';
import { readCatalog } from '../catalog/catalog.js';
import { keyFilePath } from '../lib/key-file.js';
import { openRoster, type Roster } from '../roster.js';
import { readDataTemplate, writeDataTemplate } from './data-template.js';
import { openDatabase } from './database.js';
import { listMigrations, migrate } from './migrate.js';

// The template is the embedded database's own: a server database is created by its administrator.
const folders: string[] = [];
const folder = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
};
let templateDir: string;

beforeAll(async () => {
  templateDir = folder('roster-data-template-test-');
  await writeDataTemplate(templateDir);
});
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Everything the migrations define, as text: tables, columns, indexes, constraints, views, functions, triggers. */
async function schemaOf(roster: Roster): Promise<string[]> {
  const { rows } = await sql<{ line: string }>`
    select 'table ' || relname || ' ' || relkind::text || ' ' || relpersistence::text as line
      from pg_class where relnamespace = 'public'::regnamespace
    union all select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' '
      || coalesce(column_default, '') || ' ' || is_nullable || ' ' || coalesce(generation_expression, '')
      from information_schema.columns where table_schema = 'public'
    union all select 'index ' || indexdef from pg_indexes where schemaname = 'public'
    union all select 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
      from pg_constraint where connamespace = 'public'::regnamespace
    union all select 'view ' || viewname || ' ' || definition from pg_views where schemaname = 'public'
    union all select 'function ' || pg_get_functiondef(oid) from pg_proc
      where pronamespace = 'public'::regnamespace and prokind in ('f', 'p')
    union all select 'trigger ' || tgrelid::regclass::text || ' ' || pg_get_triggerdef(oid) from pg_trigger
      where not tgisinternal
    union all select 'sequence ' || sequencename || ' ' || data_type || ' ' || increment_by
      from pg_sequences where schemaname = 'public'
    order by line`.execute(roster.database.db);
  return rows.map((row) => row.line);
}

/** Every table's row count: what the migrations insert (settings rows) and what every open adds (the catalog). */
async function rowCountsOf(roster: Roster): Promise<Record<string, number>> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(
    roster.database.db,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(
      roster.database.db,
    );
    counts[name] = rows[0]?.n ?? -1;
  }
  return counts;
}

const recordedMigrations = (roster: Roster) =>
  roster.database.db
    .selectFrom('schema_migrations')
    .select(['version', 'checksum', 'applied_at'])
    .orderBy('version')
    .execute();

describe('the migrated data template', () => {
  it('starts a new data directory as one migrated from scratch, with nothing left to migrate', async () => {
    const openedAt = new Date();
    const fromTemplate = await openRoster(testConfig(folder('roster-from-template-')), {
      dataTemplateDir: templateDir,
    });
    // The global setup's database was created and migrated by this Roster without a template.
    const scratchDir = newDataDir();
    folders.push(scratchDir);
    const fromScratch = await openRoster(testConfig(scratchDir));
    try {
      const loaded = await recordedMigrations(fromTemplate);
      // Recorded when the template was built, so the open applied none of them itself.
      expect(loaded.filter((m) => new Date(m.applied_at) >= openedAt)).toEqual([]);
      expect(await migrate(fromTemplate.database)).toEqual([]);

      const versions = (rows: { version: string; checksum: string | null }[]) =>
        rows.map(({ version, checksum }) => ({ version, checksum }));
      expect(versions(loaded)).toEqual(versions(await recordedMigrations(fromScratch)));
      expect(versions(loaded)).toEqual(
        listMigrations().map(({ version, checksum }) => ({ version, checksum })),
      );

      const schema = await schemaOf(fromTemplate);
      expect(schema.length).toBeGreaterThan(100);
      expect(schema).toEqual(await schemaOf(fromScratch));
      expect(await rowCountsOf(fromTemplate)).toEqual(await rowCountsOf(fromScratch));
    } finally {
      await fromTemplate.close();
      await fromScratch.close();
    }
  });

  it('holds the one database Roster uses, without template0 and template1 to write at every first start', async () => {
    const fromTemplate = await openRoster(testConfig(folder('roster-from-template-')), {
      dataTemplateDir: templateDir,
    });
    try {
      const { rows } = await sql<{
        datname: string;
      }>`select datname from pg_database order by datname`.execute(fromTemplate.database.db);
      expect(rows.map((row) => row.datname)).toEqual(['postgres']);
      expect(readdirSync(join(fromTemplate.config.dataDir, 'pgdata', 'base'))).toHaveLength(1);
    } finally {
      await fromTemplate.close();
    }
  });

  it('shares no key between two installations started from it', async () => {
    const dirs = [folder('roster-install-a-'), folder('roster-install-b-')];
    const keys: { file: string; keyId: string; check: string }[] = [];
    for (const dir of dirs) {
      const roster = await openRoster(testConfig(dir), { dataTemplateDir: templateDir });
      try {
        const check = await roster.database.db.selectFrom('key_check').selectAll().execute();
        expect(check).toHaveLength(1);
        keys.push({
          file: readFileSync(keyFilePath(dir), 'utf8'),
          keyId: roster.secrets.keyId,
          check: check[0]?.sealed ?? '',
        });
      } finally {
        await roster.close();
      }
    }
    const [a, b] = keys;
    expect(a?.file).not.toEqual(b?.file);
    expect(a?.keyId).not.toEqual(b?.keyId);
    expect(a?.check).not.toEqual(b?.check);
  });

  it('is used only when its migrations are exactly this Roster’s', () => {
    const migrations = listMigrations();
    expect(readDataTemplate(templateDir, migrations)).toBeInstanceOf(Buffer);
    expect(readDataTemplate(templateDir, migrations.slice(0, -1))).toBeUndefined();
    const edited = migrations.map((m, i) => (i === 3 ? { ...m, checksum: 'f'.repeat(64) } : m));
    expect(readDataTemplate(templateDir, edited)).toBeUndefined();
    expect(readDataTemplate(folder('roster-no-template-'), migrations)).toBeUndefined();

    const broken = folder('roster-broken-template-');
    cpSync(templateDir, broken, { recursive: true });
    writeFileSync(join(broken, 'migrations.json'), '{ not json');
    expect(readDataTemplate(broken, migrations)).toBeUndefined();
  });

  it('is written to a new data directory before PGlite opens it, into a folder only its owner can enter', async () => {
    const dir = folder('roster-written-template-');
    const pgdata = join(dir, 'pgdata');
    const create = vi.spyOn(PGlite, 'create');
    const seenAtCreate: { databaseThere: boolean; tarballHanded: boolean }[] = [];
    create.mockImplementation(async (...args: Parameters<typeof PGlite.create>) => {
      const options = args[0] as { loadDataDir?: unknown } | undefined;
      seenAtCreate.push({
        databaseThere: existsSync(join(pgdata, 'PG_VERSION')),
        tarballHanded: options?.loadDataDir !== undefined,
      });
      create.mockRestore();
      return PGlite.create(...args);
    });
    const roster = await openRoster(testConfig(dir), { dataTemplateDir: templateDir });
    try {
      // PGlite's own loading writes the files through its emulated file layer, many times slower.
      expect(seenAtCreate).toEqual([{ databaseThere: true, tarballHanded: false }]);
      expect(await migrate(roster.database)).toEqual([]);
    } finally {
      await roster.close();
    }
    // PostgreSQL writes some files of its own readable by all; the folder keeps every one of them private.
    expect((statSync(pgdata).mode & 0o777).toString(8)).toBe('700');
  });

  it('starts over when a start was stopped while writing it', async () => {
    const dir = folder('roster-interrupted-template-');
    // What a start killed halfway leaves: an empty pgdata and a part of the template beside it.
    mkdirSync(join(dir, 'pgdata'));
    mkdirSync(join(dir, 'pgdata.unpacking', 'base'), { recursive: true });
    writeFileSync(join(dir, 'pgdata.unpacking', 'PG_VERSION'), '17\n');
    const roster = await openRoster(testConfig(dir), { dataTemplateDir: templateDir });
    try {
      expect(await migrate(roster.database)).toEqual([]);
      expect(await recordedMigrations(roster)).toHaveLength(listMigrations().length);
    } finally {
      await roster.close();
    }
    expect(existsSync(join(dir, 'pgdata.unpacking'))).toBe(false);
  });

  it('holds the shipped catalog, so a first start has none of it to load', async () => {
    const dir = folder('roster-template-catalog-');
    const database = await openDatabase(
      { kind: 'pglite', dataDir: dir },
      { newDatabaseFrom: () => readDataTemplate(templateDir) },
    );
    try {
      const rows = await database.db.selectFrom('catalog_apps').select('id').execute();
      const ids = readCatalog().map((entry) => entry.id);
      expect(rows.map((row) => row.id).sort()).toEqual(ids.sort());
    } finally {
      await database.close();
    }
  });

  it('leaves an existing database as it is', async () => {
    const dir = newDataDir();
    folders.push(dir);
    const before = await openRoster(testConfig(dir));
    const recorded = await recordedMigrations(before);
    await before.close();
    const again = await openRoster(testConfig(dir), { dataTemplateDir: templateDir });
    try {
      expect(await recordedMigrations(again)).toEqual(recorded);
    } finally {
      await again.close();
    }
  });
});
