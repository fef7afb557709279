import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertExpenseLines, insertExpenseSource } from '../../../test/support/expense-figures-lines.js';
import { seedDirectAccounts } from '../../../test/support/seed-accounts.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import {
  accountFactsColumns,
  instanceJoin,
  observationsJoin,
  toAccountFacts,
} from '../accounts/account-facts.js';
import { trailingStart } from '../expenses/annualise.js';
import { type PersonSpend, type PersonSpendRow, personSpendOf } from '../expenses/person-spend.service.js';
import { coveredPeriod, organisationCurrency } from '../expenses/summary.repo.js';
import { listUsers, personEmailOf, showUser, type UserDetail, type UserSummary } from './users.repo.js';

/**
 * The reference reading of a person's spend, part by part: spend on lines whose employee email is one of the person's emails (every email Merge Users linked to
 * them), counted as the totals count it: matched and unmatched converted lines. Annualised over the
 * organisation's covered period, as apps are, so a person's one purchase is not scaled up from a day.
 * Null when no line names them.
 */
async function personSpend(roster: TestRoster, emails: readonly string[]): Promise<PersonSpend | null> {
  const { db } = roster.database;
  const period = await coveredPeriod(db);
  const from = period ? trailingStart(period) : '9999-12-31';
  const lowered = emails.map((email) => email.toLowerCase());
  const { rows } = await sql<PersonSpendRow>`
    select a.name as app, coalesce(sum(l.amount_converted), 0) as total, count(*)::int as lines,
           coalesce(sum(l.amount_converted) filter (where l.date >= ${from}::date), 0) as trailing
    from expense_lines l left join apps a on a.id = l.app_id
    where lower(l.employee_email) = any (${lowered}::text[]) and l.status in ('matched', 'unmatched')
    group by a.name order by total desc`.execute(db);
  if (rows.length === 0) return null;
  return personSpendOf(rows, period, await organisationCurrency(db));
}

