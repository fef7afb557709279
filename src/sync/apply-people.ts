import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { type ApplyInput, type Counts, type EntityCounters, one } from './apply-common.js';

export async function applyEmployees(
  trx: Transaction<DB>,
  { runId, sourceId, now }: ApplyInput,
): Promise<EntityCounters> {
  // Without statistics on freshly staged and inserted rows the planner picks nested loops: an identity
  // source's first sync of a few thousand people took minutes.
  await sql`analyze staged_employees`.execute(trx);
  const up = await one<Counts & { total: number }>(
    trx,
    sql`with up as (
          insert into employees as e (source_id, email, name, status, termination_date, personal_email, department,
                                      manager_email, attributes)
          select ${sourceId}::bigint, email, name, status, termination_date, personal_email, department, manager_email, attributes
          from staged_employees where run_id = ${runId}
          on conflict (source_id, email) do update
            set name = excluded.name, status = excluded.status, termination_date = excluded.termination_date,
                personal_email = excluded.personal_email, department = excluded.department,
                manager_email = excluded.manager_email, attributes = excluded.attributes, removed_at = null
            where (e.name, e.status, e.termination_date, e.personal_email, e.department, e.manager_email, e.attributes, e.removed_at)
                  is distinct from (excluded.name, excluded.status, excluded.termination_date, excluded.personal_email,
                                    excluded.department, excluded.manager_email, excluded.attributes, null)
          returning (xmax = 0) as inserted
        ) select count(*) filter (where inserted)::int as added, count(*) filter (where not inserted)::int as updated,
                 (select count(*)::int from staged_employees where run_id = ${runId}) as total from up`,
  );
  if (up.added > 1000) await sql`analyze employees`.execute(trx);
  const gone = await one<{ removed: number }>(
    trx,
    sql`with gone as (
          update employees e set removed_at = ${now}::timestamptz
          where e.source_id = ${sourceId} and e.removed_at is null
            and not exists (select 1 from staged_employees s where s.run_id = ${runId} and s.email = e.email)
          returning 1
        ) select count(*)::int as removed from gone`,
  );
  return {
    added: up.added,
    updated: up.updated,
    removed: gone.removed,
    unchanged: up.total - up.added - up.updated,
  };
}

/** Alias values as the source lists them; values it no longer lists are marked removed. */
export async function applyAliases(
  trx: Transaction<DB>,
  { runId, sourceId, now }: ApplyInput,
): Promise<{ added: number; removed: number }> {
  await sql`analyze staged_aliases`.execute(trx);
  // New values found by one anti-join and returning ones by one join: probing the unique index once per
  // staged value (ON CONFLICT) cost seconds for the few hundred thousand aliases of a large tenant.
  const inserted = await one<{ n: number }>(
    trx,
    sql`with ins as (
          insert into identity_aliases (source_id, primary_email, field, value, first_seen_at)
          select distinct ${sourceId}::bigint, s.primary_email, s.field, s.value, ${now}::timestamptz
          from staged_aliases s
          where s.run_id = ${runId}
            and not exists (select 1 from identity_aliases a where a.source_id = ${sourceId}
                            and a.primary_email = s.primary_email and a.field = s.field and a.value = s.value)
          returning 1
        ) select count(*)::int as n from ins`,
  );
  const restored = await one<{ n: number }>(
    trx,
    sql`with up as (
          update identity_aliases a set removed_at = null
          from (select distinct primary_email, field, value from staged_aliases where run_id = ${runId}) s
          where a.source_id = ${sourceId} and a.removed_at is not null
            and a.primary_email = s.primary_email and a.field = s.field and a.value = s.value
          returning 1
        ) select count(*)::int as n from up`,
  );
  const added = { n: inserted.n + restored.n };
  if (added.n > 1000) await sql`analyze identity_aliases`.execute(trx);
  const removed = await one<{ n: number }>(
    trx,
    sql`with gone as (
          update identity_aliases a set removed_at = ${now}::timestamptz
          where a.source_id = ${sourceId} and a.removed_at is null
            and not exists (select 1 from staged_aliases s where s.run_id = ${runId} and s.primary_email = a.primary_email
                            and s.field = a.field and s.value = a.value)
          returning 1
        ) select count(*)::int as n from gone`,
  );
  return { added: added.n, removed: removed.n };
}
