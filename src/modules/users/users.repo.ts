import { type RawBuilder, sql } from 'kysely';
import { likePattern, type Page } from '../../lib/cursor.js';
import { normaliseEmail } from '../../lib/email.js';
import { notFound } from '../../lib/errors.js';
import type { SortParam } from '../../lib/list-sort.js';
import type { Roster } from '../../roster.js';
import {
  type AccountFacts,
  accountFactsColumns,
  observationsJoin,
  toAccountFacts,
} from '../accounts/account-facts.js';
import type { CoveredPeriod } from '../expenses/annualise.js';
import { type PersonSpend, type PersonSpendRow, personSpendOf } from '../expenses/person-spend.service.js';
import { peopleInOrder, type UserSortField } from './people-order.js';
import {
  annualCostOf,
  employeeRecordOrder,
  nameInApps,
  personContext,
  personContextOf,
  personStatus,
  personType,
  personTypeRule,
} from './person-facts.js';

export type UserType = 'employee' | 'past_employee' | 'external' | 'service' | 'unknown';

export interface UserSummary {
  id: number;
  email: string;
  /** Best-known name: the employee record (HR/IdP), else the name most apps show. */
  name: string | null;
  nameSource: 'employee_record' | 'apps' | null;
  type: UserType;
  /** The rule that decided the type. */
  typeRule: string;
  status: 'current' | 'past';
  /** Distinct apps in which any of the person's emails has an active account. */
  apps: number;
  /** The person's other emails (Merge Users); empty when nothing is merged into this user. */
  additionalEmails: string[];
  /** Yearly cost of the active licenses across all emails; null when no license has a known price. */
  annualCost: number | null;
}

/**
 * One row shape for listing and showing users: the columns and joins of a person's row over `users u`, read
 * with the CTEs of `personContext` (`linked` holding at least the person's own links). A row is a person:
 * users merged into another by Merge Users are left out and counted with their primary (apps, cost, emails);
 * status and type are the primary's.
 */
const personRowColumns = sql`u.id, u.email,
         coalesce(e.name, an.name) as name,
         case when e.name is not null then 'employee_record' when an.name is not null then 'apps' end as "nameSource",
         ${personType} as type,
         ${personTypeRule} as "typeRule",
         ${personStatus} as status,
         (select count(distinct ac.app_id)::int from accounts ac
          where ac.removed_at is null and ac.status = 'active' and ac.user_id = any (array[u.id] || array(select user_id from linked where primary_user_id = u.id))) as apps,
         array(select a.email from linked l join users a on a.id = l.user_id where l.primary_user_id = u.id order by a.email) as "additionalEmails",
         (select ${annualCostOf} from accounts ac
          join account_licenses al on al.account_id = ac.id and al.removed_at is null
          join license_types lt on lt.id = al.license_type_id
          where ac.removed_at is null and ac.user_id = any (array[u.id] || array(select user_id from linked where primary_user_id = u.id))) as "annualCost"
  -- Apps and cost read the person's accounts by "user_id = any (their ids)": an "or" there made both a
  -- full scan of accounts per row (a page of 50 people out of 50,000 took 0.9 s; now milliseconds).
  from users u cross join settings st
  left join lateral (select name, status from employees_of_record where email = u.email
                     order by ${employeeRecordOrder} limit 1) e on true
  -- The apps' name is looked for only when there is no employee record's name (most people have one).
  left join lateral (select case when e.name is null then ${nameInApps(sql`u.id`)} end as name) an on true`;

/** The list's rows, by email; listUsers puts them in the order of the sort. */
const userRows = (where: RawBuilder<unknown>, limit: number) => sql<UserSummary>`
  with ${personContext}
  select ${personRowColumns}
  where not exists (select 1 from linked l where l.user_id = u.id) and ${where}
  order by u.email
  limit ${limit}`;

