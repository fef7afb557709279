import { sql } from 'kysely';
import { decodeCursor, encodeCursor, type Page } from '../../lib/cursor.js';
import type { Roster } from '../../roster.js';
import { type InactiveReason, inactiveReasons, licenseStatesQuery } from './license-states.js';

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

// The app filter lives inside the states query (its scope), not outside it: repeated outside, it led the
// planner to a plan 80 times slower on PostgreSQL 15.
function inactiveQuery(
  filters: InactiveFilters,
  now: Date,
  after: (string | number)[] | undefined,
  limit: number,
) {
  const userPattern = filters.user
    ? `%${filters.user
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    : null;
  return sql<Row>`
    select * from (${licenseStatesQuery(now, { appId: filters.appId, appIds: filters.appIds })}) s
    where s.state = 'inactive'
      and ${filters.licenseType ? sql`lower(s."licenseType") = ${filters.licenseType.trim().toLowerCase()}` : sql`true`}
      and ${filters.reason ? sql`s.reason = ${filters.reason}` : sql`true`}
      and ${userPattern ? sql`(s.email like ${userPattern} or s."personEmail" like ${userPattern})` : sql`true`}
      and ${after ? sql`(lower(s.app), s."licenseType", s.email, s."accountId", s."licenseTypeId") > (${after[0]}, ${after[1]}, ${after[2]}, ${after[3]}, ${after[4]})` : sql`true`}
    order by lower(s.app), s."licenseType", s.email, s."accountId", s."licenseTypeId"
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

const keyOf = (r: Row) => [r.app.toLowerCase(), r.licenseType, r.email, r.accountId, r.licenseTypeId];

export async function listInactiveLicenses(
  roster: Roster,
  filters: InactiveFilters,
  options: { cursor?: string; limit?: number; now?: Date } = {},
): Promise<Page<InactiveLicense>> {
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000);
  const after = decodeCursor(options.cursor, 5);
  const { rows } = await inactiveQuery(filters, options.now ?? new Date(), after, limit + 1).execute(
    roster.database.db,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toInactiveLicense),
    nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null,
  };
}

/**
 * Every inactive license matching the filters, handed over in batches, read through a database cursor
 * inside one read transaction: memory stays bounded however many there are.
 */
export async function forEachInactiveLicense(
  roster: Roster,
  filters: InactiveFilters,
  onBatch: (batch: InactiveLicense[]) => Promise<void>,
  now = new Date(),
): Promise<number> {
  let total = 0;
  await roster.database.db.transaction().execute(async (trx) => {
    await sql`declare inactive_export no scroll cursor for ${inactiveQuery(filters, now, undefined, 2_147_483_647)}`.execute(
      trx,
    );
    for (;;) {
      const { rows } = await sql<Row>`fetch forward 5000 from inactive_export`.execute(trx);
      if (rows.length === 0) break;
      total += rows.length;
      await onBatch(rows.map(toInactiveLicense));
    }
    await sql`close inactive_export`.execute(trx);
  });
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
  const { rows } = await sql<LicenseTypeCounts>`
    with states as (select * from (${licenseStatesQuery(now, { appId })}) s)
    select lt.name, src.name as source, lt.price_per_user_cents as "pricePerUserCents", lt.purchased,
           count(s."accountId")::int as assigned,
           case when lt.purchased is null then null else greatest(lt.purchased - count(s."accountId"), 0)::int end as unassigned,
           count(*) filter (where s.state = 'active')::int as active,
           count(*) filter (where s.state = 'inactive')::int as inactive,
           count(*) filter (where s.state = 'usage_unknown')::int as "usageUnknown"
    from license_types lt
    join sources src on src.id = lt.source_id
    left join states s on s."licenseTypeId" = lt.id
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
  const { rows } = await sql<{ appId: number; app: string; reason: string | null; state: string; n: number }>`
    select s."appId", s.app, s.reason, s.state, count(*)::int as n
    from (${licenseStatesQuery(now, { appIds })}) s
    where s.state <> 'active'
    group by s."appId", s.app, s.reason, s.state`.execute(roster.database.db);
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
