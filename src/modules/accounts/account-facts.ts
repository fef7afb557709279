import { sql } from 'kysely';
import { z } from 'zod';

/** Name of the instance of accounts no direct source lists (known only through SSO, OAuth grants…). */
export const unmanagedInstance = 'unmanaged';

/** What one source reported about an account (its observation). */
export const observationSchema = z.object({
  source: z.string(),
  kind: z.string(),
  /** `direct`: the source reads the app itself; `partial`: it sees the user through SSO or OAuth grants. */
  role: z.enum(['direct', 'partial']),
  status: z.enum(['active', 'suspended', 'deleted']),
  nameInApp: z.string().nullable(),
  roleInApp: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  firstSeenAt: z.string(),
  removedAt: z.string().nullable(),
  /** Whether the source's dates are out of date (stale, failing or disconnected). */
  stale: z.boolean(),
});
export type Observation = z.infer<typeof observationSchema>;

/**
 * What every view of an account shows (an app's users tab, a person's apps): one user in one app instance,
 * its values derived from its observations (migrations/0010, view account_precedence), and each source's
 * observation beside them.
 */
export const accountFactsSchema = z.object({
  /** The direct source whose copy of the app holds the account, or `unmanaged`. */
  instance: z.string(),
  /** The name as the app shows it; null when the app knows only the email. */
  nameInApp: z.string().nullable(),
  status: z.enum(['active', 'suspended', 'deleted']),
  role: z.string().nullable(),
  licenseTypes: z.array(z.string()),
  lastUsedAt: z.string().nullable(),
  lastUsedSource: z.string().nullable(),
  removedAt: z.string().nullable(),
  /** Every usage source's last-used date for this account, newest first, with that source's freshness. */
  usageBySource: z.array(z.object({ source: z.string(), lastUsedAt: z.string(), stale: z.boolean() })),
  /** Every source that saw the account, the direct one first. */
  sources: z.array(observationSchema),
});
export type AccountFacts = z.infer<typeof accountFactsSchema>;

const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

const staleSource = (s: string, st: string) =>
  sql.raw(`(${s}.disconnected_at is not null or ${s}.last_success_at is null
            or ${s}.last_success_at < now() - make_interval(days => coalesce(${s}.staleness_days, ${st}.staleness_days)))`);

/**
 * Select list for AccountFacts over `accounts ac`, with `lastUsedJoin` and `instanceJoin` below.
 */
export const accountFactsColumns = sql`coalesce(isrc.name, ${unmanagedInstance}) as instance,
  ac.name as "nameInApp", ac.status, ac.role, ac.removed_at as "removedAt",
  coalesce((select array_agg(lt.name order by lt.name) from account_licenses al
            join license_types lt on lt.id = al.license_type_id
            where al.account_id = ac.id and al.removed_at is null), '{}') as "licenseTypes",
  lu.last_used_at as "lastUsedAt", lu.source_name as "lastUsedSource",
  coalesce((select json_agg(json_build_object('source', s3.name, 'lastUsedAt', ${iso('us3.last_used_at')},
                                              'stale', ${staleSource('s3', 'st3')})
            order by us3.last_used_at desc)
            from usage us3 join sources s3 on s3.id = us3.source_id cross join organisation_settings st3
            where us3.account_id = ac.id), '[]') as "usageBySource",
  (select json_agg(json_build_object(
            'source', s4.name, 'kind', s4.kind, 'role', case when oi.id is null then 'partial' else 'direct' end,
            'status', o.status, 'nameInApp', o.name, 'roleInApp', o.role, 'lastUsedAt', ${iso('o.last_used_at')},
            'firstSeenAt', ${iso('o.first_seen_at')}, 'removedAt', ${iso('o.removed_at')},
            'stale', ${staleSource('s4', 'st4')})
          order by oi.id is null, s4.name)
   from account_observations o join sources s4 on s4.id = o.source_id cross join organisation_settings st4
   left join app_instances oi on oi.app_id = o.app_id and oi.source_id = o.source_id
   where o.account_id = ac.id) as sources`;

/** The most recent use of account `ac` across usage sources, with the reporting source's name. */
export const lastUsedJoin = sql`left join lateral (
  select us.last_used_at, s2.name as source_name from usage us join sources s2 on s2.id = us.source_id
  where us.account_id = ac.id order by us.last_used_at desc limit 1) lu on true`;

/** The instance of account `ac` (`ai`) and its direct source (`isrc`; none for the unmanaged instance). */
export const instanceJoin = sql`join app_instances ai on ai.id = ac.instance_id
  left join sources isrc on isrc.id = ai.source_id`;

type RawFacts = Omit<AccountFacts, 'lastUsedAt' | 'removedAt' | 'sources'> & {
  lastUsedAt: Date | string | null;
  removedAt: Date | string | null;
  sources: AccountFacts['sources'] | null;
};

const isoDate = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

export function toAccountFacts<T extends RawFacts>(
  row: T,
): Omit<T, 'lastUsedAt' | 'removedAt' | 'sources'> &
  Pick<AccountFacts, 'lastUsedAt' | 'removedAt' | 'sources'> {
  return {
    ...row,
    lastUsedAt: isoDate(row.lastUsedAt),
    removedAt: isoDate(row.removedAt),
    sources: row.sources ?? [],
  };
}
