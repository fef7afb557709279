-- Domains an identity provider lists as the organisation's own (Entra verified domains, Google domains and
-- domain aliases). Kept per source like everything a source reports, and marked removed, never deleted.
create table source_domains (
  source_id bigint not null references sources (id) on delete cascade,
  name text not null,
  verified boolean not null default true,
  first_seen_at timestamptz not null,
  removed_at timestamptz,
  primary key (source_id, name)
);

-- The organisation's domains: those an admin configured plus the verified domains of connected identity
-- providers. A user on any other domain is external.
create view managed_domains as
  select unnest(domains) as name from organisation_settings where id = 1
  union
  select d.name from source_domains d join sources s on s.id = d.source_id
  where d.removed_at is null and d.verified and s.disconnected_at is null;

-- Data a source declares it can give but this organisation cannot (an Entra tenant without the licence for
-- sign-in activity), with the provider's reason, as of the source's last successful sync.
alter table sources add column unavailable jsonb not null default '[]';

-- The employee source of truth an admin chose; without one Roster uses the HR sources, else the IdPs.
alter table organisation_settings add column employee_source_id bigint references sources (id) on delete set null;

-- Sources whose employee records decide who is an employee: the chosen source while it is connected;
-- otherwise every connected source that reports employees but no accounts (an HR system); otherwise every
-- connected source that reports employees (identity providers).
create view employee_sources as
  with chosen as (
    select s.id from organisation_settings o join sources s on s.id = o.employee_source_id
    where o.id = 1 and s.disconnected_at is null
  ),
  reporting as (
    select s.id,
           exists (select 1 from accounts a where a.source_id = s.id and a.removed_at is null) as has_accounts
    from sources s
    where s.disconnected_at is null
      and exists (select 1 from employees e where e.source_id = s.id and e.removed_at is null)
  )
  select id from chosen
  union all
  select id from reporting where not has_accounts and not exists (select 1 from chosen)
  union all
  select id from reporting where has_accounts and not exists (select 1 from chosen)
    and not exists (select 1 from reporting where not has_accounts);

-- Employee records of the employee source of truth: the only ones that make a user an employee.
create view employees_of_record as
  select e.* from employees e
  where e.removed_at is null and e.source_id in (select id from employee_sources);
