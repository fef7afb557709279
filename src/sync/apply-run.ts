import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { type ApplyCounters, type ApplyInput, type Counts, one } from './apply-common.js';
import { applyAccountLicenses, applyLicenseTypes } from './apply-licenses.js';
import { applyAliases, applyEmployees } from './apply-people.js';
import { resolveApps } from './resolve-apps.js';

export type { ApplyCounters, EntityCounters } from './apply-common.js';

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
