import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { applyAccounts } from './apply-accounts.js';
import { type ApplyCounters, type ApplyInput, one } from './apply-common.js';
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
  const { accounts, usage } = await applyAccounts(trx, input);
  const licenseTypes = await applyLicenseTypes(trx, input);
  const accountLicenses = await applyAccountLicenses(trx, input);

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
    accounts,
    employees,
    aliases,
    licenseTypes,
    accountLicenses,
    usage,
    apps,
    users,
  };
}
