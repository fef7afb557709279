import { sql } from 'kysely';
import { decodeCursor, encodeCursor, type Page } from '../../lib/cursor.js';
import type { Roster } from '../../roster.js';
import { type InactiveReason, inactiveReasons } from './license-states.js';
import { ensureLicenseStates } from './license-store.js';

export interface InactiveLicense {
  /** The person holding the license: best-known name, and the person's primary email. */
  user: string | null;
  personEmail: string;
  /** Which of the person's emails holds this license. */
  email: string;
  app: string;
  licenseType: string;
  lastUsedAt: string | null;
  usageSource: string | null;
  usageStale: boolean;
  futureDate: boolean;
  reason: InactiveReason;
  reasonText: string;
  thresholdDays: number;
}

export interface InactiveFilters {
  appId?: number;
  /** Only these apps (an app owner's); absent means every app. */
  appIds?: number[] | null;
  licenseType?: string;
  reason?: InactiveReason;
  /** Any email of the holder, or part of it. */
  user?: string;
}

type Row = {
  accountId: number;
  licenseTypeId: number;
  app: string;
  /** `lower(app)` as the database computes it, so the next page starts exactly where this one ended. */
  appKey: string;
  licenseType: string;
  email: string;
  personEmail: string;
  personName: string | null;
  lastUsedAt: Date | null;
  usageSource: string | null;
  usageStale: boolean;
  futureDate: boolean;
  reason: InactiveReason;
  thresholdDays: number;
};