const names = ['Ann', 'Bo', null];
const person = fc.record({
  domain: fc.constantFrom('acme.io', 'else.io'),
  employee: fc.option(
    fc.record({
      status: fc.constantFrom('active', 'terminated'),
      name: fc.constantFrom(...names),
      department: fc.option(fc.constantFrom('Sales', 'R&D'), { nil: null }),
      attributes: fc.constantFrom({}, { title: 'Lead', level: 3 }, { b: 1, aa: [1, 'x'] }),
    }),
    { nil: null },
  ),
  accounts: fc.uniqueArray(
    fc.record({
      app: fc.integer({ min: 0, max: 3 }),
      name: fc.constantFrom(...names),
      removed: fc.boolean(),
      // Microseconds, so the answer's millisecond rounding is exercised.
      lastUsed: fc.option(fc.integer({ min: 0, max: 400 * 86_400_000_000 }), { nil: null }),
      licenses: fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { maxLength: 2 }),
    }),
    { maxLength: 3, selector: (a) => a.app },
  ),
  spend: fc.array(
    fc.record({
      app: fc.option(fc.constantFrom('App 0', 'App 2'), { nil: undefined }),
      amount: fc.integer({ min: 1, max: 100_000 }).map((cents) => cents / 100),
      day: fc.integer({ min: 0, max: 500 }),
      ignored: fc.boolean(),
      upper: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
});
const peopleData = fc.record({
  people: fc.array(person, { minLength: 1, maxLength: 8 }),
  prices: fc.tuple(...[0, 1, 2].map(() => fc.option(fc.constantFrom(100, 250, 999), { nil: null }))),
  merges: fc.array(fc.tuple(fc.nat(7), fc.nat(7)), { maxLength: 3 }),
});

/**
 * One person read part by part, each part by its own query, as Roster read it before the one statement:
 * the reference the one-statement answer must equal, byte for byte once serialised.
 */
async function showUserByParts(roster: TestRoster, email: string, row: UserSummary): Promise<UserDetail> {
  const { db } = roster.database;
  const key = row.email;
  const employee = await db
    .selectFrom('employees_of_record as e')
    .innerJoin('sources as s', 's.id', 'e.source_id')
    .select([
      's.name as source',
      'e.status',
      'e.termination_date as terminationDate',
      'e.department',
      'e.manager_email as managerEmail',
      'e.attributes',
    ])
    .where('e.email', '=', key)
    .where('e.removed_at', 'is', null)
    .executeTakeFirst();
  const links = await db
    .selectFrom('person_links as l')
    .innerJoin('users as a', 'a.id', 'l.user_id')
    .innerJoin('sources as s', 's.id', 'l.source_id')
    .select(['a.id', 'a.email', 's.name as source', 'l.field', 'l.raw_value as value'])
    .where('l.primary_user_id', '=', row.id)
    .orderBy('a.email')
    .execute();
  const userIds = [row.id, ...links.map((l) => l.id)];
  const accounts = await sql<Parameters<typeof toAccountFacts>[0] & { app: string; email: string }>`
    select a.name as app, u.email, ${accountFactsColumns}
    from accounts ac join apps a on a.id = ac.app_id join users u on u.id = ac.user_id ${instanceJoin}
    ${observationsJoin}
    where ac.user_id = any (${userIds}::bigint[])
    order by lower(a.name), u.email, ai.source_id is null, isrc.name`.execute(db);
  expect(email).not.toBe('');
  return {
    ...row,
    primaryEmail: row.email,
    emails: [
      { email: row.email, primary: true, linkedBy: null },
      ...links.map((l) => ({
        email: l.email,
        primary: false,
        linkedBy: { source: l.source, field: l.field, value: l.value },
      })),
    ],
    domain: key.slice(key.lastIndexOf('@') + 1),
    employee: employee
      ? { ...employee, attributes: (employee.attributes ?? {}) as Record<string, unknown> }
      : null,
    accounts: accounts.rows.map(toAccountFacts),
    expenseSpend: await personSpend(roster, [row.email, ...links.map((l) => l.email)]),
  };
}

describe.each(lanes)('One person on %s', (lane) => {
  let roster: TestRoster;
  let hr: number;
  let apps: number;
  let expenses: number;

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
    expenses = await insertExpenseSource(roster, 'Card');
  });
  afterAll(() => roster.close());

  async function load(data: typeof peopleData extends fc.Arbitrary<infer T> ? T : never) {
    const { db } = roster.database;
    for (const table of [
      'expense_lines',
      'expense_descriptors',
      'person_links',
      'account_licenses',
      'license_types',
      'account_observations',
      'accounts',
      'app_instances',
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
    const emails: string[] = [];
    const lines: Parameters<typeof insertExpenseLines>[1] = [];
    for (const [i, p] of data.people.entries()) {
      const email = `p${i}@${p.domain}`;
      emails.push(email);
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
            department: p.employee.department,
            termination_date: p.employee.status === 'terminated' ? '2026-03-31' : null,
            attributes: JSON.stringify(p.employee.attributes),
          })
          .execute();
      }
      for (const ac of p.accounts) {
        const lastUsed = ac.lastUsed === null ? null : `2026-01-01T00:00:00Z`;
        await seedDirectAccounts(
          db,
          apps,
          sql`select ${appIds[ac.app]!}::bigint as app_id, ${id}::bigint as user_id, 'active'::text as status,
                     ${ac.name}::text as name, ${ac.removed ? new Date() : null}::timestamptz as removed_at,
                     ${lastUsed}::timestamptz + make_interval(secs => ${ac.lastUsed ?? 0}::float8 / 1e6) as last_used_at`,
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
      for (const line of p.spend) {
        lines.push({
          source: expenses,
          date: new Date(Date.UTC(2025, 0, 1 + line.day)).toISOString().slice(0, 10),
          amount: line.amount,
          vendor: line.app ?? 'Unknown shop',
          app: line.app,
          ignored: line.ignored,
          email: line.upper ? email.toUpperCase() : email,
        });
      }
    }
    await insertExpenseLines(roster, lines);
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
          raw_value: `v${from}`,
        })
        .execute();
    }
    return emails;
  }

  it("answers each person, by any of their emails, as the list's facts and as the reads part by part", async () => {
    await fc.assert(
      fc.asyncProperty(peopleData, async (data) => {
        const emails = await load(data);
        const listed = new Map(
          (await listUsers(roster, { limit: 500 })).items.map((row) => [row.email, row]),
        );
        for (const email of emails) {
          const row = listed.get(await personEmailOf(roster, email));
          expect(row).toBeDefined();
          const shown = await showUser(roster, email.toUpperCase());
          // The person's row is the list's row for them: the same facts, in the same order.
          const summary = Object.fromEntries(
            Object.keys(row!).map((k) => [k, shown[k as keyof UserSummary]]),
          );
          expect(JSON.stringify(summary)).toBe(JSON.stringify(row));
          expect(JSON.stringify(shown)).toBe(JSON.stringify(await showUserByParts(roster, email, row!)));
        }
        await expect(showUser(roster, 'nobody@acme.io')).rejects.toThrow(
          'No user with the email nobody@acme.io',
        );
      }),
      { numRuns: 12 },
    );
  });
});
