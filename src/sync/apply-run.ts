import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

export interface EntityCounters {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
}

export interface ApplyCounters {
  accounts: EntityCounters;
  employees: EntityCounters;
  aliases: { added: number; removed: number };
  licenseTypes: EntityCounters;
  accountLicenses: { added: number; removed: number };
  usage: { updated: number };
  apps: { added: number };
  users: { added: number };
}

interface ApplyInput {
  runId: number;
  sourceId: number;
  now: Date;
  /** When the source last completed; recorded as last-seen on accounts this run no longer lists. */
  previousSuccessAt: Date | null;
}

type Counts = { added: number; updated: number };

async function one<T>(trx: Transaction<DB>, query: ReturnType<typeof sql<T>>): Promise<T> {
  const result = await query.execute(trx);
  return result.rows[0] as T;
}

/**
 * Applies a fully fetched, validated run from the staged_* tables. Runs inside the caller's transaction.
 * Every statement is set-based, and updates are conditional (IS DISTINCT FROM), so re-applying the same
 * data writes nothing. Missing accounts, employees and licenses are marked removed, never deleted.
 */
export async function applyRun(trx: Transaction<DB>, input: ApplyInput): Promise<ApplyCounters> {
  const { runId, sourceId, now } = input;

  const apps = await resolveApps(trx, input);

  // Freshly staged and inserted rows have no statistics yet; without them the planner picks nested loops.
  await sql`analyze staged_accounts`.execute(trx);
  // New emails are found before any insert: an anti-join against the table being written can degrade
  // into a scan per row when the planner has no statistics for it yet.
  await sql`create temporary table run_new_users on commit drop as
            select distinct st.email from staged_accounts st
            where st.run_id = ${runId} and not exists (select 1 from users u where u.email = st.email)`.execute(
    trx,
  );
  const users = await one<{ added: number }>(
    trx,
    sql`with ins as (
          insert into users (email, domain)
          select email, split_part(email, '@', 2) from run_new_users
          on conflict (email) do nothing
          returning 1
        ) select count(*)::int as added from ins`,
  );

  if (users.added > 1000) await sql`analyze users`.execute(trx);
  // Resolve each staged account to its app, user and (when it exists) account once; later statements
  // join on these ids instead of repeating the lookups.
  await sql`create temporary table run_accounts on commit drop as
            select st.seq, a.id as app_id, u.id as user_id, t.id as account_id, st.external_id, st.name, st.status,
                   st.role, st.license_types, st.last_used_at, us.last_used_at as known_last_used_at,
                   us.account_id is not null as has_usage
            from staged_accounts st
            join run_apps a on a.name_key = lower(st.app_name)
            join users u on u.email = st.email
            left join accounts t on t.source_id = ${sourceId} and t.app_id = a.id and t.user_id = u.id
            left join usage us on us.account_id = t.id and us.source_id = ${sourceId}
            where st.run_id = ${runId}`.execute(trx);
  await sql`analyze run_accounts`.execute(trx);

  // Changed accounts are updated and new ones inserted, each in one set-based statement; unchanged rows
  // are not written at all (no new row version, no index churn).
  const accountsUpdated = await one<{ updated: number }>(
    trx,
    sql`with up as (
          update accounts t
          set external_id = r.external_id, name = r.name, status = r.status, role = r.role, removed_at = null, last_seen_at = null
          from run_accounts r
          where t.id = r.account_id
            and (t.external_id, t.name, t.status, t.role, t.removed_at)
                is distinct from (r.external_id, r.name, r.status, r.role, null)
          returning 1
        ) select count(*)::int as updated from up`,
  );
  const accountsAdded = await one<{ added: number }>(
    trx,
    sql`with ins as (
          insert into accounts (source_id, app_id, user_id, external_id, name, status, role, first_seen_at)
          select ${sourceId}::bigint, r.app_id, r.user_id, r.external_id, r.name, r.status, r.role, ${now}::timestamptz
          from run_accounts r where r.account_id is null
          returning id, app_id, user_id
        ), ids as (
          update run_accounts r set account_id = ins.id from ins where r.app_id = ins.app_id and r.user_id = ins.user_id
          returning 1
        ) select count(*)::int as added from ids`,
  );
  const accountsUpsert: Counts = { added: accountsAdded.added, updated: accountsUpdated.updated };

  if (accountsUpsert.added > 1000) await sql`analyze accounts`.execute(trx);
  const accountsRemoved = await one<{ removed: number }>(
    trx,
    sql`with gone as (
          update accounts t set removed_at = ${now}::timestamptz, status = 'deleted',
                 last_seen_at = coalesce(${input.previousSuccessAt}::timestamptz, t.first_seen_at)
          where t.source_id = ${sourceId} and t.removed_at is null
            and not exists (select 1 from run_accounts r where r.account_id = t.id)
          returning 1
        ) select count(*)::int as removed from gone`,
  );

  const licenseTypes = await applyLicenseTypes(trx, input);
  const accountLicenses = await applyAccountLicenses(trx, input);

  // Usage known before this run was read into run_accounts: only new and changed dates are written.
  const usageAdded = await one<{ n: number }>(
    trx,
    sql`with ins as (
          insert into usage (account_id, source_id, last_used_at)
          select r.account_id, ${sourceId}::bigint, r.last_used_at from run_accounts r
          where r.last_used_at is not null and not r.has_usage
          returning 1
        ) select count(*)::int as n from ins`,
  );
  const usageChanged = await one<{ n: number }>(
    trx,
    sql`with up as (
          update usage u set last_used_at = r.last_used_at
          from run_accounts r
          where r.has_usage and r.last_used_at is not null and r.last_used_at is distinct from r.known_last_used_at
            and u.account_id = r.account_id and u.source_id = ${sourceId}
          returning 1
        ) select count(*)::int as n from up`,
  );
  const usage = { updated: usageAdded.n + usageChanged.n };

  const employees = await applyEmployees(trx, input);
  const aliases = await applyAliases(trx, input);

  await sql`insert into raw_records as r (source_id, object_type, external_id, data, first_seen_at, last_changed_at)
            select distinct on (object_type, external_id) ${sourceId}::bigint, object_type, external_id, data, ${now}::timestamptz, ${now}::timestamptz
            from staged_raw_records where run_id = ${runId}
            order by object_type, external_id
            on conflict (source_id, object_type, external_id) do update
              set data = excluded.data, last_changed_at = excluded.last_changed_at
              where r.data is distinct from excluded.data`.execute(trx);

  const stagedAccounts = await one<{ n: number; staged: number }>(
    trx,
    sql`select (select count(*)::int from run_accounts) as n,
               (select count(*)::int from staged_accounts where run_id = ${runId}) as staged`,
  );
  // Every staged account must have found its app and user; anything else is a bug, and applies nothing.
  if (stagedAccounts.n !== stagedAccounts.staged) {
    throw new Error(
      `${stagedAccounts.staged - stagedAccounts.n} staged accounts did not resolve to an app and user`,
    );
  }
  return {
    accounts: {
      ...accountsUpsert,
      removed: accountsRemoved.removed,
      unchanged: stagedAccounts.n - accountsUpsert.added - accountsUpsert.updated,
    },
    employees,
    aliases,
    licenseTypes,
    accountLicenses,
    usage,
    apps,
    users,
  };
}

