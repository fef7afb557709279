import { type RawBuilder, sql } from 'kysely';

/**
 * The rules that make a person's listed facts, shared by the query that shows people and the one that
 * orders them, so a list sorts by exactly what it shows. They read the aliases `u` (the user), `e` (the
 * person's employee record) and `st` (settings), and the CTEs of `personContext`.
 */
export const personContext = personContextOf(sql`select user_id, primary_user_id from person_links`);

/**
 * `personContext` with `linked` read by `links` (columns user_id, primary_user_id): one person's read
 * names only that person's links, so it does not read every link of the organisation on each request.
 */
export function personContextOf(links: RawBuilder<unknown>) {
  return sql`settings as (select array(select name from managed_domains) as domains),
       has_employee_source as (select exists (select 1 from employees_of_record) as present),
       linked as (${links})`;
}

/** Which employee record speaks for an email when there are several: an active one, then the oldest. */
export const employeeRecordOrder = sql`status = 'active' desc, id`;

/**
 * The name the user's apps show most often, counting every source's observation (ties: the first name
 * alphabetically); NULL when none.
 */
export const nameInApps = (userId: RawBuilder<unknown>) =>
  sql`(select o.name from accounts ac join account_observations o on o.account_id = ac.id
       where ac.user_id = ${userId} and o.name is not null
       group by o.name order by count(*) desc, o.name limit 1)`;

/**
 * The type comes from, in order: an employee record (active → employee, terminated → past employee);
 * a domain the organisation does not own → external; with an employee source present, an internal
 * address without a record → service/shared account.
 */
export const personType = sql`case when e.status = 'active' then 'employee'
              when e.status = 'terminated' then 'past_employee'
              when not (u.domain = any (st.domains)) then 'external'
              when (select present from has_employee_source) then 'service'
              else 'unknown' end`;

export const personTypeRule = sql`case when e.status = 'active' then 'employee_record_active'
              when e.status = 'terminated' then 'employee_record_terminated'
              when not (u.domain = any (st.domains)) then 'domain_not_configured'
              when (select present from has_employee_source) then 'internal_without_employee_record'
              else 'no_employee_source' end`;

export const personStatus = sql`case when e.status = 'terminated' then 'past' else 'current' end`;

/** Yearly cost from the summed monthly prices of a set of license rows `lt`. */
export const annualCostOf = sql`(sum(lt.price_per_user_cents) * 12 / 100.0)::float8`;
