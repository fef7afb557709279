import { sql } from 'kysely';
import { decodeCursor, encodeCursor, likePattern, type Page } from '../../lib/cursor.js';
import { normaliseEmail } from '../../lib/email.js';
import { notFound } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import {
  type AccountFacts,
  accountFactsColumns,
  lastUsedJoin,
  toAccountFacts,
} from '../accounts/account-facts.js';

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
  apps: number;
}

/**
 * One query shape for listing and showing users. The type comes from, in order: an employee record
 * (active → employee, terminated → past employee); a domain the organisation does not own → external;
 * with an employee source present, an internal address without a record → service/shared account.
 */
const userRows = (where: ReturnType<typeof sql>, limit: number) => sql<UserSummary>`
  with settings as (select domains from organisation_settings where id = 1),
       has_employee_source as (select exists (select 1 from employees where removed_at is null) as present)
  select u.id, u.email,
         coalesce(e.name, an.name) as name,
         case when e.name is not null then 'employee_record' when an.name is not null then 'apps' end as "nameSource",
         case when e.status = 'active' then 'employee'
              when e.status = 'terminated' then 'past_employee'
              when not (u.domain = any (st.domains)) then 'external'
              when (select present from has_employee_source) then 'service'
              else 'unknown' end as type,
         case when e.status = 'active' then 'employee_record_active'
              when e.status = 'terminated' then 'employee_record_terminated'
              when not (u.domain = any (st.domains)) then 'domain_not_configured'
              when (select present from has_employee_source) then 'internal_without_employee_record'
              else 'no_employee_source' end as "typeRule",
         case when e.status = 'terminated' then 'past' else 'current' end as status,
         (select count(distinct app_id)::int from accounts where user_id = u.id and removed_at is null) as apps
  from users u cross join settings st
  left join lateral (select name, status from employees where email = u.email and removed_at is null
                     order by status = 'active' desc, id limit 1) e on true
  left join lateral (select name from accounts where user_id = u.id and name is not null
                     group by name order by count(*) desc, name limit 1) an on true
  where ${where}
  order by u.email
  limit ${limit}`;

export async function listUsers(
  roster: Roster,
  options: { search?: string; cursor?: string; limit?: number },
): Promise<Page<UserSummary>> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const after = decodeCursor(options.cursor, 1);
  const search = options.search?.trim();
  // Search by any email or by name (as HR or any app knows it).
  const matches = search
    ? sql`(u.email ilike ${likePattern(search.toLowerCase())}
           or exists (select 1 from employees em where em.email = u.email and em.name ilike ${likePattern(search)})
           or exists (select 1 from accounts ac where ac.user_id = u.id and ac.name ilike ${likePattern(search)}))`
    : sql`true`;
  const where = sql`${matches} and ${after ? sql`u.email > ${after[0]}` : sql`true`}`;
  const { rows } = await userRows(where, limit + 1).execute(roster.database.db);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.email]) : null };
}

export interface UserAccount extends AccountFacts {
  app: string;
}

export interface UserDetail extends UserSummary {
  domain: string;
  employee: {
    source: string;
    status: string;
    terminationDate: string | null;
    department: string | null;
    managerEmail: string | null;
  } | null;
  accounts: UserAccount[];
}

export async function showUser(roster: Roster, email: string): Promise<UserDetail> {
  const { db } = roster.database;
  const key = normaliseEmail(email);
  const { rows } = await userRows(sql`u.email = ${key}`, 1).execute(db);
  const user = rows[0];
  if (!user) throw notFound(`No user with the email ${key}`);
  const employee = await db
    .selectFrom('employees as e')
    .innerJoin('sources as s', 's.id', 'e.source_id')
    .select([
      's.name as source',
      'e.status',
      'e.termination_date as terminationDate',
      'e.department',
      'e.manager_email as managerEmail',
    ])
    .where('e.email', '=', key)
    .where('e.removed_at', 'is', null)
    .executeTakeFirst();
  const accounts = await sql<UserAccount>`
    select a.name as app, ${accountFactsColumns}
    from accounts ac join apps a on a.id = ac.app_id join sources s on s.id = ac.source_id
    ${lastUsedJoin}
    where ac.user_id = ${user.id}
    order by lower(a.name), s.name`.execute(db);
  return {
    ...user,
    domain: key.slice(key.lastIndexOf('@') + 1),
    employee: employee ?? null,
    accounts: accounts.rows.map(toAccountFacts),
  };
}
