import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

export interface OffboardingCandidate {
  primaryEmail: string;
  /** Why the person is past: terminated, termination date reached, or gone from the employee source. */
  reason: string;
  source: string;
  /** Accounts an offboarding would list, any status. */
  accounts: number;
  activeAccounts: number;
}

/**
 * People who became past in the employee source of truth and have no offboarding yet: a record terminated,
 * its termination date reached, or no longer listed — while none of their emails has a current record.
 */
export async function offboardingCandidates(db: Kysely<DB>, today: string): Promise<OffboardingCandidate[]> {
  const { rows } = await sql<{
    email: string;
    reason: string;
    source: string;
    accounts: number;
    active_accounts: number;
  }>`
    with past_records as (
      select e.email, s.name as source,
             case when e.removed_at is not null then 'no longer listed by ' || s.name || ' since ' || to_char(e.removed_at at time zone 'UTC', 'YYYY-MM-DD')
                  when e.status = 'terminated' then 'terminated in ' || s.name
                    || coalesce(' (termination date ' || e.termination_date::text || ')', '')
                  else 'termination date ' || e.termination_date::text || ' reached (' || s.name || ')' end as reason,
             row_number() over (partition by e.email order by e.removed_at is null desc, e.id) as n
      from employees e join sources s on s.id = e.source_id
      where e.source_id in (select id from employee_sources)
        and (e.removed_at is not null or e.status = 'terminated' or e.termination_date <= ${today}::date)
    ),
    people as (
      select distinct on (p.id) p.id, p.email, r.reason, r.source
      from past_records r join users u on u.email = r.email
      left join person_links l on l.user_id = u.id
      join users p on p.id = coalesce(l.primary_user_id, u.id)
      where r.n = 1
      order by p.id, (u.id = p.id) desc
    ),
    person_users as (
      select pe.id as person_id, pe.id as user_id, pe.email from people pe
      union all
      select pe.id, l.user_id, u.email from people pe join person_links l on l.primary_user_id = pe.id
      join users u on u.id = l.user_id
    )
    select pe.email, pe.reason, pe.source,
           (select count(*)::int from accounts ac join person_users pu on pu.user_id = ac.user_id
             where pu.person_id = pe.id) as accounts,
           (select count(*)::int from accounts ac join person_users pu on pu.user_id = ac.user_id
             where pu.person_id = pe.id and ac.status = 'active' and ac.removed_at is null) as active_accounts
    from people pe
    where not exists (select 1 from offboardings o where o.user_id = pe.id)
      and not exists (
        select 1 from employees_of_record e join person_users pu on pu.email = e.email
        where pu.person_id = pe.id and e.status = 'active'
          and (e.termination_date is null or e.termination_date > ${today}::date))
    order by pe.email`.execute(db);
  return rows.map((r) => ({
    primaryEmail: r.email,
    reason: r.reason,
    source: r.source,
    accounts: r.accounts,
    activeAccounts: r.active_accounts,
  }));
}
