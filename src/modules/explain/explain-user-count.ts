import { sql } from 'kysely';
import type { Roster } from '../../roster.js';
import type { Explanation } from './explanation.js';

/** Why there are more users than employees: a user is an email address with access to an app. */
export async function explainUserCount(roster: Roster): Promise<Explanation> {
  const { rows } = await sql<{
    users: number;
    people: number;
    employees: number;
    external: number;
    service: number;
    past: number;
    merged: number;
    hasEmployeeSource: boolean;
  }>`
    with settings as (select array(select name from managed_domains) as domains),
    people as (
      select u.*, (select status from employees_of_record e where e.email = u.email
                   order by e.status = 'active' desc limit 1) as employee_status
      from users u where not exists (select 1 from person_links l where l.user_id = u.id)
    )
    select (select count(*)::int from users) as users,
           (select count(*)::int from people) as people,
           (select count(*)::int from people where employee_status = 'active') as employees,
           (select count(*)::int from people p cross join settings s where p.employee_status is null and not (p.domain = any (s.domains))) as external,
           (select count(*)::int from people p cross join settings s where p.employee_status is null and p.domain = any (s.domains)) as service,
           (select count(*)::int from people where employee_status = 'terminated') as past,
           (select count(*)::int from person_links) as merged,
           exists (select 1 from employees_of_record) as "hasEmployeeSource"`.execute(roster.database.db);
  const f = rows[0]!;
  const causes: Explanation['causes'] = [];
  const toImprove: string[] = [];
  if (!f.hasEmployeeSource) {
    causes.push({
      code: 'no_employee_source',
      text: 'No employee source of truth is connected, so Roster cannot tell employees from other addresses.',
    });
    toImprove.push('Connect an HR system or identity provider as the employee source of truth.');
  } else {
    if (f.service)
      causes.push({
        code: 'service_accounts',
        text: `${f.service} addresses in your own domains belong to no employee: shared and service accounts.`,
        count: f.service,
      });
    if (f.external)
      causes.push({
        code: 'external_users',
        text: `${f.external} users are on domains you do not own: contractors and other external users.`,
        count: f.external,
      });
    if (f.past)
      causes.push({
        code: 'past_employees',
        text: `${f.past} users are past employees who still have accounts.`,
        count: f.past,
      });
  }
  if (f.merged)
    causes.push({
      code: 'merged',
      text: `${f.merged} additional emails are merged into people (Merge Users) and counted once.`,
      count: f.merged,
    });
  else toImprove.push('Turn on Merge Users so that several emails of one person count once.');
  return {
    what: 'user-count',
    subject: null,
    figure: { users: f.users, people: f.people, employees: f.employees },
    computation:
      'A user is a unique email address with access to at least one app, so users outnumber employees.',
    sources: [],
    causes,
    excluded: f.merged ? [{ what: 'merged emails', count: f.merged, why: 'counted with their person' }] : [],
    toImprove,
  };
}