export async function listUsers(
  roster: Roster,
  options: {
    search?: string;
    cursor?: string;
    limit?: number;
    sort?: SortParam<UserSortField>;
    /** false when only the pages are wanted (a download): the count reads every person again. */
    countTotal?: boolean;
  },
): Promise<Page<UserSummary> & { total: number }> {
  const { db } = roster.database;
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const search = options.search?.trim();
  // Search by any email or by name (as HR or any app knows it).
  const matches = search
    ? sql`(u.email ilike ${likePattern(search.toLowerCase())}
           or exists (select 1 from person_links pl join users a on a.id = pl.user_id
                      where pl.primary_user_id = u.id and a.email ilike ${likePattern(search.toLowerCase())})
           or exists (select 1 from employees_of_record em where em.email = u.email and em.name ilike ${likePattern(search)})
           or exists (select 1 from account_observations o where o.user_id = u.id and o.name ilike ${likePattern(search)}))`
    : sql`true`;
  // The page's people in the sort's order first, then their rows: ordering 50,000 people needs only the
  // sorted value, not every fact of every person.
  const ordered = await peopleInOrder(roster, { matches, sort: options.sort, cursor: options.cursor, limit });
  const ids = ordered.ids;
  const { rows } = ids.length
    ? await userRows(sql`u.id = any (${ids}::bigint[])`, ids.length).execute(db)
    : { rows: [] };
  const byId = new Map(rows.map((row) => [row.id, row]));
  // People, not emails: users merged into another person are counted with that person. "not in" (user_id is
  // never null) hashes the links once; "not exists" was planned as a scan of the links per person while
  // there were few, 30-50 ms for 50,000 people.
  const { rows: counted } =
    options.countTotal === false
      ? { rows: [] }
      : await sql<{ total: number }>`
    select count(*)::int as total from users u
    where u.id not in (select user_id from person_links) and ${matches}`.execute(db);
  return {
    items: ids.map((id) => byId.get(id)).filter((row) => row !== undefined),
    total: counted[0]?.total ?? 0,
    nextCursor: ordered.nextCursor,
  };
}

export interface UserAccount extends AccountFacts {
  app: string;
}

export interface PersonEmail {
  email: string;
  primary: boolean;
  /** Why this email belongs to the person: the source, field and raw value that linked it. */
  linkedBy: { source: string; field: string; value: string } | null;
}

export interface UserDetail extends UserSummary {
  primaryEmail: string;
  emails: PersonEmail[];
  domain: string;
  employee: {
    source: string;
    status: string;
    terminationDate: string | null;
    department: string | null;
    managerEmail: string | null;
    /** Extra fields an admin chose to sync from the HR system or IdP. */
    attributes: Record<string, unknown>;
  } | null;
  /** Every account of every email of the person, active and removed; `email` says whose it is. */
  accounts: (UserAccount & { email: string })[];
  /** Expense lines paid by any of the person's emails: spend beside the license cost, never in it. */
  expenseSpend: PersonSpend | null;
}

/** The person an email belongs to: the primary email when Merge Users merged it, else the email itself. */
export async function personEmailOf(roster: Roster, email: string): Promise<string> {
  const key = normaliseEmail(email);
  const row = await roster.database.db
    .selectFrom('person_links as l')
    .innerJoin('users as a', 'a.id', 'l.user_id')
    .innerJoin('users as p', 'p.id', 'l.primary_user_id')
    .select('p.email')
    .where('a.email', '=', key)
    .executeTakeFirst();
  return row?.email ?? key;
}

interface PersonRead {
  user: UserSummary | null;
  employee: (Omit<NonNullable<UserDetail['employee']>, 'attributes'> & { attributes: unknown }) | null;
  links: { email: string; source: string; field: string; value: string }[];
  accounts: Parameters<typeof toAccountFacts<UserAccount & { email: string }>>[0][];
  spend: PersonSpendRow[];
  period: CoveredPeriod | null;
  currency: string | null;
}

/**
 * The accounts of the person's emails (`person`, `emails`), with their user, app and instance, each looked up
 * by its key. The OFFSET 0 keeps each lateral lookup from being merged into one join: merged, a generic plan
 * (the prepared statement's) expects a few dozen accounts and hashes every app, instance and user instead,
 * which cost about half of the statement's time (`bench/RESULTS.md`, api). Same rows as `instanceJoin`.
 */
