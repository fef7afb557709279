import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase, lanes } from '../../test/support/test-roster.js';
import { ensureLicenseStates } from '../modules/licenses/license-store.js';
import { type Database, openDatabase } from './database.js';
import { listMigrations, migrate } from './migrate.js';

/**
 * An installation of the previous schema (one account row per source) holding the demo organisation, as the
 * previous version built it through its own syncs, migrated forward: nothing any source reported is lost.
 */
const fixture = JSON.parse(
  gunzipSync(readFileSync(new URL('../../test/fixtures/demo-0009.json.gz', import.meta.url))).toString(
    'utf8',
  ),
) as { now: string; tables: Record<string, Record<string, unknown>[]> };
const fixtureNow = new Date(fixture.now);

async function loadFixture(database: Database): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    // Rows arrive in any order: foreign keys are checked by the data having come from a consistent database.
    await sql`set local session_replication_role = replica`.execute(trx);
    for (const [table, rows] of Object.entries(fixture.tables)) {
      await sql`delete from ${sql.table(table)}`.execute(trx);
      if (rows.length === 0) continue;
      await sql`insert into ${sql.table(table)} overriding system value
                select * from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::json)`.execute(
        trx,
      );
    }
  });
}

type Observed = {
  source: string;
  app: string;
  email: string;
  status: string;
  name: string | null;
  role: string | null;
  removed: boolean;
  lastUsedAt: string | null;
};
type Held = { source: string; app: string; email: string; licenseType: string; removed: boolean };

const byKey = <T extends { source: string; app: string; email: string }>(rows: T[]) =>
  [...rows].sort((a, b) =>
    `${a.source}|${a.app}|${a.email}|${JSON.stringify(a)}`.localeCompare(
      `${b.source}|${b.app}|${b.email}|${JSON.stringify(b)}`,
    ),
  );

const stateCounts = (database: Database) =>
  sql<{ state: string; reason: string; n: number }>`
    select state, reason, sum(n)::int as n from license_state_counts group by state, reason order by state, reason`
    .execute(database.db)
    .then((r) => r.rows);

describe.each(lanes)('the accounts migration on %s', (lane) => {
  let database: Database;
  let cleanup: () => Promise<void>;
  let before: { observed: Observed[]; held: Held[]; states: Awaited<ReturnType<typeof stateCounts>> };

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'roster-migration-'));
    const server = lane === 'postgres' ? await createServerDatabase() : undefined;
    database = await openDatabase(server ? { kind: 'pg', url: server.url } : { kind: 'pglite', dataDir });
    cleanup = async () => {
      await database.close();
      await server?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    };
    await migrate(
      database,
      listMigrations().filter((m) => m.version < '0010'),
    );
    await loadFixture(database);
    const observed = await sql<Observed>`
      select s.name as source, a.name as app, u.email, ac.status, ac.name, ac.role, ac.removed_at is not null as removed,
             (select to_char(max(us.last_used_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')
              from usage us where us.account_id = ac.id) as "lastUsedAt"
      from accounts ac join sources s on s.id = ac.source_id join apps a on a.id = ac.app_id
      join users u on u.id = ac.user_id`.execute(database.db);
    const held = await sql<Held>`
      select s.name as source, a.name as app, u.email, lt.name as "licenseType", al.removed_at is not null as removed
      from account_licenses al join accounts ac on ac.id = al.account_id join license_types lt on lt.id = al.license_type_id
      join sources s on s.id = lt.source_id join apps a on a.id = ac.app_id join users u on u.id = ac.user_id`.execute(
      database.db,
    );
    before = { observed: byKey(observed.rows), held: byKey(held.rows), states: await stateCounts(database) };
    await migrate(database);
  });
  afterAll(async () => {
    await cleanup();
  });

  it('starts from the demo as the previous version stored it: the same users once per source', () => {
    expect(before.observed.length).toBe(fixture.tables.accounts!.length);
    const slack = new Set(before.observed.filter((o) => o.app === 'Slack').map((o) => o.source));
    expect(slack.size).toBeGreaterThan(1);
    expect(before.held.length).toBeGreaterThan(0);
  });

  it("keeps every source's status, name, role, removal and last-used date as that source's observation", async () => {
    const { rows } = await sql<Observed>`
      select s.name as source, a.name as app, u.email, o.status, o.name, o.role, o.removed_at is not null as removed,
             to_char(o.last_used_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as "lastUsedAt"
      from account_observations o join sources s on s.id = o.source_id join apps a on a.id = o.app_id
      join users u on u.id = o.user_id`.execute(database.db);
    expect(byKey(rows)).toEqual(before.observed);
  });

  it('keeps every license assignment, on the account of the user in that app', async () => {
    const { rows } = await sql<Held>`
      select s.name as source, a.name as app, u.email, lt.name as "licenseType", al.removed_at is not null as removed
      from account_licenses al join accounts ac on ac.id = al.account_id join license_types lt on lt.id = al.license_type_id
      join sources s on s.id = lt.source_id join apps a on a.id = ac.app_id join users u on u.id = ac.user_id`.execute(
      database.db,
    );
    expect(byKey(rows)).toEqual(before.held);
  });

  it('makes one account per user per app instance, and each observation belongs to its app and user', async () => {
    const { rows } = await sql<{
      accounts: number;
      keys: number;
      mismatched: number;
      slackRows: number;
      slackUsers: number;
    }>`
      select (select count(*)::int from accounts) as accounts,
             (select count(distinct (instance_id, user_id))::int from accounts) as keys,
             (select count(*)::int from account_observations o join accounts ac on ac.id = o.account_id
              where ac.app_id <> o.app_id or ac.user_id <> o.user_id) as mismatched,
             (select count(*)::int from accounts ac join apps a on a.id = ac.app_id where a.name = 'Slack') as "slackRows",
             (select count(distinct user_id)::int from account_observations o join apps a on a.id = o.app_id
              where a.name = 'Slack') as "slackUsers"`.execute(database.db);
    const r = rows[0]!;
    expect(r.accounts).toBe(r.keys);
    expect(r.mismatched).toBe(0);
    // The demo's Slack has one workspace: one row per user, however many sources saw them.
    expect(r.slackRows).toBe(r.slackUsers);
    expect(r.accounts).toBeLessThan(fixture.tables.accounts!.length);
  });

  it('leaves the totals of licenses and inactive licenses as they were', async () => {
    await ensureLicenseStates(database, fixtureNow, 0);
    expect(await stateCounts(database)).toEqual(before.states);
  });
});
