import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOrder, type OrderValue, walkPages } from '../../../test/support/list-order.js';
import { seedDirectAccounts } from '../../../test/support/seed-accounts.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { type UserSortField, userSortFields } from './people-order.js';
import { listUsers, type UserSummary } from './users.repo.js';

// Few distinct values, so equal names, counts, costs, types and missing names and costs are common.
const names = ['Ann', 'ann', 'Bo', 'bob'];
const person = fc.record({
  domain: fc.constantFrom('acme.io', 'else.io'),
  employee: fc.option(
    fc.record({
      status: fc.constantFrom('active', 'terminated'),
      name: fc.option(fc.constantFrom(...names), { nil: null }),
    }),
    { nil: null },
  ),
  accounts: fc.uniqueArray(
    fc.record({
      app: fc.integer({ min: 0, max: 3 }),
      name: fc.option(fc.constantFrom(...names), { nil: null }),
      removed: fc.boolean(),
      licenses: fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { maxLength: 2 }),
    }),
    { maxLength: 3, selector: (a) => a.app },
  ),
});
type Person = typeof person extends fc.Arbitrary<infer T> ? T : never;
const peopleData = fc.record({
  people: fc.array(person, { maxLength: 12 }),
  prices: fc.tuple(...[0, 1, 2].map(() => fc.option(fc.constantFrom(100, 250), { nil: null }))),
  merges: fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { maxLength: 3 }),
});

/**
 * A person's name as the list should show it: their employee record's; else the name their accounts show
 * most often, removed accounts too, ties going to the first name in code-point order; else none.
 */
function expectedName(p: Person) {
  if (p.employee?.name) return { name: p.employee.name, nameSource: 'employee_record' };
  const counts = new Map<string, number>();
  for (const ac of p.accounts) if (ac.name !== null) counts.set(ac.name, (counts.get(ac.name) ?? 0) + 1);
  const [best] = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  return best ? { name: best[0], nameSource: 'apps' } : { name: null, nameSource: null };
}

const shownValue: Record<UserSortField, (u: UserSummary) => OrderValue> = {
  email: (u) => u.email,
  name: (u) => u.name?.toLowerCase() ?? null,
  apps: (u) => u.apps,
  annualCost: (u) => u.annualCost,
  type: (u) => u.type,
  status: (u) => u.status,
};