const personAccountsFrom = sql`from unnest(array(select id from person) || array(select id from emails)) as owner(id)
  cross join lateral (select email from users where id = owner.id offset 0) u
  cross join lateral (select id, name, status, role, removed_at, app_id, instance_id from accounts
                      where user_id = owner.id offset 0) ac
  cross join lateral (select name from apps where id = ac.app_id offset 0) a
  cross join lateral (select source_id from app_instances where id = ac.instance_id offset 0) ai
  left join sources isrc on isrc.id = ai.source_id`;

/**
 * One person in one statement: their row (the list's columns), employee record, linked emails, every account
 * of every email and their spend by app, each as JSON. The person the asked email belongs to is its primary
 * email when merged (as personEmailOf). Every part reads by index from the person's ids: `linked` holds only
 * the person's own links.
 */
const personRead = (asked: string) => sql<PersonRead>`
  with asked as (
    select u.id from users u
    where u.email = coalesce((select p.email from person_links l
                              join users a on a.id = l.user_id join users p on p.id = l.primary_user_id
                              where a.email = ${asked}), ${asked})
      and not exists (select 1 from person_links l where l.user_id = u.id)),
  ${personContextOf(sql`select user_id, primary_user_id from person_links where primary_user_id = (select id from asked)`)},
  person as (select ${personRowColumns} where u.id = (select id from asked)),
  emails as (
    select a.id, a.email, s.name as source, l.field, l.raw_value as value
    from person_links l join users a on a.id = l.user_id join sources s on s.id = l.source_id
    where l.primary_user_id = (select id from asked)),
  period as (select min(first_date) as "from", max(last_date) as "to" from expense_line_totals
             where status in ('matched', 'unmatched') and converted)
  select (select row_to_json(person) from person) as "user",
    (select row_to_json(r) from (
       select s.name as source, e.status, e.termination_date as "terminationDate", e.department,
              e.manager_email as "managerEmail", e.attributes
       from employees_of_record e join sources s on s.id = e.source_id
       where e.email = (select email from person) and e.removed_at is null limit 1) r) as employee,
    (select coalesce(json_agg(json_build_object('email', email, 'source', source, 'field', field, 'value', value)
                              order by email), '[]') from emails) as links,
    (select coalesce(json_agg(r.facts order by r.app_key, r.email, r.unmanaged, r.instance_key), '[]') from (
       select (select row_to_json(f) from (
                 select a.name as app, u.email, ${accountFactsColumns}) f) as facts,
              lower(a.name) as app_key, u.email, ai.source_id is null as unmanaged, isrc.name as instance_key
       ${personAccountsFrom}
       ${observationsJoin}) r) as accounts,
    (select coalesce(json_agg(r order by r.total desc), '[]') from (
       select a.name as app, coalesce(sum(l.amount_converted), 0) as total, count(*)::int as lines,
              coalesce(sum(l.amount_converted) filter (
                where l.date >= coalesce((select (date_trunc('month', "to"::timestamp) - interval '11 months')::date
                                          from period), '9999-12-31')), 0) as trailing
       from expense_lines l left join apps a on a.id = l.app_id
       where lower(l.employee_email) = any (array(select email from person) || array(select email from emails))
         and l.status in ('matched', 'unmatched')
       group by a.name) r) as spend,
    (select case when "from" is not null and "to" is not null
                 then json_build_object('from', "from", 'to', "to") end from period) as period,
    (select currency from organisation_settings limit 1) as currency`;

export async function showUser(roster: Roster, email: string): Promise<UserDetail> {
  const asked = normaliseEmail(email);
  const [read] = await roster.database.prepared(
    'roster_show_user',
    personRead(asked).compile(roster.database.db),
  );
  const user = read?.user;
  if (!read || !user) throw notFound(`No user with the email ${asked}`);
  const key = user.email;
  const { employee, links } = read;
  return {
    ...user,
    primaryEmail: user.email,
    emails: [
      { email: user.email, primary: true, linkedBy: null },
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
    accounts: read.accounts.map(toAccountFacts),
    expenseSpend: personSpendOf(read.spend, read.period, read.currency ?? 'USD'),
  };
}
