-- License states kept as data: every assigned license with its state (active, inactive, usage_unknown), its
-- reason and the facts shown beside it, as of computed_at. Recomputed after each sync for the apps it touched
-- (every app when employees or aliases changed), after changes that move states (thresholds, settings,
-- Merge Users, removed sources), and hourly as time passes; so lists and summaries
-- only read, and a million licenses summarise in milliseconds.
create table license_states (
  account_id bigint not null,
  license_type_id bigint not null,
  app_id bigint not null,
  app text not null,
  license_type text not null,
  email text not null,
  person_email text not null,
  person_name text,
  account_status text not null,
  assigned_at timestamptz not null,
  threshold_days integer not null,
  last_used_at timestamptz,
  usage_source text,
  usage_stale boolean not null,
  future_date boolean not null,
  state text not null check (state in ('active', 'inactive', 'usage_unknown')),
  reason text,
  primary key (account_id, license_type_id)
);
create index license_states_app_idx on license_states (app_id);
-- The inactive-licenses list pages in this order, all apps or one app.
create index license_states_inactive_idx on license_states (lower(app), license_type, email, account_id, license_type_id)
  where state = 'inactive';
create index license_states_inactive_app_idx on license_states (app_id, license_type, email, account_id, license_type_id)
  where state = 'inactive';

-- Counts per app, license type, state and reason, written with the states: what summaries read.
create table license_state_counts (
  app_id bigint not null,
  license_type_id bigint not null,
  state text not null,
  reason text not null default '',
  n integer not null,
  primary key (app_id, license_type_id, state, reason)
);

-- When the states were computed, and whether a change since has made them out of date (all, or some apps).
create table license_states_status (
  id integer primary key default 1 check (id = 1),
  computed_at timestamptz,
  stale_all boolean not null default true,
  stale_app_ids bigint[] not null default '{}'
);
insert into license_states_status (id) values (1);
