import { type RawBuilder, sql } from 'kysely';

export { type InactiveReason, inactiveReasonCodes, inactiveReasons } from './inactive-reasons.js';

export type LicenseState = 'active' | 'inactive' | 'usage_unknown';

/**
 * Every assigned license (the assignment, its account and license type all present) with its state.
 * An app is covered when a connected source has reported use of any of its accounts; licenses of an app
 * no usage source covers are usage_unknown, never active or inactive. Last used is the most recent date
 * across sources; a date in the future is flagged and never preferred over a real one. Usage from a
 * disconnected or stale source is flagged stale.
 */
export function licenseStatesQuery(
  now: Date,
  scope: { appId?: number; appIds?: number[] | null } = {},
): RawBuilder<unknown> {
  return sql`
    with settings as (select inactivity_days, staleness_days from organisation_settings where id = 1),
    assigned as (
      select al.account_id, al.license_type_id, al.assigned_at, ac.app_id, ac.user_id, ac.status as account_status,
             lt.name as license_type, ap.name as app, coalesce(ap.inactivity_days, st.inactivity_days) as threshold_days,
             coalesce(pl.primary_user_id, ac.user_id) as person_id
      from account_licenses al
      join accounts ac on ac.id = al.account_id and ac.removed_at is null
      join license_types lt on lt.id = al.license_type_id and lt.removed_at is null
      join apps ap on ap.id = ac.app_id
      left join person_links pl on pl.user_id = ac.user_id
      cross join settings st
      where al.removed_at is null and ${scope.appId !== undefined ? sql`ac.app_id = ${scope.appId}` : sql`true`}
        and ${scope.appIds ? sql`ac.app_id = any (${scope.appIds}::bigint[])` : sql`true`}
    ),
    covered as (
      select distinct ac.app_id from usage u
      join accounts ac on ac.id = u.account_id
      join sources s on s.id = u.source_id and s.disconnected_at is null
        and not s.unavailable @> '[{"capability": "lastUsed"}]'
      where ${scope.appId !== undefined ? sql`ac.app_id = ${scope.appId}` : sql`ac.app_id in (select app_id from assigned)`}
    ),
    last_use as (
      select distinct on (u.account_id) u.account_id,
             least(u.last_used_at, ${now}::timestamptz) as last_used_at,
             u.last_used_at > ${now}::timestamptz as future_date,
             s.name as source,
             (s.disconnected_at is not null
              or s.last_success_at is null
              or s.last_success_at < ${now}::timestamptz - make_interval(days => coalesce(s.staleness_days, st.staleness_days))
              or (s.last_run_status = 'failed' and s.last_error_code in ('auth', 'permission'))) as stale
      from usage u join sources s on s.id = u.source_id cross join settings st
      where u.account_id in (select account_id from assigned)
      order by u.account_id, (u.last_used_at > ${now}::timestamptz), u.last_used_at desc
    ),
    people as (
      select p.id, p.email,
             coalesce(bool_or(e.status = 'terminated') and not bool_or(e.status = 'active'), false) as past,
             (array_agg(e.name order by e.status = 'active' desc) filter (where e.name is not null))[1] as name
      from users p
      left join employees_of_record e on e.email = p.email
      where p.id in (select person_id from assigned)
      group by p.id, p.email
    )
    select a.account_id as "accountId", a.license_type_id as "licenseTypeId", a.app_id as "appId", a.app,
           a.license_type as "licenseType", u.email, pe.email as "personEmail", pe.name as "personName",
           a.account_status as "accountStatus", a.assigned_at as "assignedAt", a.threshold_days as "thresholdDays",
           lu.last_used_at as "lastUsedAt", lu.source as "usageSource", coalesce(lu.stale, false) as "usageStale",
           coalesce(lu.future_date, false) as "futureDate",
           case when c.app_id is null then 'usage_unknown'
                when a.account_status in ('suspended', 'deleted') or pe.past
                  or (lu.last_used_at is null and a.assigned_at < ${now}::timestamptz - make_interval(days => a.threshold_days))
                  or lu.last_used_at < ${now}::timestamptz - make_interval(days => a.threshold_days) then 'inactive'
                else 'active' end as state,
           case when c.app_id is null then null
                when a.account_status in ('suspended', 'deleted') then 'account_suspended'
                when pe.past then 'past_user'
                when lu.last_used_at is null and a.assigned_at < ${now}::timestamptz - make_interval(days => a.threshold_days) then 'never_used'
                when lu.last_used_at < ${now}::timestamptz - make_interval(days => a.threshold_days) then 'no_usage_in_threshold'
           end as reason
    from assigned a
    join users u on u.id = a.user_id
    join people pe on pe.id = a.person_id
    left join covered c on c.app_id = a.app_id
    left join last_use lu on lu.account_id = a.account_id`;
}
