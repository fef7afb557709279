-- Roster core schema. Forward-only: later changes arrive as new numbered files.

create table organisation_settings (
  id integer primary key default 1 check (id = 1),
  name text not null default 'My organisation',
  -- Email domains the organisation owns; a user on any other domain is external.
  domains text[] not null default '{}',
  staleness_days integer not null default 3 check (staleness_days > 0),
  inactivity_days integer not null default 90 check (inactivity_days > 0),
  updated_at timestamptz not null default now()
);
insert into organisation_settings (id) values (1);

create table catalog_apps (
  id text primary key,
  name text not null,
  vendor text not null,
  category text not null,
  domains text[] not null,
  expense_aliases text[] not null
);
create unique index catalog_apps_name_key on catalog_apps (lower(name));

create table sources (
  id bigint generated always as identity primary key,
  kind text not null,
  name text not null,
  config jsonb not null default '{}',
  -- AES-256-GCM envelope (see src/lib/secret-box.ts); never returned by the API.
  credentials_encrypted text,
  schedule text,
  staleness_days integer check (staleness_days > 0),
  last_run_status text check (last_run_status in ('running', 'succeeded', 'failed', 'cancelled')),
  last_error_code text,
  last_error_message text,
  last_sync_at timestamptz,
  last_success_at timestamptz,
  -- A removed source is disconnected, not deleted: what it reported stays, marked as from a disconnected source.
  disconnected_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index sources_name_key on sources (lower(name)) where disconnected_at is null;

create table sync_runs (
  id bigint generated always as identity primary key,
  source_id bigint not null references sources (id) on delete cascade,
  status text not null check (status in ('running', 'succeeded', 'failed', 'cancelled')),
  trigger text not null,
  started_at timestamptz not null default now(),
  fetched_at timestamptz,
  finished_at timestamptz,
  pages integer not null default 0,
  records integer not null default 0,
  added integer not null default 0,
  updated integer not null default 0,
  removed integer not null default 0,
  unchanged integer not null default 0,
  rejected integer not null default 0,
  counters jsonb not null default '{}',
  error_code text,
  error_message text,
  error_details jsonb
);
create index sync_runs_source_idx on sync_runs (source_id, id desc);

-- The latest raw object per source and external id, so any figure can be traced to what the source said.
create table raw_records (
  source_id bigint not null references sources (id) on delete cascade,
  object_type text not null,
  external_id text not null,
  data jsonb not null,
  first_seen_at timestamptz not null default now(),
  last_changed_at timestamptz not null default now(),
  primary key (source_id, object_type, external_id)
);

create table apps (
  id bigint generated always as identity primary key,
  name text not null,
  catalog_id text references catalog_apps (id),
  -- Days without use after which a license counts as inactive; null means the organisation default.
  inactivity_days integer check (inactivity_days > 0),
  discovered_by_source_id bigint references sources (id) on delete set null,
  created_at timestamptz not null default now()
);
create unique index apps_name_key on apps (lower(name));
create unique index apps_catalog_key on apps (catalog_id) where catalog_id is not null;

create table users (
  id bigint generated always as identity primary key,
  email text not null unique,
  domain text not null,
  created_at timestamptz not null default now()
);
create index users_domain_idx on users (domain);

-- accounts, account_licenses and usage carry no foreign keys: only the sync engine writes them, always
-- from joins against existing rows, and per-row foreign-key checks tripled the cost of a large sync.
create table accounts (
  id bigint generated always as identity primary key,
  source_id bigint not null,
  app_id bigint not null,
  user_id bigint not null,
  external_id text,
  -- The name as the app shows it (may be empty: the app knows only the email).
  name text,
  status text not null check (status in ('active', 'suspended', 'deleted')),
  role text,
  first_seen_at timestamptz not null default now(),
  -- Set when a complete sync no longer lists the account; cleared when it comes back. Never deleted.
  removed_at timestamptz,
  -- While present the account was last seen by its source's last successful sync; on removal
  -- this records that moment, so present accounts need no write on every sync.
  last_seen_at timestamptz,
  unique (source_id, app_id, user_id)
);
-- PostgreSQL <= 17 cannot use a leading-column-less index for user lookups: index each side.
create index accounts_user_idx on accounts (user_id);
create index accounts_app_idx on accounts (app_id);

create table license_types (
  id bigint generated always as identity primary key,
  app_id bigint not null references apps (id) on delete cascade,
  source_id bigint not null references sources (id) on delete cascade,
  name text not null,
  purchased integer check (purchased >= 0),
  price_per_user_cents integer check (price_per_user_cents >= 0),
  removed_at timestamptz,
  created_at timestamptz not null default now(),
  unique (app_id, source_id, name)
);

create table account_licenses (
  account_id bigint not null,
  license_type_id bigint not null,
  assigned_at timestamptz not null default now(),
  removed_at timestamptz,
  primary key (account_id, license_type_id)
);
create index account_licenses_type_idx on account_licenses (license_type_id);

-- Last use of an account as reported by one source; a source that stops reporting keeps its last word.
create table usage (
  account_id bigint not null,
  source_id bigint not null,
  last_used_at timestamptz not null,
  primary key (account_id, source_id)
);

create table employees (
  id bigint generated always as identity primary key,
  source_id bigint not null references sources (id) on delete cascade,
  email text not null,
  name text,
  status text not null check (status in ('active', 'terminated')),
  termination_date date,
  personal_email text,
  department text,
  manager_email text,
  attributes jsonb not null default '{}',
  removed_at timestamptz,
  created_at timestamptz not null default now(),
  unique (source_id, email)
);
create index employees_email_idx on employees (email);

create table admin_members (
  id bigint generated always as identity primary key,
  email text not null unique,
  role text not null check (role in ('admin', 'editor', 'read-only', 'app-owner')),
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);

create table api_tokens (
  id bigint generated always as identity primary key,
  name text not null,
  role text not null check (role in ('admin', 'editor', 'read-only', 'app-owner')),
  token_hash text not null unique,
  created_by text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create unique index api_tokens_name_key on api_tokens (lower(name)) where revoked_at is null;

create table sessions (
  token_hash text primary key,
  member_id bigint not null references admin_members (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now()
);

-- One-time links: the first-admin setup link and sign-in links. Stored hashed, usable once.
create table one_time_tokens (
  token_hash text primary key,
  purpose text not null check (purpose in ('setup', 'sign_in')),
  member_id bigint references admin_members (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor text not null,
  action text not null,
  target_type text not null,
  target_id text,
  before jsonb,
  after jsonb
);
create index audit_log_at_idx on audit_log (at desc);

-- Records of a sync run between fetch and apply. Unlogged: a crash loses only runs that were not
-- applied yet, which are failed anyway. Rows are deleted when their run ends.
create unlogged table staged_accounts (
  run_id bigint not null,
  seq integer not null,
  app_name text not null,
  email text not null,
  external_id text,
  name text,
  status text not null,
  role text,
  license_types text[],
  last_used_at timestamptz
);
create index staged_accounts_run_idx on staged_accounts (run_id);

create unlogged table staged_license_types (
  run_id bigint not null,
  seq integer not null,
  app_name text not null,
  name text not null,
  purchased integer,
  price_per_user_cents integer
);

create unlogged table staged_employees (
  run_id bigint not null,
  seq integer not null,
  email text not null,
  name text,
  status text not null,
  termination_date date,
  personal_email text,
  department text,
  manager_email text,
  attributes jsonb not null
);

create unlogged table staged_raw_records (
  run_id bigint not null,
  object_type text not null,
  external_id text not null,
  data jsonb not null
);

create unlogged table staged_apps (
  run_id bigint not null,
  name text not null,
  domain text
);

-- At most one run of a source at a time.
create unique index sync_runs_one_running on sync_runs (source_id) where status = 'running';
