import { sql } from 'kysely';
import { decodeCursor, encodeCursor, likePattern, type Page } from '../../lib/cursor.js';
import {
  type CursorValue,
  decodeSortCursor,
  encodeSortCursor,
  keysetAfter,
  keysetOrder,
  parseSort,
  type SortKey,
  type SortParam,
} from '../../lib/list-sort.js';
import type { Roster } from '../../roster.js';
import {
  type AccountFacts,
  accountFactsColumns,
  instanceJoin,
  observationsJoin,
  toAccountFacts,
  unmanagedInstance,
} from '../accounts/account-facts.js';
import { extensionReportOn } from '../extension/extension-report.js';
import { type LicenseTypeCounts, licenseCounts } from '../licenses/licenses.repo.js';
import { appDomains } from './app-domains.js';
import { appOwners } from './app-owners.js';
import { findAppId } from './apps.service.js';

export interface AppSummary {
  id: number;
  name: string;
  catalogId: string | null;
  category: string | null;
  vendor: string | null;
  origin: 'catalog' | 'custom';
  /** Accounts in the app that are not removed: one per user per instance, the rows of its Users tab. */
  users: number;
  /** Of those, the accounts whose (derived) status is active. */
  activeAccounts: number;
  licenseTypes: number;
  sources: string[];
}

import type { AppSortField } from './app-sort-fields.js';

export { type AppSortField, appSortFields } from './app-sort-fields.js';

const byName = [sql`lower(a.name)`, sql`a.id`];
// Each field's value as the list computes it (the query's own expressions), so rows sort by what they show.
const appSortKeys: Record<AppSortField, SortKey> = {
  name: { value: byName[0]!, nullable: false, ties: [sql`a.id`] },
  users: { value: sql`coalesce(x.users, 0)`, nullable: false, ties: byName },
  activeAccounts: { value: sql`coalesce(x.active, 0)`, nullable: false, ties: byName },
  licenseTypes: { value: sql`lt.count`, nullable: false, ties: byName },
  // Custom apps have no category: they come last in both directions.
  category: { value: sql`c.category`, nullable: true, ties: byName },
};

export async function listApps(
  roster: Roster,
  options: {
    search?: string;
    /** Exactly this name, ignoring case (the API's paths take ids; a name is found here). */
    name?: string;
    cursor?: string;
    limit?: number;
    sort?: SortParam<AppSortField>;
    appIds?: number[] | null;
  },
): Promise<Page<AppSummary>> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const sort = parseSort(options.sort, 'name');
  const key = appSortKeys[sort.field];
  const after = decodeSortCursor(options.cursor, sort.param, 1 + key.ties.length);
  const { rows } = await sql<AppSummary & { sortKey: CursorValue[] }>`
    select a.id, a.name, a.catalog_id as "catalogId", c.category, c.vendor,
           case when a.catalog_id is null then 'custom' else 'catalog' end as origin,
           json_build_array(${sql.join([key.value, ...key.ties])}) as "sortKey",
           coalesce(x.users, 0)::int as users, coalesce(x.active, 0)::int as "activeAccounts",
           lt.count as "licenseTypes",
           -- One probe per source (is there any observation?), not a read of every account of the app: the
           -- latter made the first page of 1,000 apps of 150 accounts each cost tens of milliseconds.
           coalesce((select array_agg(distinct s.name) from sources s
                     where exists (select 1 from account_observations o where o.source_id = s.id and o.app_id = a.id)),
                    '{}') as sources
    from apps a
    left join catalog_apps c on c.id = a.catalog_id
    left join lateral (
      select count(*) filter (where ac.removed_at is null)::int as users,
             count(*) filter (where ac.removed_at is null and ac.status = 'active')::int as active
      from accounts ac where ac.app_id = a.id) x on true
    cross join lateral (
      select count(*)::int as count from license_types l where l.app_id = a.id and l.removed_at is null) lt
    where ${options.search ? sql`a.name ilike ${likePattern(options.search)}` : sql`true`}
      and ${options.name ? sql`lower(a.name) = ${options.name.toLowerCase()}` : sql`true`}
      and ${options.appIds ? sql`a.id = any (${options.appIds}::bigint[])` : sql`true`}
      and ${keysetAfter(key, sort.descending, after)}
    order by ${keysetOrder(key, sort.descending)}
    limit ${limit + 1}`.execute(roster.database.db);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(({ sortKey: _sortKey, ...app }) => app),
    nextCursor: rows.length > limit && last ? encodeSortCursor(sort.param, last.sortKey) : null,
  };
}

export interface AppAccount extends AccountFacts {
  email: string;
  firstSeenAt: string;
}

export interface AppDetail extends Omit<AppSummary, 'sources'> {
  /** The app's own inactivity threshold in days; null when it follows the organisation's default. */
  inactivityDays: number | null;
  sources: { id: number; name: string; kind: string }[];
  /** The app's instances: each direct source's copy of it, and `unmanaged` (users only partial sources see). */
  instances: { name: string; managed: boolean; accounts: number }[];
  owners: string[];
  domains: string[];
  licenseTypesDetail: LicenseTypeCounts[];
  /** Whether any usage source covers the app, which do, and what would fill the gap. */
  usage: { covered: boolean; sources: { name: string; stale: boolean }[]; wouldFill: string[] };
  /** The browser extension saw only sign-ups on it (no visit or sign-in, no other source): not in use. */
  seenOnlyAtSignUp: boolean;
  accounts: Page<AppAccount>;
}

