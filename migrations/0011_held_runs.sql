-- Accidental-removal protection: a complete run that would remove more of a source's accounts and
-- employees than the source's threshold allows is held instead of applied. Its staged records stay, so
-- confirming applies exactly what was held; discarding (or a later run that succeeds or is held) ends it.

alter table sync_runs drop constraint sync_runs_status_check;
alter table sync_runs add constraint sync_runs_status_check
  check (status in ('running', 'succeeded', 'failed', 'cancelled', 'held', 'discarded'));
-- What a held run needs to be applied later without refetching, and what it would remove:
-- { removals, of, accounts, employees, refStyle, domains, unavailable, staged }.
alter table sync_runs add column held jsonb;
create index sync_runs_held_idx on sync_runs (source_id) where status = 'held';

alter table sources drop constraint sources_last_run_status_check;
alter table sources add constraint sources_last_run_status_check
  check (last_run_status in ('running', 'succeeded', 'failed', 'cancelled', 'held', 'discarded'));
-- How many removals a run of this source may make before it is held:
-- null = Roster's default (more than 10% and more than 10), {"percent": p, "count": n}, or {"disabled": true}.
alter table sources add column removal_threshold jsonb;
-- The removals of the source's held run, while it has one (shown as "needs attention").
alter table sources add column held_removals integer;