describe.each(lanes)('Sorted people list on %s', (lane) => {
  let roster: TestRoster;
  let hr: number;
  let apps: number;

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    const { db } = roster.database;
    await sql`update organisation_settings set domains = '{acme.io}' where id = 1`.execute(db);
    const source = async (name: string) =>
      (
        await db
          .insertInto('sources')
          .values({ kind: 'csv', name, config: '{}' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    hr = await source('HR');
    apps = await source('Apps');
  });
  afterAll(() => roster.close());

  async function load(data: typeof peopleData extends fc.Arbitrary<infer T> ? T : never) {
    const { db } = roster.database;
    for (const table of [
      'person_links',
      'account_licenses',
      'license_types',
      'accounts',
      'employees',
      'apps',
      'users',
    ]) {
      await sql`delete from ${sql.table(table)}`.execute(db);
    }
    await sql`insert into apps (name) select 'App ' || i from generate_series(0, 3) i`.execute(db);
    const appIds = (await db.selectFrom('apps').select('id').orderBy('name').execute()).map((a) => a.id);
    const typeIds: number[] = [];
    for (const [i, price] of data.prices.entries()) {
      const { id } = await db
        .insertInto('license_types')
        .values({ app_id: appIds[i % 2]!, source_id: apps, name: `Type ${i}`, price_per_user_cents: price })
        .returning('id')
        .executeTakeFirstOrThrow();
      typeIds.push(id);
    }
    const userIds: number[] = [];
    // Same length and punctuation in every email, so any collation orders them as JavaScript does.
    for (const [i, p] of data.people.entries()) {
      const email = `p${String(i).padStart(2, '0')}@${p.domain}`;
      const { id } = await db
        .insertInto('users')
        .values({ email, domain: p.domain })
        .returning('id')
        .executeTakeFirstOrThrow();
      userIds.push(id);
      if (p.employee) {
        await db
          .insertInto('employees')
          .values({
            source_id: hr,
            email,
            status: p.employee.status,
            name: p.employee.name,
            attributes: '{}',
          })
          .execute();
      }
      for (const ac of p.accounts) {
        await seedDirectAccounts(
          db,
          apps,
          sql`select ${appIds[ac.app]!}::bigint as app_id, ${id}::bigint as user_id, 'active'::text as status,
                     ${ac.name}::text as name, ${ac.removed ? new Date() : null}::timestamptz as removed_at,
                     null::timestamptz as last_used_at`,
        );
        const { id: accountId } = await db
          .selectFrom('accounts')
          .select('id')
          .where('app_id', '=', appIds[ac.app]!)
          .where('user_id', '=', id)
          .executeTakeFirstOrThrow();
        for (const t of ac.licenses) {
          await db
            .insertInto('account_licenses')
            .values({ account_id: accountId, license_type_id: typeIds[t]! })
            .execute();
        }
      }
    }
    // Merged users: counted with their person, and not listed themselves.
    const linked = new Set<number>();
    const primaries = new Set<number>();
    for (const [from, to] of data.merges) {
      const user = userIds[from];
      const primary = userIds[to];
      if (user === undefined || primary === undefined || user === primary) continue;
      if (linked.has(user) || primaries.has(user) || linked.has(primary)) continue;
      linked.add(user);
      primaries.add(primary);
      await db
        .insertInto('person_links')
        .values({
          user_id: user,
          primary_user_id: primary,
          source_id: hr,
          field: 'otherMails',
          raw_value: 'x',
        })
        .execute();
    }
    return userIds.length - linked.size;
  }

  it('walks every sort, both ways, page by page, in the documented order, with the same total', async () => {
    await fc.assert(
      fc.asyncProperty(
        peopleData,
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
        fc.option(fc.constantFrom('ann', 'p0', 'else'), { nil: undefined }),
        async (data, limits, search) => {
          const people = await load(data);
          expect((await listUsers(roster, { limit: 500 })).items).toHaveLength(people);
          const matching = await listUsers(roster, { limit: 500, search });
          for (const field of userSortFields) {
            for (const descending of [false, true]) {
              const sort = descending ? (`-${field}` as const) : field;
              const totals = new Set<number>();
              const walked = await walkPages(async (cursor, limit) => {
                const page = await listUsers(roster, { sort, cursor, limit, search });
                totals.add(page.total);
                return page;
              }, limits);
              const expected = [...matching.items].sort(
                listOrder(shownValue[field], descending, [(u) => u.email]),
              );
              expect(walked.items, `sort=${sort}`).toEqual(expected);
              expect([...totals], `sort=${sort}`).toEqual([matching.total]);
            }
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('names each person by their employee record, else by the name most of their apps show', async () => {
    await fc.assert(
      fc.asyncProperty(peopleData, async (data) => {
        await load(data);
        for (const shown of (await listUsers(roster, { limit: 500 })).items) {
          const p = data.people[Number(shown.email.slice(1, 3))]!;
          expect({ name: shown.name, nameSource: shown.nameSource }, shown.email).toEqual(expectedName(p));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('refuses a cursor made for another sort', async () => {
    await load({
      people: [0, 1, 2].map(() => ({ domain: 'acme.io', employee: null, accounts: [] })),
      prices: [null, null, null],
      merges: [],
    });
    const first = await listUsers(roster, { limit: 1, sort: 'name' });
    expect(first.nextCursor).not.toBeNull();
    await expect(
      listUsers(roster, { limit: 1, sort: '-name', cursor: first.nextCursor! }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      details: [{ field: 'cursor' }],
    });
  });
});
