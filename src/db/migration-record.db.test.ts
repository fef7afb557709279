import { afterEach, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../test/support/test-roster.js';
import { openRoster } from '../roster.js';
import { openDatabase } from './database.js';
import { checksumOf, listMigrations, MigrationError, migrate } from './migrate.js';

const recorded = async (roster: TestRoster) =>
  new Map(
    (await roster.database.db.selectFrom('schema_migrations').select(['version', 'checksum']).execute()).map(
      (row) => [row.version, row.checksum],
    ),
  );

describe.each(lanes)('the record of applied migrations on %s', (lane) => {
  let roster: TestRoster;
  afterEach(async () => {
    await roster.close();
  });

  it('keeps the checksum of every file applied, and fills it in for a database from before checksums', async () => {
    roster = await openTestRoster(lane);
    const files = listMigrations();
    expect(Object.fromEntries(await recorded(roster))).toEqual(
      Object.fromEntries(files.map((m) => [m.version, m.checksum])),
    );
    await roster.database.db.updateTable('schema_migrations').set({ checksum: null }).execute();
    expect(await migrate(roster.database)).toEqual([]);
    expect(Object.fromEntries(await recorded(roster))).toEqual(
      Object.fromEntries(files.map((m) => [m.version, m.checksum])),
    );
  });

  it('refuses a migration file edited after it was applied, naming the file', async () => {
    roster = await openTestRoster(lane);
    const edited = listMigrations().map((m) =>
      m.version === '0002_jobs'
        ? { ...m, sql: `${m.sql}\n-- edited`, checksum: checksumOf(`${m.sql}\n-- edited`) }
        : m,
    );
    const attempt = migrate(roster.database, edited);
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(/migrations\/0002_jobs\.sql was changed after it was applied/);
  });

  it('refuses a database migrated by a newer Roster, at migrate and at open', async () => {
    roster = await openTestRoster(lane);
    await roster.database.db
      .insertInto('schema_migrations')
      .values({ version: '9990_from_a_newer_roster', checksum: checksumOf('select 1;') })
      .execute();
    await expect(migrate(roster.database)).rejects.toThrow(
      /migrated by a newer Roster: it has migration 9990_from_a_newer_roster/,
    );
    await roster.database.close();
    await expect(openRoster(roster.config)).rejects.toBeInstanceOf(MigrationError);
  });

  it('opens for reading without migrating, and says which migrations are pending', async () => {
    roster = await openTestRoster(lane);
    const last = listMigrations().at(-1)!.version;
    await roster.database.db.deleteFrom('schema_migrations').where('version', '=', last).execute();
    await roster.database.close();

    const reading = openRoster(roster.config, { readOnly: true });
    await expect(reading).rejects.toBeInstanceOf(MigrationError);
    await expect(reading).rejects.toThrow(`pending (${last})`);
    await expect(reading).rejects.toThrow('roster migrate');

    // Still pending: the refused reader applied nothing.
    const database = await openDatabase(roster.config.database);
    try {
      const versions = await database.db.selectFrom('schema_migrations').select('version').execute();
      expect(versions.map((v) => v.version)).not.toContain(last);
    } finally {
      await database.close();
    }
  });
});
