import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createServerDatabase,
  lanes,
  openTestRoster,
  type TestRoster,
} from '../../test/support/test-roster.js';
import { type Database, openDatabase } from '../db/database.js';
import { catalogPath, loadCatalog, readCatalog } from './catalog.js';

const scratch = mkdtempSync(join(tmpdir(), 'roster-catalog-load-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const vendorOf = async (roster: TestRoster, id: string) =>
  (
    await roster.database.db
      .selectFrom('catalog_apps')
      .select('vendor')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).vendor;

describe.each(lanes)('Loading the shipped catalog on %s', (lane) => {
  let roster: TestRoster;
  beforeEach(async () => {
    roster = await openTestRoster(lane);
  });
  afterEach(async () => {
    await roster.close();
  });

  it('reads the catalog again only when its file changed since it was last loaded', async () => {
    const [first] = readCatalog();
    if (!first) throw new Error('the shipped catalog is empty');
    // The open loaded the shipped catalog. A row changed by hand shows whether a load rewrote it.
    const markRow = () =>
      roster.database.db
        .updateTable('catalog_apps')
        .set({ vendor: 'Changed by hand' })
        .where('id', '=', first.id)
        .execute();
    await markRow();
    await loadCatalog(roster.database, catalogPath);
    expect(await vendorOf(roster, first.id)).toBe('Changed by hand');

    // A new Roster's catalog (here: one entry's vendor renamed) is loaded in full.
    const edited = JSON.parse(readFileSync(catalogPath, 'utf8')) as { id: string; vendor: string }[];
    const second = edited[1];
    if (!second) throw new Error('the shipped catalog has one entry');
    second.vendor = `${second.vendor} (renamed)`;
    const editedPath = join(scratch, `${lane}-apps.json`);
    writeFileSync(editedPath, JSON.stringify(edited));
    await loadCatalog(roster.database, editedPath);
    expect(await vendorOf(roster, first.id)).toBe(first.vendor);
    expect(await vendorOf(roster, second.id)).toBe(second.vendor);

    // And the shipped one again when going back to it.
    await markRow();
    await loadCatalog(roster.database, catalogPath);
    expect(await vendorOf(roster, first.id)).toBe(first.vendor);
  });
});

// Only a server database can have a user that does not own the tables it writes.
describe.runIf(process.env.ROSTER_TEST_DATABASE_URL)(
  'Loading the catalog as a database user that does not own it',
  () => {
    it('loads it, and again at the next start, where recording its fingerprint is refused', async () => {
      const server = await createServerDatabase({ migrated: true });
      const owner = await openDatabase({ kind: 'pg', url: server.url });
      const role = `roster_writer_${randomBytes(4).toString('hex')}`;
      const asRole = new URL(server.url);
      asRole.username = role;
      let writer: Database | undefined;
      try {
        await sql`create role ${sql.id(role)} login`.execute(owner.db);
        await sql`grant select, insert, update on catalog_apps to ${sql.id(role)}`.execute(owner.db);
        // The trigger on catalog_apps moves this sequence.
        await sql`grant usage on sequence published_apps_version to ${sql.id(role)}`.execute(owner.db);
        writer = await openDatabase({ kind: 'pg', url: asRole.toString() });
        await loadCatalog(writer, catalogPath);
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from catalog_apps`.execute(
          owner.db,
        );
        expect(rows[0]?.n).toBe(readCatalog().length);
        // No fingerprint was recorded, so the next start loads the catalog again.
        const [first] = readCatalog();
        if (!first) throw new Error('the shipped catalog is empty');
        await sql`update catalog_apps set vendor = 'Changed by hand' where id = ${first.id}`.execute(
          owner.db,
        );
        await loadCatalog(writer, catalogPath);
        const { rows: again } = await sql<{ vendor: string }>`
        select vendor from catalog_apps where id = ${first.id}`.execute(owner.db);
        expect(again[0]?.vendor).toBe(first.vendor);
      } finally {
        await writer?.close();
        await sql`drop owned by ${sql.id(role)}`.execute(owner.db).catch(() => {});
        await owner.close();
        await server.drop();
        const admin = await openDatabase({ kind: 'pg', url: process.env.ROSTER_TEST_DATABASE_URL ?? '' });
        await sql`drop role if exists ${sql.id(role)}`.execute(admin.db);
        await admin.close();
      }
    });
  },
);