/**
 * Maps every app name the run uses to an app id in `run_apps`: an existing app by name; else the app of
 * the catalog entry the name or domain matches, when the organisation has it already; else a new app,
 * linked to that catalog entry or custom. So "Slack Technologies" seen on slack.com feeds the Slack app.
 */
async function resolveApps(
  trx: Transaction<DB>,
  { runId, sourceId }: ApplyInput,
): Promise<{ added: number }> {
  await sql`create temporary table run_apps on commit drop as
            with names as (
              select app_name as name, null::text as domain from staged_accounts where run_id = ${runId}
              union select app_name, null from staged_license_types where run_id = ${runId}
              union select name, domain from staged_apps where run_id = ${runId}
            )
            select distinct on (lower(n.name)) lower(n.name) as name_key, coalesce(c.name, n.name) as name,
                   coalesce(by_name.id, by_catalog.id, by_catalog_name.id) as id, c.id as catalog_id
            from names n
            left join apps by_name on lower(by_name.name) = lower(n.name)
            left join catalog_apps c on lower(c.name) = lower(n.name) or n.domain = any (c.domains)
            left join apps by_catalog on by_catalog.catalog_id = c.id
            left join apps by_catalog_name on lower(by_catalog_name.name) = lower(c.name)
            order by lower(n.name), by_name.id nulls last, (n.domain is null), c.id nulls last`.execute(trx);
  // Names that share a catalog entry become one app: the first name seen creates it.
  const created = await one<{ added: number }>(
    trx,
    sql`with fresh as (
          select distinct on (coalesce(catalog_id, name_key)) name, catalog_id from run_apps
          where id is null order by coalesce(catalog_id, name_key), name_key
        ), ins as (
          insert into apps (name, catalog_id, discovered_by_source_id)
          select name, catalog_id, ${sourceId}::bigint from fresh
          returning id, name, catalog_id
        ), fill as (
          update run_apps r set id = ins.id from ins
          where r.id is null and (lower(ins.name) = lower(r.name) or (r.catalog_id is not null and ins.catalog_id = r.catalog_id))
          returning 1
        ) select count(*)::int as added from ins`,
  );
  return created;
}

