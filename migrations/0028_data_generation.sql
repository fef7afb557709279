-- A generation number that moves once with every committed transaction that changed a row Roster's cached
-- reads may show (src/http/read-cache.ts). A process keeps an answer only for the generation it read before
-- computing it, so any change, through any path and from any process sharing the database, makes the next
-- read compute again.
--
-- Moved at commit, not when the statement runs: a sequence moves at once, before the change is visible, and a
-- reader could cache the old data under the new number. Here each changing statement marks its transaction
-- (one row per transaction, keyed by its id), and a deferred trigger on that mark adds one to the counter as
-- the transaction commits, in the same commit as the change. The counter's row lock is taken only then, as
-- every writer's last step, so writers do not wait on each other while they work.
create table data_generation (
  id integer primary key default 1 check (id = 1),
  value bigint not null default 0
);
insert into data_generation (id) values (1);

create table data_generation_marks (txid bigint primary key);

-- The functions below run with the rights of the user that ran the migrations (security definer), so a
-- database user granted only the data it writes (not these two tables) still moves the generation; their
-- search path is fixed to this schema, as a security definer function's must be.

create function move_data_generation() returns trigger language plpgsql
  security definer set search_path from current as $$
begin
  update data_generation set value = value + 1 where id = 1;
  delete from data_generation_marks where txid = new.txid;
  return null;
end $$;

create constraint trigger data_generation_at_commit after insert on data_generation_marks
  deferrable initially deferred for each row execute function move_data_generation();

-- Statements that changed no row (a conditional update that found nothing to do, as an unchanged sync's
-- are) leave the generation alone: each trigger sees the statement's rows as a transition table.
create function mark_data_changed() returns trigger language plpgsql
  security definer set search_path from current as $$
begin
  if exists (select 1 from changed_rows) then
    insert into data_generation_marks (txid) values (txid_current()) on conflict do nothing;
  end if;
  return null;
end $$;

create function mark_data_truncated() returns trigger language plpgsql
  security definer set search_path from current as $$
begin
  insert into data_generation_marks (txid) values (txid_current()) on conflict do nothing;
  return null;
end $$;

-- Every table but those no cached read shows and that change without any data changing: sign-in and
-- authentication bookkeeping, rate limits, the job queue and sync runs (leases and progress renewed on a
-- timer), the extension's raw event batches (folded into observations, which are tracked), workflow run
-- bookkeeping, staging, the audit log, the key check, the migrations list and these tables themselves.
-- A table added later gets these triggers in its own migration (src/db/data-generation.db.test.ts lists
-- the tables without them).
do $$
declare
  t text;
begin
  for t in
    select c.relname from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
      and c.relpersistence <> 't'
      and c.relname not like 'staged\_%'
      and c.relname not in (
        'data_generation', 'data_generation_marks', 'schema_migrations', 'key_check', 'audit_log',
        'sessions', 'rate_limits', 'oidc_logins', 'one_time_tokens', 'api_tokens', 'extension_tokens',
        'extension_connect_links', 'extension_batches', 'extension_activity', 'extension_reminders',
        'jobs', 'sync_runs', 'workflow_runs', 'workflow_matches', 'workflow_watch', 'workflow_watch_seeded')
  loop
    execute format('create trigger %I after insert on %I referencing new table as changed_rows
                    for each statement execute function mark_data_changed()', t || '_generation_insert', t);
    execute format('create trigger %I after update on %I referencing new table as changed_rows
                    for each statement execute function mark_data_changed()', t || '_generation_update', t);
    execute format('create trigger %I after delete on %I referencing old table as changed_rows
                    for each statement execute function mark_data_changed()', t || '_generation_delete', t);
    execute format('create trigger %I after truncate on %I
                    for each statement execute function mark_data_truncated()', t || '_generation_truncate', t);
  end loop;
end $$;
