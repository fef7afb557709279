import { sql } from 'kysely';
import type { Roster } from '../src/roster.js';
import { seedDirectAccounts } from '../test/support/seed-accounts.js';

/**
 * An organisation at scale, written with SQL (no sync): `apps` apps, `people` people each holding three
 * accounts spread over the apps, each an employee with a priced license per account.
 */
export async function seedOrganisation(roster: Roster, size: { apps: number; people: number }) {
  const APPS = size.apps;
  const PEOPLE = size.people;
  const { db } = roster.database;
  await sql`update organisation_settings set domains = '{bench.example}' where id = 1`.execute(db);
  const source = await db
    .insertInto('sources')
    .values({ kind: 'csv', name: 'Bench', config: '{}', last_success_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`insert into apps (name) select 'Bench App ' || lpad(a::text, 4, '0') from generate_series(0, ${APPS - 1}) a`.execute(
    db,
  );
  await sql`insert into users (email, domain) select 'person' || u || '@bench.example', 'bench.example' from generate_series(0, ${PEOPLE - 1}) u`.execute(
    db,
  );
  // Every person holds three accounts, spread over the apps.
  await seedDirectAccounts(
    db,
    source.id,
    sql`select a.id as app_id, u.id as user_id, 'active'::text as status, 'Person ' || u.id as name,
               null::timestamptz as removed_at, null::timestamptz as last_used_at
        from users u cross join generate_series(0, 2) k
        join apps a on a.id = ((u.id * 3 + k * 337) % ${APPS}) + 1`,
  );
  await sql`insert into employees (source_id, email, status, name)
            select ${source.id}, email, 'active', 'Person ' || id from users`.execute(db);
  // One priced license type per app, assigned with every account: each person has an annual cost.
  await sql`insert into license_types (app_id, source_id, name, price_per_user_cents)
            select id, ${source.id}, 'Standard', 500 + (id % 40) * 100 from apps`.execute(db);
  await sql`insert into account_licenses (account_id, license_type_id, assigned_at)
            select ac.id, lt.id, now() from accounts ac join license_types lt on lt.app_id = ac.app_id`.execute(
    db,
  );
  await roster.database.afterLargeChange();
}