async function applyLicenseTypes(
  trx: Transaction<DB>,
  { runId, sourceId, now }: ApplyInput,
): Promise<EntityCounters> {
  // Declared license types carry seats and prices; types only named on accounts are known without them.
  await sql`create temporary table run_license_types on commit drop as
            select distinct on (a.id, l.name) a.id as app_id, l.name, l.purchased, l.price_per_user_cents
            from (
              select app_name, name, purchased, price_per_user_cents, 0 as priority
              from staged_license_types where run_id = ${runId}
              union all
              select distinct app_name, unnest(license_types), null::int, null::int, 1
              from staged_accounts where run_id = ${runId} and cardinality(license_types) > 0
            ) l join run_apps a on a.name_key = lower(l.app_name)
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

async function applyAccountLicenses(
  trx: Transaction<DB>,
  { sourceId, now }: ApplyInput,
): Promise<{ added: number; removed: number }> {
  // The wanted assignments, each with its current state, so only new and returning ones are written.
  await sql`create temporary table run_account_licenses on commit drop as
            select w.account_id, w.license_type_id, al.account_id is not null as known, al.removed_at as removed_at
            from (select distinct r.account_id, lt.id as license_type_id
                  from run_accounts r
                  cross join lateral unnest(r.license_types) as held(name)
                  join license_types lt on lt.source_id = ${sourceId} and lt.app_id = r.app_id and lt.name = held.name
                  where cardinality(r.license_types) > 0) w
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
  const added = { added: inserted.n + restored.n };
  const removed = await one<{ removed: number }>(
    trx,
    sql`with gone as (
          update account_licenses al set removed_at = ${now}::timestamptz
          from accounts t
          where al.account_id = t.id and t.source_id = ${sourceId} and al.removed_at is null
            and not exists (select 1 from run_account_licenses r
                            where r.account_id = al.account_id and r.license_type_id = al.license_type_id)
          returning 1
        ) select count(*)::int as removed from gone`,
  );
  return { added: added.added, removed: removed.removed };
}

async function applyEmployees(
  trx: Transaction<DB>,
  { runId, sourceId, now }: ApplyInput,
): Promise<EntityCounters> {
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
async function applyAliases(
  trx: Transaction<DB>,
  { runId, sourceId, now }: ApplyInput,
): Promise<{ added: number; removed: number }> {
  const added = await one<{ n: number }>(
    trx,
    sql`with up as (
          insert into identity_aliases as a (source_id, primary_email, field, value, first_seen_at)
          select distinct ${sourceId}::bigint, primary_email, field, value, ${now}::timestamptz
          from staged_aliases where run_id = ${runId}
          on conflict (source_id, primary_email, field, value) do update set removed_at = null
            where a.removed_at is not null
          returning 1
        ) select count(*)::int as n from up`,
  );
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
