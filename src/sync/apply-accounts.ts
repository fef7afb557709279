import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { type ApplyInput, type EntityCounters, one } from './apply-common.js';
import { DuplicateRecords, findAccountDuplicates } from './staged-duplicates.js';

/**
 * Applies the run's accounts as this source's observations (migrations/0010):
 *
 * - an app the source reads directly has an instance of its own; each listed user has an account there;
 * - an app the source sees only partly (SSO assignments, sign-ins, OAuth grants) gets no instance: a new
 *   observation joins the user's account in a direct instance of the app (one still listing the user
 *   first), else the user's account in the app's unmanaged instance;
 * - when a direct source first lists a user known only through partial sources, their observations move
 *   to the new account and the unmanaged one, left with nothing, goes.
 *
 * An account's status, name, role and removal are then derived from its observations by the one rule in
 * the view `account_precedence`, for the accounts this run touched only. New observations, changed ones and
 * ones the source stopped listing are written set-based; unchanged ones are not written at all.
 */
export async function applyAccounts(
  trx: Transaction<DB>,
  input: ApplyInput,
): Promise<{ accounts: EntityCounters; usage: { updated: number } }> {
  const { runId, sourceId, now } = input;
  const partialApps = await placeApps(trx, input);
  // For a partial source: each user's account in a direct instance of the app, where they have one (one
  // still listing the user first, then the oldest instance), else in its unmanaged instance. A new
  // observation of theirs joins it. (A direct source's new observation always makes a new account: only
  // its own observations open accounts in its instance.)
  await sql`create temporary table run_shared_accounts on commit drop as
            select distinct on (ac.app_id, ac.user_id) ac.app_id, ac.user_id, ac.id
            from accounts ac join app_instances i on i.id = ac.instance_id
            where ${partialApps ? sql`ac.app_id in (select id from run_apps where not direct)` : sql`false`}
            order by ac.app_id, ac.user_id, i.source_id is null, ac.removed_at is not null, ac.instance_id`.execute(
    trx,
  );

  // Each staged account resolved once to its app, user, this source's earlier observation if any, and the
  // account the observation belongs to: the earlier observation's; else, for a partial source, the shared
  // account above; else a new account, whose id is drawn here so no row is written twice.
  const sequence = await one<{ name: string }>(
    trx,
    sql`select pg_get_serial_sequence('accounts', 'id') as name`,
  );
  // A first sync keeps its rows in (app, user) order and draws new ids in that order, so every index written
  // below (by id, by app and user) grows at its end instead of at random places (a million new accounts:
  // 10 s less). Later syncs add few accounts and skip the sort.
  const ordered = input.previousSuccessAt === null ? sql`order by a.id, u.id` : sql``;
  await sql`create temporary table run_accounts on commit drop as
            select r.app_id, r.direct, r.instance_id, r.user_id,
                   coalesce(r.known_account_id, r.shared_id, nextval(${sequence.name}::regclass)) as account_id,
                   r.known_account_id is not null as known,
                   r.known_account_id is null and r.shared_id is null as new_account,
                   r.was_removed, r.external_id, r.name, r.status, r.role, r.license_types, r.known_license_types,
                   r.last_used_at, r.known_last_used_at, r.seq, r.email
            from (select a.id as app_id, a.direct, a.instance_id, u.id as user_id, o.account_id as known_account_id,
                         sh.id as shared_id, o.removed_at is not null as was_removed, st.seq, st.email,
                         st.external_id, st.name, st.status, st.role, st.license_types, o.license_types as known_license_types,
                         st.last_used_at, o.last_used_at as known_last_used_at
                  from staged_accounts st
                  join run_apps a on a.name_key = lower(st.app_name)
                  join users u on u.email = st.email
                  left join account_observations o on o.source_id = ${sourceId} and o.app_id = a.id and o.user_id = u.id
                  left join run_shared_accounts sh on sh.app_id = a.id and sh.user_id = u.id
                  where st.run_id = ${runId}
                  ${ordered}) r`.execute(trx);
  await sql`analyze run_accounts`.execute(trx);
  const duplicates = await findAccountDuplicates(trx, input.refStyle);
  if (duplicates.length > 0) throw new DuplicateRecords(duplicates);

  // Accounts for the rest: their values are this observation's, the only one they have so far.
  const created = await one<{ n: number }>(
    trx,
    sql`with ins as (
          insert into accounts (id, app_id, instance_id, user_id, name, status, role, first_seen_at)
          select r.account_id, r.app_id, r.instance_id, r.user_id, r.name, r.status, r.role, ${now}::timestamptz
          from run_accounts r where r.new_account
          returning 1
        ) select count(*)::int as n from ins`,
  );
  if (created.n > 1000) await sql`analyze accounts`.execute(trx);

  // Accounts whose observations change, so their derived values are computed again below.
  // `gone`: this source stopped listing the user (its licenses go with the observation).
  await sql`create temporary table run_touched (account_id bigint not null, gone boolean not null default false)
            on commit drop`.execute(trx);
  await adoptUnmanaged(trx, created.n);

  const updated = await one<{ n: number }>(
    trx,
    sql`with up as (
          update account_observations o
          set external_id = r.external_id, name = r.name, status = r.status, role = r.role,
              license_types = coalesce(r.license_types, '{}'), removed_at = null, last_seen_at = null,
              last_used_at = coalesce(r.last_used_at, o.last_used_at)
          from run_accounts r
          where r.known and o.account_id = r.account_id and o.source_id = ${sourceId}
            and (o.external_id, o.name, o.status, o.role, o.license_types, o.removed_at, o.last_used_at)
                is distinct from (r.external_id, r.name, r.status, r.role, coalesce(r.license_types, '{}'), null,
                                  coalesce(r.last_used_at, o.last_used_at))
          returning o.account_id
        ), touched as (insert into run_touched (account_id) select account_id from up returning 1)
        select count(*)::int as n from touched`,
  );
  const added = await one<{ n: number }>(
    trx,
    sql`with ins as (
          insert into account_observations (account_id, source_id, app_id, user_id, external_id, name, status, role,
                                            license_types, last_used_at, first_seen_at)
          select r.account_id, ${sourceId}::bigint, r.app_id, r.user_id, r.external_id, r.name, r.status, r.role,
                 coalesce(r.license_types, '{}'), r.last_used_at, ${now}::timestamptz
          from run_accounts r where not r.known
          returning 1
        ) select count(*)::int as n from ins`,
  );
  // An account created for its observation already holds that observation's values.
  await sql`insert into run_touched (account_id) select account_id from run_accounts where not known and not new_account`.execute(
    trx,
  );
  // A source that never completed a sync has nothing to remove.
  const removed = await one<{ n: number }>(
    trx,
    input.previousSuccessAt === null
      ? sql`select 0 as n`
      : sql`with gone as (
          update account_observations o set removed_at = ${now}::timestamptz, status = 'deleted',
                 last_seen_at = coalesce(${input.previousSuccessAt}::timestamptz, o.first_seen_at)
          where o.source_id = ${sourceId} and o.removed_at is null
            and not exists (select 1 from run_accounts r where r.app_id = o.app_id and r.user_id = o.user_id)
          returning o.account_id
        ), touched as (insert into run_touched (account_id, gone) select account_id, true from gone returning 1)
        select count(*)::int as n from touched`,
  );
  await deriveTouchedAccounts(trx);

  const total = await one<{ n: number; usage: number }>(
    trx,
    sql`select count(*)::int as n,
               count(*) filter (where last_used_at is not null and last_used_at is distinct from known_last_used_at)::int as usage
        from run_accounts`,
  );
  return {
    accounts: {
      added: added.n,
      updated: updated.n,
      removed: removed.n,
      unchanged: total.n - added.n - updated.n,
    },
    usage: { updated: total.usage },
  };
}

