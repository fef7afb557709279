-- One account per user per app instance, with every source's observation of it.
--
-- Until now `accounts` held one row per source that mentioned a user in an app, so an identity provider's
-- SSO assignment and the app's own integration showed the same person twice. An *app instance* is one
-- connected copy of an app that a direct source reads (a Slack workspace); an account is a user in an
-- instance; an observation is what one source reported about that account. Partial sources (SSO
-- assignments and sign-ins, OAuth grants) create no instance: their observations join the user's account
-- in a direct instance, or the app's unmanaged instance when no direct source lists the user.

create table app_instances (
  id bigint generated always as identity primary key,
  app_id bigint not null references apps (id) on delete cascade,
  -- The direct source that reads this copy of the app; null for the unmanaged instance.
  source_id bigint references sources (id),
  created_at timestamptz not null default now()
);
create unique index app_instances_direct_key on app_instances (app_id, source_id) where source_id is not null;
create unique index app_instances_unmanaged_key on app_instances (app_id) where source_id is null;

-- The per-source rows become observations below; the old table goes at the end.
drop view employees_of_record;
drop view employee_sources;
alter table accounts rename to accounts_by_source;
-- Its constraint and index names are wanted by the new table.
alter table accounts_by_source drop constraint accounts_pkey, drop constraint accounts_source_id_app_id_user_id_key;
drop index accounts_user_idx, accounts_app_idx;

-- Which sources read an app directly, as the source kinds of this version say: identity providers are
-- direct for their own app only (their other apps are SSO assignments), every other kind for what it feeds.
insert into app_instances (app_id, source_id, created_at)
select x.app_id, x.source_id, min(s.created_at)
from (select app_id, source_id from accounts_by_source union select app_id, source_id from license_types) x
join sources s on s.id = x.source_id
join apps a on a.id = x.app_id
where case s.kind
        when 'microsoft-entra' then lower(a.name) = 'microsoft 365'
        when 'google-workspace' then lower(a.name) = 'google workspace'
        when 'okta' then lower(a.name) = 'okta'
        else true
      end
group by x.app_id, x.source_id;

-- Each old row's account: its own instance when its source is direct; else the user's account in a direct
-- instance of the app (one still listing the user first); else the app's unmanaged instance.
create temporary table account_placement on commit drop as
select o.*, own.id as own_instance_id,
       first_value(own.id) over (partition by o.app_id, o.user_id
                                 order by own.id is null, o.removed_at is not null, own.id) as direct_instance_id
from accounts_by_source o
left join app_instances own on own.app_id = o.app_id and own.source_id = o.source_id;

insert into app_instances (app_id, source_id, created_at)
select app_id, null, min(first_seen_at) from account_placement where direct_instance_id is null group by app_id;

alter table account_placement add column instance_id bigint, add column account_id bigint;
update account_placement p set instance_id = coalesce(p.own_instance_id, p.direct_instance_id, um.id)
from app_instances um where um.app_id = p.app_id and um.source_id is null;
update account_placement set instance_id = coalesce(own_instance_id, direct_instance_id) where instance_id is null;
-- An account keeps the id of its oldest row, so most ids (and what refers to them) stay as they were.
update account_placement p set account_id = g.id
from (select instance_id, user_id, min(id) as id from account_placement group by instance_id, user_id) g
where g.instance_id = p.instance_id and g.user_id = p.user_id;

-- accounts, account_observations and account_licenses carry no foreign keys: only the sync engine writes
-- them, always from joins against existing rows, and per-row checks tripled the cost of a large sync.
create table account_observations (
  account_id bigint not null,
  source_id bigint not null,
  app_id bigint not null,
  user_id bigint not null,
  external_id text,
  -- The name as this source shows the user (may be empty: the app knows only the email).
  name text,
  status text not null check (status in ('active', 'suspended', 'deleted')),
  role text,
  -- The license types as this source listed them; the assignments themselves are in account_licenses.
  license_types text[] not null default '{}',
  -- The last use this source reported; a source that stops reporting a date keeps its last word.
  last_used_at timestamptz,
  first_seen_at timestamptz not null,
  -- Set when a complete sync of the source no longer lists the user; cleared when they return. Never deleted.
  removed_at timestamptz,
  -- While listed the user was last seen by the source's last successful sync; on removal this records that
  -- moment, so listed observations need no write on every sync.
  last_seen_at timestamptz,
  primary key (account_id, source_id),
  unique (source_id, app_id, user_id)
);

