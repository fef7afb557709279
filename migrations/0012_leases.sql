-- Leases: a process running a sync or a job holds it for a short while and renews it as it works, so any
-- other process can tell a stopped one (crash, kill, lost host) within minutes and take over.
alter table sync_runs add column lease_holder text;
alter table sync_runs add column lease_expires_at timestamptz;
-- The last time the holder showed a sign of life (a renewal or a page), quoted when its run is failed.
alter table sync_runs add column heartbeat_at timestamptz;
-- Runs left running by an earlier version keep the rule that version applied: dead after a day.
update sync_runs
   set lease_expires_at = started_at + interval '24 hours', heartbeat_at = started_at
 where status = 'running';
alter table sync_runs
  add constraint sync_runs_running_leased check (status <> 'running' or lease_expires_at is not null);
create index sync_runs_lease_idx on sync_runs (lease_expires_at) where status = 'running';

-- A job's holder is `locked_by`; its lease ends at `lease_expires_at`.
alter table jobs add column lease_expires_at timestamptz;
alter table jobs add column heartbeat_at timestamptz;
update jobs
   set lease_expires_at = coalesce(locked_at, now()) + interval '6 hours', heartbeat_at = locked_at
 where status = 'running';
alter table jobs
  add constraint jobs_running_leased check (status <> 'running' or lease_expires_at is not null);
create index jobs_lease_idx on jobs (lease_expires_at) where status = 'running';