export async function showApp(
  roster: Roster,
  ref: string | number,
  options: { cursor?: string; limit?: number; includeRemoved?: boolean; appId?: number } = {},
): Promise<AppDetail> {
  const { db } = roster.database;
  const id = options.appId ?? (await findAppId(roster, ref));
  const summary = await sql<Omit<AppSummary, 'sources'> & { inactivityDays: number | null }>`
    select a.id, a.name, a.catalog_id as "catalogId", c.category, c.vendor, a.inactivity_days as "inactivityDays",
           case when a.catalog_id is null then 'custom' else 'catalog' end as origin,
           (select count(*)::int from accounts where app_id = a.id and removed_at is null) as users,
           (select count(*)::int from accounts where app_id = a.id and removed_at is null and status = 'active') as "activeAccounts",
           (select count(*)::int from license_types where app_id = a.id and removed_at is null) as "licenseTypes"
    from apps a left join catalog_apps c on c.id = a.catalog_id where a.id = ${id}`.execute(db);
  const sources = await sql<{ id: number; name: string; kind: string }>`
    select distinct s.id, s.name, s.kind from sources s
    where exists (select 1 from account_observations o where o.source_id = s.id and o.app_id = ${id})
       or exists (select 1 from license_types lt where lt.source_id = s.id and lt.app_id = ${id})
    order by s.id`.execute(db);
  const instances = await sql<{ name: string; managed: boolean; accounts: number }>`
    select coalesce(s.name, ${unmanagedInstance}) as name, ai.source_id is not null as managed,
           (select count(*)::int from accounts ac where ac.app_id = ai.app_id and ac.instance_id = ai.id
              and ac.removed_at is null) as accounts
    from app_instances ai left join sources s on s.id = ai.source_id
    where ai.app_id = ${id}
    order by ai.source_id is null, ai.id`.execute(db);
  const licenseTypes = await licenseCounts(roster, id);
  const usageSources = await sql<{ name: string; stale: boolean; connected: boolean }>`
    select s.name, bool_and(s.disconnected_at is null) as connected, bool_or(s.disconnected_at is not null or s.last_success_at is null
           or s.last_success_at < now() - make_interval(days => coalesce(s.staleness_days, st.staleness_days))) as stale
    from usage u join accounts ac on ac.id = u.account_id join sources s on s.id = u.source_id
    cross join organisation_settings st
    where ac.app_id = ${id}
    group by s.name order by s.name`.execute(db);
  // A stale source still covers the app (its dates are flagged stale); a disconnected one no longer does.
  const covered = usageSources.rows.some((s) => s.connected);
  const app = summary.rows[0]!;
  return {
    ...app,
    sources: sources.rows,
    // An unmanaged instance nobody is in any more is no instance worth showing.
    instances: instances.rows.filter((i) => i.managed || i.accounts > 0),
    owners: await appOwners(roster, id),
    domains: await appDomains(roster, id),
    licenseTypesDetail: licenseTypes,
    usage: {
      covered,
      sources: usageSources.rows.map(({ name, stale }) => ({ name, stale })),
      wouldFill: covered
        ? []
        : [
            await extensionReportOn(db, id),
            'an integration of this app that reports sign-in or last-used dates',
          ],
    },
    seenOnlyAtSignUp: Boolean(
      await db.selectFrom('sign_up_only_apps').select('app_id').where('app_id', '=', id).executeTakeFirst(),
    ),
    accounts: await appAccounts(roster, id, options),
  };
}

/**
 * One page of an app's accounts (its Users tab and its CSV), by email; removed accounts only when asked.
 * A short keyset read: the CSV reads page after page of it without holding anything between them.
 */
export async function appAccounts(
  roster: Roster,
  appId: number,
  options: { cursor?: string; limit?: number; includeRemoved?: boolean } = {},
): Promise<Page<AppAccount>> {
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000);
  const after = decodeCursor(options.cursor, 2);
  const accounts = await sql<AppAccount & { id: number }>`
    select ac.id, u.email, ac.first_seen_at as "firstSeenAt", ${accountFactsColumns}
    from accounts ac join users u on u.id = ac.user_id ${instanceJoin}
    ${observationsJoin}
    where ac.app_id = ${appId}
      and ${options.includeRemoved ? sql`true` : sql`ac.removed_at is null`}
      and ${after ? sql`(u.email, ac.id) > (${after[0]}, ${after[1]})` : sql`true`}
    order by u.email, ac.id limit ${limit + 1}`.execute(roster.database.db);
  const page = accounts.rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ id: _id, ...a }) => ({
      ...toAccountFacts(a),
      firstSeenAt: new Date(a.firstSeenAt).toISOString(),
    })),
    nextCursor: accounts.rows.length > limit && last ? encodeCursor([last.email, last.id]) : null,
  };
}