insert into account_observations (account_id, source_id, app_id, user_id, external_id, name, status, role,
                                  last_used_at, first_seen_at, removed_at, last_seen_at)
select p.account_id, p.source_id, p.app_id, p.user_id, p.external_id, p.name, p.status, p.role,
       (select max(u.last_used_at) from usage u where u.account_id = p.id), p.first_seen_at, p.removed_at, p.last_seen_at
from account_placement p;

-- The one rule that gives an account its status, name, role and removal from its observations: the direct
-- source's observation when there is one (a user the app lists as deleted is deleted, whatever SSO says);
-- else the partial sources', one still listing the user first, then the most recently synced source.
-- Last use is not decided here: it is the most recent date over all observations (`usage`).
create view account_precedence as
select distinct on (o.account_id) o.account_id, o.source_id, o.name, o.status, o.role, o.removed_at, o.last_seen_at
from account_observations o
join sources s on s.id = o.source_id
left join app_instances i on i.app_id = o.app_id and i.source_id = o.source_id
order by o.account_id,
         i.id is null,
         o.removed_at is not null,
         o.removed_at desc,
         s.last_success_at desc nulls last,
         o.source_id desc;

create table accounts (
  id bigint generated by default as identity primary key,
  app_id bigint not null,
  instance_id bigint not null,
  user_id bigint not null,
  -- Derived from the observations by account_precedence; kept here so lists count and sort without it.
  name text,
  status text not null check (status in ('active', 'suspended', 'deleted')),
  role text,
  first_seen_at timestamptz not null,
  removed_at timestamptz,
  last_seen_at timestamptz,
  unique (app_id, instance_id, user_id)
);
-- PostgreSQL <= 17 cannot use a leading-column-less index for user lookups: index the user side.
create index accounts_user_idx on accounts (user_id);

insert into accounts (id, app_id, instance_id, user_id, name, status, role, first_seen_at, removed_at, last_seen_at)
select g.account_id, g.app_id, g.instance_id, g.user_id, d.name, d.status, d.role, g.first_seen_at, d.removed_at,
       d.last_seen_at
from (select account_id, min(app_id) as app_id, min(instance_id) as instance_id, min(user_id) as user_id,
             min(first_seen_at) as first_seen_at
      from account_placement group by account_id) g
join account_precedence d on d.account_id = g.account_id;
select setval(pg_get_serial_sequence('accounts', 'id'), coalesce((select max(id) from accounts), 0) + 1, false);

-- Licenses belong to the account; the license type says which (direct) source assigned them.
update account_licenses al set account_id = p.account_id
from account_placement p where p.id = al.account_id and p.account_id <> p.id;

update account_observations o set license_types = l.names
from (select al.account_id, lt.source_id, array_agg(lt.name order by lt.name) as names
      from account_licenses al join license_types lt on lt.id = al.license_type_id
      where al.removed_at is null group by al.account_id, lt.source_id) l
where l.account_id = o.account_id and l.source_id = o.source_id;

-- Last use per account and source, read by the license states and every view of an account.
drop table usage;
create view usage as
select account_id, source_id, last_used_at from account_observations where last_used_at is not null;

drop table accounts_by_source;

-- License states refer to accounts: computed again at the next read.
delete from license_states;
delete from license_state_counts;
update license_states_status set stale_all = true where id = 1;

-- Unchanged from 0008 but for reading observations: a source that reports accounts is an identity provider.
create view employee_sources as
  with chosen as (
    select s.id from organisation_settings o join sources s on s.id = o.employee_source_id
    where o.id = 1 and s.disconnected_at is null
  ),
  reporting as (
    select s.id,
           exists (select 1 from account_observations a where a.source_id = s.id and a.removed_at is null) as has_accounts
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

create view employees_of_record as
  select e.* from employees e
  where e.removed_at is null and e.source_id in (select id from employee_sources);

-- Staged rows are read whole by their run: an index on the run only slowed staging (a million rows each
-- written to it) for scans that read every row of the run anyway.
drop index staged_accounts_run_idx;
