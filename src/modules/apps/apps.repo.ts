import { sql } from 'kysely';
import { decodeCursor, encodeCursor, likePattern, type Page } from '../../lib/cursor.js';
import type { Roster } from '../../roster.js';
import {
  type AccountFacts,
  accountFactsColumns,
  lastUsedJoin,
  toAccountFacts,
} from '../accounts/account-facts.js';
import { findAppId } from './apps.service.js';

export interface AppSummary {
  id: number;
  name: string;
  catalogId: string | null;
  category: string | null;
  vendor: string | null;
  origin: 'catalog' | 'custom';
  /** Distinct users with an account in the app that is not removed. */
  users: number;
  activeAccounts: number;
  licenseTypes: number;
  sources: string[];
}

export async function listApps(
  roster: Roster,
  options: { search?: string; cursor?: string; limit?: number },
): Promise<Page<AppSummary>> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const after = decodeCursor(options.cursor, 2);
  const { rows } = await sql<AppSummary & { sortKey: string }>`
    select a.id, a.name, a.catalog_id as "catalogId", c.category, c.vendor,
           case when a.catalog_id is null then 'custom' else 'catalog' end as origin,
           lower(a.name) as "sortKey",
           coalesce(x.users, 0)::int as users, coalesce(x.active, 0)::int as "activeAccounts",
           (select count(*)::int from license_types lt where lt.app_id = a.id and lt.removed_at is null) as "licenseTypes",
           coalesce((select array_agg(distinct s.name) from accounts ac join sources s on s.id = ac.source_id
                     where ac.app_id = a.id), '{}') as sources
    from apps a
    left join catalog_apps c on c.id = a.catalog_id
    left join lateral (
      select count(distinct ac.user_id) filter (where ac.removed_at is null) as users,
             count(*) filter (where ac.removed_at is null and ac.status = 'active') as active
      from accounts ac where ac.app_id = a.id) x on true
    where ${options.search ? sql`a.name ilike ${likePattern(options.search)}` : sql`true`}
      and ${after ? sql`(lower(a.name), a.id) > (${after[0]}, ${after[1]})` : sql`true`}
    order by lower(a.name), a.id
    limit ${limit + 1}`.execute(roster.database.db);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(({ sortKey: _sortKey, ...app }) => app),
    nextCursor: rows.length > limit && last ? encodeCursor([last.sortKey, last.id]) : null,
  };
}

export interface LicenseTypeSummary {
  name: string;
  source: string;
  purchased: number | null;
  assigned: number;
  unassigned: number | null;
  pricePerUserCents: number | null;
}

export interface AppAccount extends AccountFacts {
  email: string;
  firstSeenAt: string;
}

export interface AppDetail extends Omit<AppSummary, 'sources'> {
  sources: { id: number; name: string; kind: string }[];
  licenseTypesDetail: LicenseTypeSummary[];
  accounts: Page<AppAccount>;
}

export async function showApp(
  roster: Roster,
  ref: string | number,
  options: { cursor?: string; limit?: number; includeRemoved?: boolean } = {},
): Promise<AppDetail> {
  const { db } = roster.database;
  const id = await findAppId(roster, ref);
  const summary = await sql<AppSummary>`
    select a.id, a.name, a.catalog_id as "catalogId", c.category, c.vendor,
           case when a.catalog_id is null then 'custom' else 'catalog' end as origin,
           (select count(distinct user_id)::int from accounts where app_id = a.id and removed_at is null) as users,
           (select count(*)::int from accounts where app_id = a.id and removed_at is null and status = 'active') as "activeAccounts",
           (select count(*)::int from license_types where app_id = a.id and removed_at is null) as "licenseTypes"
    from apps a left join catalog_apps c on c.id = a.catalog_id where a.id = ${id}`.execute(db);
  const sources = await sql<{ id: number; name: string; kind: string }>`
    select distinct s.id, s.name, s.kind from sources s
    where exists (select 1 from accounts ac where ac.source_id = s.id and ac.app_id = ${id})
       or exists (select 1 from license_types lt where lt.source_id = s.id and lt.app_id = ${id})
    order by s.id`.execute(db);
  const licenseTypes = await sql<LicenseTypeSummary>`
    select lt.name, s.name as source, lt.purchased, lt.price_per_user_cents as "pricePerUserCents",
           count(al.account_id) filter (where al.removed_at is null and ac.removed_at is null)::int as assigned,
           case when lt.purchased is null then null
                else greatest(lt.purchased - count(al.account_id) filter (where al.removed_at is null and ac.removed_at is null), 0)::int end as unassigned
    from license_types lt join sources s on s.id = lt.source_id
    left join account_licenses al on al.license_type_id = lt.id
    left join accounts ac on ac.id = al.account_id
    where lt.app_id = ${id} and lt.removed_at is null
    group by lt.id, s.name order by lt.name`.execute(db);
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000);
  const after = decodeCursor(options.cursor, 2);
  const accounts = await sql<AppAccount & { id: number }>`
    select ac.id, u.email, ac.first_seen_at as "firstSeenAt", ${accountFactsColumns}
    from accounts ac join users u on u.id = ac.user_id join sources s on s.id = ac.source_id
    ${lastUsedJoin}
    where ac.app_id = ${id}
      and ${options.includeRemoved ? sql`true` : sql`ac.removed_at is null`}
      and ${after ? sql`(u.email, ac.id) > (${after[0]}, ${after[1]})` : sql`true`}
    order by u.email, ac.id limit ${limit + 1}`.execute(db);
  const page = accounts.rows.slice(0, limit);
  const last = page[page.length - 1];
  const app = summary.rows[0]!;
  return {
    ...app,
    sources: sources.rows,
    licenseTypesDetail: licenseTypes.rows,
    accounts: {
      items: page.map(({ id: _id, ...a }) => ({
        ...toAccountFacts(a),
        firstSeenAt: new Date(a.firstSeenAt).toISOString(),
      })),
      nextCursor: accounts.rows.length > limit && last ? encodeCursor([last.email, last.id]) : null,
    },
  };
}
