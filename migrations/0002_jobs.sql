-- Background jobs (scheduled syncs and later automation), claimed with FOR UPDATE SKIP LOCKED so that
-- any number of Roster processes on one server share the work; no Redis needed.
create table jobs (
  id bigint generated always as identity primary key,
  kind text not null,
  payload jsonb not null default '{}',
  -- At most one queued or running job per key (e.g. one pending sync per source).
  dedupe_key text,
  status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
  run_at timestamptz not null default now(),
  attempts integer not null default 0,
  max_attempts integer not null default 3,
  locked_by text,
  locked_at timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index jobs_due_idx on jobs (run_at) where status = 'queued';
create unique index jobs_dedupe_key on jobs (dedupe_key) where status in ('queued', 'running');
