import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../test/support/test-roster.js';
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
