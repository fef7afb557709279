import { sql } from 'kysely';
import { z } from 'zod';

/**
 * What every view of an account shows (an app's users tab, a user's apps): the account as the app
 * names it, its status, licenses and last use with the source that reported it.
 */
export interface AccountFacts {
  /** The name as the app shows it; null when the app knows only the email. */
  nameInApp: string | null;
  status: string;
  role: string | null;
  licenseTypes: string[];
  lastUsedAt: string | null;
  lastUsedSource: string | null;
  source: string;
  removedAt: string | null;
  /** Every usage source's last-used date for this account, newest first, with that source's freshness. */
  usageBySource: { source: string; lastUsedAt: string; stale: boolean }[];
}

export const accountFactsSchema = z.object({
  nameInApp: z.string().nullable(),
  status: z.string(),
  role: z.string().nullable(),
  licenseTypes: z.array(z.string()),
  lastUsedAt: z.string().nullable(),
  lastUsedSource: z.string().nullable(),
  source: z.string(),
  removedAt: z.string().nullable(),
  usageBySource: z.array(z.object({ source: z.string(), lastUsedAt: z.string(), stale: z.boolean() })),
});

/** Select list for AccountFacts over `accounts ac` joined with `sources s` and the `lu` lateral below. */
export const accountFactsColumns = sql`ac.name as "nameInApp", ac.status, ac.role, s.name as source, ac.removed_at as "removedAt",
  coalesce((select array_agg(lt.name order by lt.name) from account_licenses al
            join license_types lt on lt.id = al.license_type_id
            where al.account_id = ac.id and al.removed_at is null), '{}') as "licenseTypes",
  lu.last_used_at as "lastUsedAt", lu.source_name as "lastUsedSource",
  coalesce((select json_agg(json_build_object(
              'source', s3.name, 'lastUsedAt', to_char(us3.last_used_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
              'stale', s3.disconnected_at is not null or s3.last_success_at is null
                       or s3.last_success_at < now() - make_interval(days => coalesce(s3.staleness_days, st3.staleness_days)))
            order by us3.last_used_at desc)
            from usage us3 join sources s3 on s3.id = us3.source_id cross join organisation_settings st3
            where us3.account_id = ac.id), '[]') as "usageBySource"`;

/** The most recent use of account `ac` across usage sources, with the reporting source's name. */
export const lastUsedJoin = sql`left join lateral (
  select us.last_used_at, s2.name as source_name from usage us join sources s2 on s2.id = us.source_id
  where us.account_id = ac.id order by us.last_used_at desc limit 1) lu on true`;

type RawFacts = Omit<AccountFacts, 'lastUsedAt' | 'removedAt'> & {
  lastUsedAt: Date | string | null;
  removedAt: Date | string | null;
};

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

export function toAccountFacts<T extends RawFacts>(
  row: T,
): Omit<T, 'lastUsedAt' | 'removedAt'> & Pick<AccountFacts, 'lastUsedAt' | 'removedAt'> {
  return { ...row, lastUsedAt: iso(row.lastUsedAt), removedAt: iso(row.removedAt) };
}
