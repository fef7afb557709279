import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { type ApplyInput, type Counts, type EntityCounters, one } from './apply-common.js';

export async function applyLicenseTypes(
  trx: Transaction<DB>,
  { runId, sourceId, now }: ApplyInput,
): Promise<EntityCounters> {
  // Declared license types carry seats and prices; types only named on accounts are known without them.
  // Licenses come only from the sources that read an app directly: an SSO assignment holds no seat.
  await sql`create temporary table run_license_types on commit drop as
            select distinct on (a.id, l.name) a.id as app_id, l.name, l.purchased, l.price_per_user_cents
            from (
              select app_name, name, purchased, price_per_user_cents, 0 as priority
              from staged_license_types where run_id = ${runId}
              union all
              select distinct app_name, unnest(license_types), null::int, null::int, 1
              from staged_accounts where run_id = ${runId} and cardinality(license_types) > 0
            ) l join run_apps a on a.name_key = lower(l.app_name) and a.direct
            order by a.id, l.name, l.priority`.execute(trx);
  const up = await one<Counts & { total: number }>(
    trx,
    sql`with up as (
          insert into license_types as t (app_id, source_id, name, purchased, price_per_user_cents)
          select app_id, ${sourceId}::bigint, name, purchased, price_per_user_cents from run_license_types
          on conflict (app_id, source_id, name) do update
            set purchased = excluded.purchased, price_per_user_cents = excluded.price_per_user_cents, removed_at = null
            where (t.purchased, t.price_per_user_cents, t.removed_at)
                  is distinct from (excluded.purchased, excluded.price_per_user_cents, null)
          returning (xmax = 0) as inserted
        ) select count(*) filter (where inserted)::int as added, count(*) filter (where not inserted)::int as updated,
                 (select count(*)::int from run_license_types) as total from up`,
  );
  const gone = await one<{ removed: number }>(
    trx,
    sql`with gone as (
          update license_types t set removed_at = ${now}::timestamptz
          where t.source_id = ${sourceId} and t.removed_at is null
            and not exists (select 1 from run_license_types r where r.app_id = t.app_id and r.name = t.name)
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

/**
 * License assignments of the run's direct accounts. A new account's are inserted as they are; of known
 * accounts only those whose listed licenses changed (the observation keeps the list the source gave), that
 * return, or that the source stopped listing are compared one by one, so an unchanged million reads nothing.
 */
export async function applyAccountLicenses(
  trx: Transaction<DB>,
  { sourceId, now }: ApplyInput,
): Promise<{ added: number; removed: number }> {
  const held = (accounts: RawBuilder<unknown>) => sql`
    select distinct r.account_id, lt.id as license_type_id
    from run_accounts r
    cross join lateral unnest(r.license_types) as held(name)
    join license_types lt on lt.source_id = ${sourceId} and lt.app_id = r.app_id and lt.name = held.name
    where r.direct and cardinality(r.license_types) > 0 and ${accounts}`;
  const fresh = await one<{ n: number }>(
    trx,
    sql`with ins as (
          insert into account_licenses (account_id, license_type_id, assigned_at)
          select account_id, license_type_id, ${now}::timestamptz from (${held(sql`r.new_account`)}) h
          returning 1
        ) select count(*)::int as n from ins`,
  );
  const changed = sql`r.known and (r.was_removed or coalesce(r.license_types, '{}') is distinct from r.known_license_types)`;
  await sql`create temporary table run_license_changes on commit drop as
            select account_id from run_accounts r where r.direct and ${changed}
            union select account_id from run_touched where gone`.execute(trx);
  // The wanted assignments of those accounts, each with its current state: only new and returning ones are written.
  await sql`create temporary table run_account_licenses on commit drop as
            select w.account_id, w.license_type_id, al.account_id is not null as known, al.removed_at as removed_at
            from (${held(changed)}) w
            left join account_licenses al on al.account_id = w.account_id and al.license_type_id = w.license_type_id`.execute(
    trx,
  );
  await sql`analyze run_account_licenses`.execute(trx);
  const inserted = await one<{ n: number }>(
    trx,
    sql`with ins as (
          insert into account_licenses (account_id, license_type_id, assigned_at)
          select account_id, license_type_id, ${now}::timestamptz from run_account_licenses where not known
          returning 1
        ) select count(*)::int as n from ins`,
  );
  const restored = await one<{ n: number }>(
    trx,
    sql`with up as (
          update account_licenses al set removed_at = null, assigned_at = ${now}::timestamptz
          from run_account_licenses r
          where r.known and r.removed_at is not null
            and al.account_id = r.account_id and al.license_type_id = r.license_type_id
          returning 1
        ) select count(*)::int as n from up`,
  );
  const removed = await one<{ removed: number }>(
    trx,
    sql`with gone as (
          update account_licenses al set removed_at = ${now}::timestamptz
          from license_types lt
          where al.license_type_id = lt.id and lt.source_id = ${sourceId} and al.removed_at is null
            and al.account_id in (select account_id from run_license_changes)
            and not exists (select 1 from run_account_licenses r
                            where r.account_id = al.account_id and r.license_type_id = al.license_type_id)
          returning 1
        ) select count(*)::int as removed from gone`,
  );
  return { added: fresh.n + inserted.n + restored.n, removed: removed.removed };
}
