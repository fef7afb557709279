import { sql } from 'kysely';
import type { Roster } from '../../roster.js';
import { loadAnnualSpend } from '../expenses/summary.service.js';
import { ensureLicenseStates } from '../licenses/license-store.js';

export interface Overview {
  /** Apps in use: those seen only at sign-up (sign_up_only_apps) are counted apart. */
  apps: number;
  appsSeenOnlyAtSignUp: number;
  /** People: users merged into another person are counted with that person. */
  people: number;
  /** Assigned licenses, and of them how many are inactive or of unknown usage. */
  licenses: number;
  inactiveLicenses: number;
  usageUnknownLicenses: number;
  /** Yearly cost of assigned licenses with a known price; null when no license has a price. */
  annualLicenseCost: number | null;
  /**
   * Annual spend from expense lines (matched and unmatched, in the organisation's currency): the trailing
   * 12 months, or extrapolated from a shorter covered period (`spendFrom` says which); null while no
   * expense line counts.
   */
  spend: number | null;
  spendFrom: 'trailing-12-months' | 'extrapolated' | null;
  currency: string;
  utilisation: {
    app: string;
    appId: number;
    purchased: number | null;
    assigned: number;
    active: number;
    inactive: number;
    usageUnknown: number;
  }[];
  inactiveByReason: Record<string, number>;
  /** Apps first seen per month (UTC), oldest first. */
  discovered: { month: string; apps: number }[];
}

const topApps = 12;

/**
 * The console's first page. License figures read the stored license states' counts, as the inactive lists
 * and summaries do, so the overview cannot disagree with them.
 */
export async function loadOverview(roster: Roster, now = new Date()): Promise<Overview> {
  const { db } = roster.database;
  const { rows: counts } = await sql<{ apps: number; signUpOnly: number; people: number }>`
    select (select count(*)::int from apps a where not exists (select 1 from sign_up_only_apps s where s.app_id = a.id)) as apps,
           (select count(*)::int from sign_up_only_apps) as "signUpOnly",
           (select count(*)::int from users u
            where not exists (select 1 from person_links l where l.user_id = u.id)) as people`.execute(db);
  // The stored states' counts (what the inactive lists and summaries read): a few thousand rows, where
  // computing every license's state here took seconds at 50,000 people.
  await ensureLicenseStates(roster.database, now);
  const { rows: perApp } = await sql<{
    appId: number;
    app: string;
    state: string;
    reason: string | null;
    n: number;
    cost: number | null;
  }>`
    select c.app_id::int as "appId", a.name as app, c.state, nullif(c.reason, '') as reason, sum(c.n)::int as n,
           (sum(c.n * lt.price_per_user_cents) * 12 / 100.0)::float8 as cost
    from license_state_counts c
    join apps a on a.id = c.app_id
    join license_types lt on lt.id = c.license_type_id
    group by c.app_id, a.name, c.state, c.reason`.execute(db);
  const { rows: purchased } = await sql<{ appId: number; purchased: number | null }>`
    select app_id as "appId", sum(purchased)::int as purchased from license_types
    where removed_at is null group by app_id`.execute(db);
  const { rows: discovered } = await sql<{ month: string; apps: number }>`
    select to_char(date_trunc('month', created_at at time zone 'UTC'), 'YYYY-MM') as month, count(*)::int as apps
    from apps a where not exists (select 1 from sign_up_only_apps s where s.app_id = a.id)
    group by 1 order by 1`.execute(db);

  const spend = await loadAnnualSpend(roster);
  const settings = await db.selectFrom('organisation_settings').select('currency').executeTakeFirst();

  const apps = new Map<number, Overview['utilisation'][number]>();
  const inactiveByReason: Record<string, number> = {};
  let licenses = 0;
  let inactive = 0;
  let unknown = 0;
  let cost: number | null = null;
  for (const row of perApp) {
    const app = apps.get(row.appId) ?? {
      app: row.app,
      appId: row.appId,
      purchased: null,
      assigned: 0,
      active: 0,
      inactive: 0,
      usageUnknown: 0,
    };
    app.assigned += row.n;
    licenses += row.n;
    if (row.cost !== null) cost = (cost ?? 0) + row.cost;
    if (row.state === 'active') app.active += row.n;
    else if (row.state === 'usage_unknown') {
      app.usageUnknown += row.n;
      unknown += row.n;
    } else {
      app.inactive += row.n;
      inactive += row.n;
      if (row.reason) inactiveByReason[row.reason] = (inactiveByReason[row.reason] ?? 0) + row.n;
    }
    apps.set(row.appId, app);
  }
  for (const p of purchased) {
    const app = apps.get(p.appId);
    if (app) app.purchased = p.purchased;
  }
  return {
    apps: counts[0]?.apps ?? 0,
    appsSeenOnlyAtSignUp: counts[0]?.signUpOnly ?? 0,
    people: counts[0]?.people ?? 0,
    licenses,
    inactiveLicenses: inactive,
    usageUnknownLicenses: unknown,
    annualLicenseCost: cost === null ? null : Math.round(cost * 100) / 100,
    spend: spend?.annualised ?? null,
    spendFrom: spend?.annualisedFrom ?? null,
    currency: settings?.currency ?? 'USD',
    utilisation: [...apps.values()].sort((a, b) => b.assigned - a.assigned).slice(0, topApps),
    inactiveByReason,
    discovered,
  };
}