function inactiveQuery(filters: InactiveFilters, after: (string | number)[] | undefined, limit: number) {
  const userPattern = filters.user
    ? `%${filters.user
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    : null;
  // One app pages by (license type, email, …) on its own index; every app by (app, license type, …).
  const order =
    filters.appId !== undefined
      ? sql`s.license_type, s.email, s.account_id, s.license_type_id`
      : sql`lower(s.app), s.license_type, s.email, s.account_id, s.license_type_id`;
  const position =
    after && filters.appId !== undefined
      ? sql`(s.license_type, s.email, s.account_id, s.license_type_id) > (${after[1]}, ${after[2]}, ${after[3]}, ${after[4]})`
      : after
        ? sql`(lower(s.app), s.license_type, s.email, s.account_id, s.license_type_id) > (${after[0]}, ${after[1]}, ${after[2]}, ${after[3]}, ${after[4]})`
        : sql`true`;
  return sql<Row>`
    select s.account_id as "accountId", s.license_type_id as "licenseTypeId", s.app, lower(s.app) as "appKey", s.license_type as "licenseType",
           s.email, s.person_email as "personEmail", s.person_name as "personName", s.last_used_at as "lastUsedAt",
           s.usage_source as "usageSource", s.usage_stale as "usageStale", s.future_date as "futureDate", s.reason,
           s.threshold_days as "thresholdDays"
    from license_states s
    where s.state = 'inactive'
      and ${filters.appId !== undefined ? sql`s.app_id = ${filters.appId}` : sql`true`}
      and ${filters.appIds ? sql`s.app_id = any (${filters.appIds}::bigint[])` : sql`true`}
      and ${filters.licenseType ? sql`lower(s.license_type) = ${filters.licenseType.trim().toLowerCase()}` : sql`true`}
      and ${filters.reason ? sql`s.reason = ${filters.reason}` : sql`true`}
      and ${userPattern ? sql`(s.email like ${userPattern} or s.person_email like ${userPattern})` : sql`true`}
      and ${position}
    order by ${order}
    limit ${limit}`;
}

export function toInactiveLicense(row: Row): InactiveLicense {
  return {
    user: row.personName,
    personEmail: row.personEmail,
    email: row.email,
    app: row.app,
    licenseType: row.licenseType,
    lastUsedAt: row.lastUsedAt ? new Date(row.lastUsedAt).toISOString() : null,
    usageSource: row.usageSource,
    usageStale: row.usageStale,
    futureDate: row.futureDate,
    reason: row.reason,
    reasonText: inactiveReasons[row.reason],
    thresholdDays: row.thresholdDays,
  };
}

const keyOf = (r: Row) => [r.appKey, r.licenseType, r.email, r.accountId, r.licenseTypeId];

export async function listInactiveLicenses(
  roster: Roster,
  filters: InactiveFilters,
  options: { cursor?: string; limit?: number; now?: Date } = {},
): Promise<Page<InactiveLicense>> {
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000);
  const after = decodeCursor(options.cursor, 5);
  await ensureLicenseStates(roster.database, options.now);
  const { rows } = await inactiveQuery(filters, after, limit + 1).execute(roster.database.db);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toInactiveLicense),
    nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null,
  };
}

/**
 * Every inactive license matching the filters, handed over in batches. Each batch is its own short keyset
 * read, so nothing holds a transaction or a connection while `onBatch` waits for a slow or vanished client;
 * memory stays bounded however many there are. `signal` stops the reading between batches.
 */
export async function forEachInactiveLicense(
  roster: Roster,
  filters: InactiveFilters,
  onBatch: (batch: InactiveLicense[]) => Promise<void>,
  options: { now?: Date; signal?: AbortSignal; batchSize?: number } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 5000;
  let total = 0;
  let after: (string | number)[] | undefined;
  await ensureLicenseStates(roster.database, options.now ?? new Date());
  for (;;) {
    options.signal?.throwIfAborted();
    const { rows } = await inactiveQuery(filters, after, batchSize).execute(roster.database.db);
    if (rows.length === 0) break;
    total += rows.length;
    await onBatch(rows.map(toInactiveLicense));
    if (rows.length < batchSize) break;
    after = keyOf(rows[rows.length - 1]!);
  }
  return total;
}

export interface LicenseTypeCounts {
  name: string;
  source: string;
  pricePerUserCents: number | null;
  purchased: number | null;
  assigned: number;
  unassigned: number | null;
  active: number;
  inactive: number;
  usageUnknown: number;
}

/** Per license type of an app: purchased, assigned, unassigned, and how many are active, inactive, unknown. */
export async function licenseCounts(
  roster: Roster,
  appId: number,
  now = new Date(),
): Promise<LicenseTypeCounts[]> {
  await ensureLicenseStates(roster.database, now);
  const { rows } = await sql<LicenseTypeCounts>`
    select lt.name, src.name as source, lt.price_per_user_cents as "pricePerUserCents", lt.purchased,
           coalesce(sum(c.n), 0)::int as assigned,
           case when lt.purchased is null then null else greatest(lt.purchased - coalesce(sum(c.n), 0), 0)::int end as unassigned,
           coalesce(sum(c.n) filter (where c.state = 'active'), 0)::int as active,
           coalesce(sum(c.n) filter (where c.state = 'inactive'), 0)::int as inactive,
           coalesce(sum(c.n) filter (where c.state = 'usage_unknown'), 0)::int as "usageUnknown"
    from license_types lt
    join sources src on src.id = lt.source_id
    left join license_state_counts c on c.license_type_id = lt.id and c.app_id = lt.app_id
    where lt.app_id = ${appId} and lt.removed_at is null
    group by lt.id, lt.name, lt.purchased, src.name
    order by lt.name`.execute(roster.database.db);
  return rows;
}

export interface InactiveSummaryRow {
  app: string;
  appId: number;
  inactive: number;
  usageUnknown: number;
  byReason: Record<string, number>;
}

/** Inactive and usage-unknown license counts for every app, with the count per reason. */
export async function inactiveSummary(
  roster: Roster,
  now = new Date(),
  appIds: number[] | null = null,
): Promise<InactiveSummaryRow[]> {
  await ensureLicenseStates(roster.database, now);
  const { rows } = await sql<{ appId: number; app: string; reason: string | null; state: string; n: number }>`
    select c.app_id as "appId", a.name as app, nullif(c.reason, '') as reason, c.state, sum(c.n)::int as n
    from license_state_counts c join apps a on a.id = c.app_id
    where c.state <> 'active' and ${appIds ? sql`c.app_id = any (${appIds}::bigint[])` : sql`true`}
    group by c.app_id, a.name, c.reason, c.state`.execute(roster.database.db);
  const byApp = new Map<number, InactiveSummaryRow>();
  for (const r of rows) {
    const entry = byApp.get(r.appId) ?? {
      app: r.app,
      appId: r.appId,
      inactive: 0,
      usageUnknown: 0,
      byReason: {},
    };
    if (r.state === 'usage_unknown') entry.usageUnknown += r.n;
    else {
      entry.inactive += r.n;
      if (r.reason) entry.byReason[r.reason] = (entry.byReason[r.reason] ?? 0) + r.n;
    }
    byApp.set(r.appId, entry);
  }
  return [...byApp.values()].sort((a, b) => a.app.localeCompare(b.app));
}
