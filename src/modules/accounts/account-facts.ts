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
 * Select list for AccountFacts over `accounts ac`, with `observationsJoin` and `instanceJoin` below.
 */
export const accountFactsColumns = sql`coalesce(isrc.name, ${unmanagedInstance}) as instance,
  ac.name as "nameInApp", ac.status, ac.role, ac.removed_at as "removedAt",
  coalesce((select array_agg(lt.name order by lt.name) from account_licenses al
            join license_types lt on lt.id = al.license_type_id
            where al.account_id = ac.id and al.removed_at is null), '{}') as "licenseTypes",
  obs.last_used_at as "lastUsedAt", obs.last_used_source as "lastUsedSource",
  coalesce(obs.usage_by_source, '[]') as "usageBySource", obs.sources`;

/** A source's last use first: the newest date, then the source's name between equal dates. */
const newestUse = sql.raw('order by v.last_used_at desc, v.source');
const used = sql.raw('filter (where v.last_used_at is not null)');

/**
 * Every source's observation of account `ac` (`obs`), read once: the sources that saw it (the direct one
 * first), each usage source's last use (newest first) and the most recent use with its source: one pass
 * over the account's observations where three subqueries each read them, each observation's dates and
 * staleness worked out once for both lists. Equal dates go by source name, so the latest use names the
 * same source on every read.
 */
export const observationsJoin = sql`left join lateral (
  select json_agg(json_build_object(
           'source', v.source, 'kind', v.kind, 'role', case when v.direct then 'direct' else 'partial' end,
           'status', v.status, 'nameInApp', v.name, 'roleInApp', v.role, 'lastUsedAt', v.last_used,
           'firstSeenAt', v.first_seen, 'removedAt', v.removed, 'stale', v.stale)
         order by not v.direct, v.source) as sources,
         json_agg(json_build_object('source', v.source, 'lastUsedAt', v.last_used, 'stale', v.stale)
                  ${newestUse}) ${used} as usage_by_source,
         (array_agg(v.last_used_at ${newestUse}) ${used})[1] as last_used_at,
         (array_agg(v.source ${newestUse}) ${used})[1] as last_used_source
  from (select s.name as source, s.kind, oi.id is not null as direct, o.status, o.name, o.role, o.last_used_at,
               ${iso('o.last_used_at')} as last_used, ${iso('o.first_seen_at')} as first_seen,
               ${iso('o.removed_at')} as removed, ${staleSource('s', 'st')} as stale
        from account_observations o join sources s on s.id = o.source_id cross join organisation_settings st
        left join app_instances oi on oi.app_id = o.app_id and oi.source_id = o.source_id
        where o.account_id = ac.id) v) obs on true`;

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
