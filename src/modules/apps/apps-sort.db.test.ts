import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOrder, type OrderValue, walkPages } from '../../../test/support/list-order.js';
import { seedDirectAccounts } from '../../../test/support/seed-accounts.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { type AppSortField, type AppSummary, appSortFields, listApps } from './apps.repo.js';

// Few distinct values, so equal counts, equal categories and apps without a category are common.
const categories = ['ab', 'b', 'ba'];
const appData = fc.array(
  fc.record({
    name: fc.stringMatching(/^[A-Ca-c]{1,3}$/),
    category: fc.option(fc.constantFrom(...categories), { nil: null }),
    // One account per user and app (a source reports a user once per app).
    accounts: fc.uniqueArray(
      fc.record({
        user: fc.integer({ min: 0, max: 5 }),
        status: fc.constantFrom('active', 'suspended'),
        removed: fc.boolean(),
      }),
      { maxLength: 6, selector: (a) => a.user },
    ),
    licenseTypes: fc.array(fc.boolean(), { maxLength: 3 }),
  }),
  { maxLength: 14 },
);

const shownValue: Record<AppSortField, (a: AppSummary) => OrderValue> = {
  name: (a) => a.name.toLowerCase(),
  users: (a) => a.users,
  activeAccounts: (a) => a.activeAccounts,
  licenseTypes: (a) => a.licenseTypes,
  category: (a) => a.category,
};

describe.each(lanes)('Sorted apps list on %s', (lane) => {
  let roster: TestRoster;
  let source: number;

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    const { db } = roster.database;
    source = (
      await db
        .insertInto('sources')
        .values({ kind: 'csv', name: 'Sort', config: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    for (const category of categories) {
      await sql`insert into catalog_apps (id, name, vendor, category, domains, expense_aliases)
                values (${`sort-${category}`}, ${`Sort catalog ${category}`}, 'Vendor', ${category}, '{}', '{}')`.execute(
        db,
      );
    }
  });
  afterAll(() => roster.close());

  async function load(data: typeof appData extends fc.Arbitrary<infer T> ? T : never) {
    const { db } = roster.database;
    await sql`delete from license_types`.execute(db);
    await sql`delete from account_observations`.execute(db);
    await sql`delete from accounts`.execute(db);
    await sql`delete from app_instances`.execute(db);
    await sql`delete from apps`.execute(db);
    await sql`delete from users`.execute(db);
    await sql`insert into users (email, domain) select 'u' || i || '@acme.io', 'acme.io' from generate_series(0, 5) i`.execute(
      db,
    );
    const seen = new Set<string>();
    const catalogUsed = new Set<string>();
    for (const app of data) {
      if (seen.has(app.name.toLowerCase())) continue;
      seen.add(app.name.toLowerCase());
      // One app per catalog entry: later apps with a taken category stay custom (no category).
      const catalogId = app.category && !catalogUsed.has(app.category) ? `sort-${app.category}` : null;
      if (app.category) catalogUsed.add(app.category);
      const { id } = await db
        .insertInto('apps')
        .values({ name: app.name, catalog_id: catalogId })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const ac of app.accounts) {
        await seedDirectAccounts(
          db,
          source,
          sql`select ${id}::bigint as app_id, u.id as user_id, ${ac.status}::text as status, null::text as name,
                     ${ac.removed ? sql`now()` : null}::timestamptz as removed_at, null::timestamptz as last_used_at
              from users u where u.email = ${`u${ac.user}@acme.io`}`,
        );
      }
      for (const [i, removed] of app.licenseTypes.entries()) {
        await sql`insert into license_types (app_id, source_id, name, removed_at)
                  values (${id}, ${source}, ${`Type ${i}`}, ${removed ? sql`now()` : null})`.execute(db);
      }
    }
    return seen.size;
  }

  it('walks every sort, both ways, page by page, in the documented order', async () => {
    await fc.assert(
      fc.asyncProperty(
        appData,
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
        fc.option(fc.constantFrom('a', 'B', 'c'), { nil: undefined }),
        async (data, limits, search) => {
          const count = await load(data);
          const all = (await listApps(roster, { limit: 500 })).items;
          expect(all).toHaveLength(count);
          const matching = search
            ? all.filter((a) => a.name.toLowerCase().includes(search.toLowerCase()))
            : all;
          for (const field of appSortFields) {
            for (const descending of [false, true]) {
              const sort = descending ? (`-${field}` as const) : field;
              const walked = await walkPages(
                (cursor, limit) => listApps(roster, { sort, cursor, limit, search }),
                limits,
              );
              // Ties: by name regardless of case, then by id (names are unique regardless of case).
              const ties =
                field === 'name'
                  ? [(a: AppSummary) => a.id]
                  : [shownValue.name as (a: AppSummary) => string, (a: AppSummary) => a.id];
              const expected = [...matching].sort(listOrder(shownValue[field], descending, ties));
              expect(walked.items, `sort=${sort}`).toEqual(expected);
            }
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('refuses a cursor made for another sort, and reads the default sort as sort=name', async () => {
    await load([
      { name: 'a', category: null, accounts: [], licenseTypes: [] },
      { name: 'b', category: 'b', accounts: [], licenseTypes: [] },
      { name: 'c', category: null, accounts: [], licenseTypes: [] },
    ]);
    const first = await listApps(roster, { limit: 1, sort: '-users' });
    expect(first.nextCursor).not.toBeNull();
    await expect(
      listApps(roster, { limit: 1, sort: 'users', cursor: first.nextCursor! }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      details: [{ field: 'cursor' }],
    });
    const byDefault = await listApps(roster, { limit: 1 });
    expect(await listApps(roster, { limit: 1, sort: 'name', cursor: byDefault.nextCursor! })).toEqual(
      await listApps(roster, { limit: 1, cursor: byDefault.nextCursor! }),
    );
  });
});
