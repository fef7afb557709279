import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../test/support/test-roster.js';
import { checksumOf, listMigrations, migrate } from './migrate.js';

const migration = (version: string, sql: string) => ({ version, sql, checksum: checksumOf(sql) });

describe.each(lanes)('migrations on %s', (lane) => {
  let roster: TestRoster;
  beforeAll(async () => {
    roster = await openTestRoster(lane);
  });
  afterAll(async () => {
    await roster.close();
  });

  it('are applied once, in order, and a second run applies nothing', async () => {
    const applied = await roster.database.db
      .selectFrom('schema_migrations')
      .select('version')
      .orderBy('version')
      .execute();
    expect(applied.map((m) => m.version)).toEqual(listMigrations().map((m) => m.version));
    expect(await migrate(roster.database)).toEqual([]);
  });

  it('leave nothing behind when one fails', async () => {
    const broken = [
      ...listMigrations(),
      migration('9999_broken', 'create table half_done (id int);\nselect no_such_function();'),
    ];
    await expect(migrate(roster.database, broken)).rejects.toThrow(/9999_broken/);
    const { rows } = await (await import('kysely')).sql`select to_regclass('half_done') as t`.execute(
      roster.database.db,
    );
    expect(rows).toEqual([{ t: null }]);
    const versions = await roster.database.db.selectFrom('schema_migrations').select('version').execute();
    expect(versions.map((v) => v.version)).not.toContain('9999_broken');
  });

  it('from two processes at once apply each migration exactly once', async () => {
    const second = await roster.reopen().catch((error) => error);
    if (lane === 'pglite') {
      // The embedded database admits one process; the second is refused before it can migrate.
      expect(second).toBeInstanceOf(Error);
      return;
    }
    const fresh = [...listMigrations(), migration('9998_probe', 'create table migration_probe (id int);')];
    const results = await Promise.all([migrate(roster.database, fresh), migrate(second.database, fresh)]);
    expect(results.flat()).toEqual(['9998_probe']);
    await second.close();
  });
});
