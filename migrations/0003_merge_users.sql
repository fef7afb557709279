-- Merge Users: identity-provider aliases, the merge configuration, and the applied links.

-- Alias values exactly as identity sources report them (e.g. Entra proxyAddresses "smtp:ann@acme.io"),
-- kept per source like any synced record: removed_at when a complete sync no longer lists them.
create table identity_aliases (
  source_id bigint not null references sources (id) on delete cascade,
  primary_email text not null,
  field text not null,
  value text not null,
  first_seen_at timestamptz not null default now(),
  removed_at timestamptz,
  primary key (source_id, primary_email, field, value)
);

create unlogged table staged_aliases (
  run_id bigint not null,
  seq integer not null,
  primary_email text not null,
  field text not null,
  value text not null
);

create table merge_settings (
  id integer primary key default 1 check (id = 1),
  enabled boolean not null default false,
  -- [{"sourceId": n, "fields": ["proxyAddresses", ...]}]: which alias fields of which sources count.
  -- `alias_sources` is the configuration being edited; `applied_alias_sources` the one in force.
  alias_sources jsonb not null default '[]',
  applied_alias_sources jsonb not null default '[]',
  applied_at timestamptz,
  applied_by text
);
insert into merge_settings (id) values (1);

-- The applied merge: each merged user points at the user of its person's primary email. Users, accounts,
-- licenses and history are never changed by a merge; revoking deletes these rows and nothing else.
create table person_links (
  user_id bigint primary key references users (id),
  primary_user_id bigint not null references users (id),
  source_id bigint not null,
  field text not null,
  raw_value text not null,
  linked_at timestamptz not null default now(),
  check (user_id <> primary_user_id)
);
create index person_links_primary_idx on person_links (primary_user_id);