/**
 * Marks each app of the run direct or partial for this source (as its kind says), and gives it the
 * instance this source's new observations land in: its own instance when direct, else the unmanaged one.
 */
async function placeApps(trx: Transaction<DB>, { sourceId, coverageOf }: ApplyInput): Promise<boolean> {
  const { rows } = await sql<{ id: number; name: string }>`select id, name from run_apps`.execute(trx);
  const direct = rows.filter((app) => coverageOf(app.name) === 'full').map((app) => app.id);
  await sql`alter table run_apps add column direct boolean, add column instance_id bigint`.execute(trx);
  await sql`update run_apps set direct = id = any (${direct}::bigint[])`.execute(trx);
  await sql`insert into app_instances (app_id, source_id)
            select distinct id, ${sourceId}::bigint from run_apps where direct
            on conflict (app_id, source_id) where source_id is not null do nothing`.execute(trx);
  await sql`insert into app_instances (app_id, source_id)
            select distinct id, null::bigint from run_apps where not direct
            on conflict (app_id) where source_id is null do nothing`.execute(trx);
  await sql`update run_apps r set instance_id = i.id from app_instances i
            where i.app_id = r.id and i.source_id is not distinct from (case when r.direct then ${sourceId}::bigint end)`.execute(
    trx,
  );
  return direct.length < rows.length;
}

/**
 * A user this direct source lists for the first time may be known already through partial sources: their
 * observations move from the unmanaged account to the new one, which then stands for the same presence.
 */
async function adoptUnmanaged(trx: Transaction<DB>, createdAccounts: number): Promise<void> {
  const unmanaged = await one<{ any: boolean }>(
    trx,
    sql`select exists (select 1 from app_instances i join run_apps a on a.id = i.app_id
                       where a.direct and i.source_id is null) as any`,
  );
  if (createdAccounts === 0 || !unmanaged.any) return;
  await sql`create temporary table run_adopted on commit drop as
            select um.id as unmanaged_id, r.account_id
            from run_accounts r
            join accounts um on um.app_id = r.app_id and um.user_id = r.user_id and um.id <> r.account_id
            join app_instances ui on ui.id = um.instance_id and ui.source_id is null
            where r.new_account and r.direct`.execute(trx);
  await sql`update account_observations o set account_id = a.account_id
            from run_adopted a where o.account_id = a.unmanaged_id`.execute(trx);
  await sql`update accounts ac set first_seen_at = least(ac.first_seen_at, um.first_seen_at)
            from run_adopted a join accounts um on um.id = a.unmanaged_id where ac.id = a.account_id`.execute(
    trx,
  );
  await sql`delete from accounts where id in (select unmanaged_id from run_adopted)`.execute(trx);
  await sql`insert into run_touched (account_id) select account_id from run_adopted`.execute(trx);
}

/** Derives the accounts whose observations changed again, writing only those whose values move. */
async function deriveTouchedAccounts(trx: Transaction<DB>): Promise<void> {
  await sql`update accounts ac
            set name = d.name, status = d.status, role = d.role, removed_at = d.removed_at, last_seen_at = d.last_seen_at
            from account_precedence d
            where d.account_id = ac.id
              and d.account_id = any (array(select distinct account_id from run_touched))
              and (ac.name, ac.status, ac.role, ac.removed_at, ac.last_seen_at)
                  is distinct from (d.name, d.status, d.role, d.removed_at, d.last_seen_at)`.execute(trx);
}
