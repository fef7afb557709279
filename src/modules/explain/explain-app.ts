import { sql } from 'kysely';
import type { SourceKind } from '../../connectors/kit/connector.js';
import type { Roster } from '../../roster.js';
import { findAppId } from '../apps/apps.service.js';
import { ensureLicenseStates } from '../licenses/license-store.js';
import { licenseCounts } from '../licenses/licenses.repo.js';
import { sourcesOfApp } from './explain-sources.js';
import { type Explanation, fillUsageGap } from './explanation.js';

type FindKind = (kind: string) => SourceKind<unknown, unknown> | undefined;

async function appFacts(roster: Roster, appId: number) {
  const { rows } = await sql<{
    name: string;
    users: number;
    licensedUsers: number;
    usersWithSeveral: number;
    removedAccounts: number;
    withUsage: number;
    accounts: number;
    unmanaged: number;
    instances: number;
    emailOnly: number;
    bySource: { source: string; direct: boolean; users: number }[];
  }>`
    with held as (
      select ac.id, count(al.license_type_id) as n
      from accounts ac
      left join account_licenses al on al.account_id = ac.id and al.removed_at is null
      left join license_types lt on lt.id = al.license_type_id and lt.removed_at is null
      where ac.app_id = ${appId} and ac.removed_at is null
      group by ac.id
    )
    select a.name,
           (select count(*)::int from held) as users,
           (select count(*)::int from held where n > 0) as "licensedUsers",
           (select count(*)::int from held where n > 1) as "usersWithSeveral",
           (select count(*)::int from accounts where app_id = ${appId} and removed_at is not null) as "removedAccounts",
           (select count(distinct ac.id)::int from accounts ac join usage u on u.account_id = ac.id
            where ac.app_id = ${appId} and ac.removed_at is null) as "withUsage",
           (select count(*)::int from accounts ac join app_instances ai on ai.id = ac.instance_id
            where ac.app_id = ${appId} and ac.removed_at is null and ai.source_id is null) as unmanaged,
           (select count(distinct ac.instance_id)::int from accounts ac
            where ac.app_id = ${appId} and ac.removed_at is null) as instances,
           -- Accounts the app shows by email alone while the person's page has a name from HR, the IdP or another app.
           (select count(*)::int from accounts ac
            where ac.app_id = ${appId} and ac.removed_at is null and ac.name is null
              and (exists (select 1 from account_observations o join accounts other on other.id = o.account_id
                           where other.user_id = ac.user_id and o.name is not null)
                   or exists (select 1 from users u join employees_of_record e on e.email = u.email
                              where u.id = ac.user_id and e.name is not null))) as "emailOnly",
           (select coalesce(json_agg(x order by x.direct desc, x.source), '[]') from (
              select s.name as source, bool_or(oi.id is not null) as direct, count(*)::int as users
              from accounts ac join account_observations o on o.account_id = ac.id
              join sources s on s.id = o.source_id
              left join app_instances oi on oi.app_id = o.app_id and oi.source_id = o.source_id
              where ac.app_id = ${appId} and ac.removed_at is null and o.removed_at is null
              group by s.name) x) as "bySource",
           (select count(*)::int from accounts where app_id = ${appId} and removed_at is null) as accounts
    from apps a where a.id = ${appId}`.execute(roster.database.db);
  return rows[0]!;
}

/** What every app explanation starts from: the app's facts, its sources and its license counts. */
async function loadApp(roster: Roster, appRef: string, findKind?: FindKind) {
  const appId = await findAppId(roster, appRef);
  const [facts, sources, licenses] = await Promise.all([
    appFacts(roster, appId),
    sourcesOfApp(roster, appId, findKind),
    licenseCounts(roster, appId),
  ]);
  return { appId, facts, sources, licenses };
}

/** Users of an app: who is counted, who holds a license, and why the list may be incomplete. */
export async function explainAppUsers(
  roster: Roster,
  appRef: string,
  findKind?: FindKind,
): Promise<Explanation> {
  const { facts, sources, licenses } = await loadApp(roster, appRef, findKind);
  const causes: Explanation['causes'] = [];
  const toImprove: string[] = [];
  const purchased = licenses.reduce((sum, l) => sum + (l.purchased ?? 0), 0);
  const unlicensed = facts.users - facts.licensedUsers;
  if (licenses.length > 0 && unlicensed > 0) {
    causes.push({
      code: 'users_without_license',
      text: `${unlicensed} of ${facts.users} users hold no license: they signed up with a company address outside the managed account, or use a free seat. The users tab marks who holds a license.`,
      count: unlicensed,
    });
  }
  if (facts.bySource.length > 0) {
    causes.push({
      code: 'seen_by_sources',
      text: `Each user is counted once per copy of the app, however many sources saw them: ${facts.bySource
        .map((s) => `${s.source} (${s.direct ? 'the app itself' : 'partial'}) lists ${s.users}`)
        .join(', ')}.`,
    });
  }
  if (facts.unmanaged > 0 && facts.unmanaged < facts.users) {
    causes.push({
      code: 'unmanaged_users',
      text: `${facts.unmanaged} of ${facts.users} users are known only through SSO or OAuth grants, not from the app's own list of users: they are in the app's unmanaged instance (signed in outside the managed account, or not yet listed by its integration).`,
      count: facts.unmanaged,
    });
  }
  if (facts.instances > 1) {
    causes.push({
      code: 'several_instances',
      text: `The app has ${facts.instances} instances (separately connected copies, or users known only through SSO): a person in two of them counts as two users, one per instance.`,
      count: facts.instances,
    });
  }
  if (facts.emailOnly > 0) {
    causes.push({
      code: 'email_instead_of_name',
      text: `${facts.emailOnly} users appear here by email only: the app shows them that way. Their own pages show the best-known name (from the HR system, the identity provider, or the name most of their apps use); both are right.`,
      count: facts.emailOnly,
    });
  }
  const full = sources.filter((s) => s.coverage === 'full' && s.freshness !== 'disconnected');
  if (full.length === 0) {
    const partial = sources.filter((s) => s.coverage === 'partial').map((s) => s.name);
    causes.push({
      code: 'not_integrated',
      text: `${facts.users} users are known only from ${partial.length ? partial.join(', ') : 'partial sources'}, which see users when they sign in; the app's own list of users is not connected.`,
    });
    toImprove.push(
      `Connect ${facts.name}'s integration (or upload its user export) for the full list of users.`,
    );
  }
  for (const s of sources.filter((s) => s.freshness !== 'fresh')) {
    causes.push({
      code: `source_${s.freshness}`,
      text: `${s.name} is ${s.freshness.replace('_', ' ')}: the users it reported may be out of date.`,
    });
  }
  const usageSources = sources.filter((s) => s.capabilities.includes('lastUsed'));
  if (facts.accounts > 0 && facts.withUsage === 0 && usageSources.length > 0) {
    causes.push({
      code: 'never_used_by_anyone',
      text: `None of the ${facts.accounts} accounts has been used, though ${usageSources.map((s) => s.name).join(', ')} can report use: the accounts were created (for example by signing up to a mailing list or an event form) but the app was not used.`,
      count: facts.accounts,
    });
  }
  return {
    what: 'app-users',
    subject: facts.name,
    figure: {
      users: facts.users,
      unmanaged: facts.unmanaged,
      licensedUsers: facts.licensedUsers,
      purchasedLicenses: licenses.length ? purchased : null,
    },
    computation:
      "Users are accounts: one per email address per copy (instance) of the app, however many sources saw it. An account counts while its app's own source still lists it (or, for users known only through SSO or OAuth grants, while any of those sources does); removed accounts are not counted.",
    sources,
    causes,
    excluded: facts.removedAccounts
      ? [{ what: 'removed accounts', count: facts.removedAccounts, why: 'no longer listed by their source' }]
      : [],
    toImprove,
  };
}

/** License counts of an app: purchased, assigned and why they differ from the user count. */
export async function explainAppLicenses(
  roster: Roster,
  appRef: string,
  findKind?: FindKind,
): Promise<Explanation> {
  const { facts, sources, licenses } = await loadApp(roster, appRef, findKind);
  const assigned = licenses.reduce((sum, l) => sum + l.assigned, 0);
  const known = licenses.filter((l) => l.purchased !== null);
  const purchased = known.reduce((sum, l) => sum + (l.purchased ?? 0), 0);
  const causes: Explanation['causes'] = [];
  const toImprove: string[] = [];
  if (licenses.length === 0) {
    const withLicenseData = sources.filter((s) => s.capabilities.includes('licenseTypes'));
    causes.push({
      code: 'no_license_data',
      text:
        withLicenseData.length === 0
          ? `None of this app's sources (${sources.map((s) => s.name).join(', ') || 'none'}) provides license data: license types come only from direct integrations or an upload that lists them.`
          : `Its sources can report license types but reported none: the integrated app's API may not expose them.`,
    });
    toImprove.push(
      'Connect an integration that reports license types, or upload a CSV with a license_types column.',
    );
  }
  if (facts.usersWithSeveral > 0) {
    causes.push({
      code: 'several_licenses_per_user',
      text: `${facts.usersWithSeveral} users hold more than one license type, so there are more licenses (${assigned}) than licensed users (${facts.licensedUsers}).`,
      count: facts.usersWithSeveral,
    });
  }
  if (purchased > 0) {
    const knownAssigned = known.reduce((sum, l) => sum + l.assigned, 0);
    if (purchased > knownAssigned) {
      causes.push({
        code: 'purchased_above_assigned',
        text: `${purchased - knownAssigned} purchased seats are not assigned to anyone.`,
        count: purchased - knownAssigned,
      });
    }
  }
  if (facts.users > facts.licensedUsers && licenses.length > 0) {
    causes.push({
      code: 'users_without_license',
      text: `${facts.users - facts.licensedUsers} users hold no license (outside the managed account or on free seats).`,
      count: facts.users - facts.licensedUsers,
    });
  }
  return {
    what: 'app-licenses',
    subject: facts.name,
    figure: {
      licenseTypes: licenses.length,
      assigned,
      purchased: known.length ? purchased : null,
      users: facts.users,
    },
    computation:
      'Assigned licenses are license types held by accounts that are still listed; purchased seats are what the source reports per license type.',
    sources,
    causes,
    excluded: [],
    toImprove,
  };
}

/** The threshold in force for an app: its own, or the organisation's default (settings may change it). */
async function inactivityThreshold(roster: Roster, appId: number): Promise<{ days: number; own: boolean }> {
  const { rows } = await sql<{ days: number; own: boolean }>`
    select coalesce(a.inactivity_days, st.inactivity_days)::int as days, a.inactivity_days is not null as own
    from apps a cross join organisation_settings st where a.id = ${appId}`.execute(roster.database.db);
  return rows[0] ?? { days: 0, own: false };
}

/** Inactive licenses of an app: how many for each reason, and whether the usage behind them can be trusted. */
export async function explainInactive(
  roster: Roster,
  appRef: string,
  findKind?: FindKind,
): Promise<Explanation> {
  const { appId, facts, sources } = await loadApp(roster, appRef, findKind);
  await ensureLicenseStates(roster.database);
  const { rows } = await sql<{ state: string; reason: string | null; stale: boolean; n: number }>`
    select s.state, s.reason, s.usage_stale as stale, count(*)::int as n
    from license_states s where s.app_id = ${appId}
    group by 1, 2, 3`.execute(roster.database.db);
  const count = (filter: (r: (typeof rows)[number]) => boolean) =>
    rows.filter(filter).reduce((sum, r) => sum + r.n, 0);
  const inactive = count((r) => r.state === 'inactive');
  const unknown = count((r) => r.state === 'usage_unknown');
  const threshold = await inactivityThreshold(roster, appId);
  const causes: Explanation['causes'] = [];
  const toImprove: string[] = [];
  for (const reason of ['account_suspended', 'past_user', 'never_used', 'no_usage_in_threshold']) {
    const n = count((r) => r.reason === reason);
    if (n)
      causes.push({ code: reason, text: `${n} inactive because: ${reason.replaceAll('_', ' ')}.`, count: n });
  }
  const staleInactive = count((r) => r.state === 'inactive' && r.stale);
  if (staleInactive) {
    const stale = sources
      .filter((s) => s.capabilities.includes('lastUsed') && s.freshness !== 'fresh')
      .map((s) => `${s.name} (${s.freshness.replace('_', ' ')})`);
    causes.push({
      code: 'stale_usage_source',
      text: `${staleInactive} of them rest on last-used dates from a source that is no longer current: ${stale.join(', ')}. Newer use would not show.`,
      count: staleInactive,
    });
    toImprove.push(
      'Reconnect or fix the sources that need attention, then sync.',
      ...(await fillUsageGap(roster.database.db, appId)),
    );
  }
  for (const s of sources.filter((s) => s.freshness === 'needs_attention')) {
    causes.push({ code: 'source_needs_attention', text: `${s.name} needs attention: its last sync failed.` });
  }
  if (unknown > 0) {
    causes.push({
      code: 'no_usage_source',
      text: `No source reports usage for this app, so its ${unknown} licenses are usage unknown: never counted active or inactive.`,
      count: unknown,
    });
    toImprove.push(...(await fillUsageGap(roster.database.db, appId)));
  }
  return {
    what: 'inactive',
    subject: facts.name,
    figure: { inactive, usageUnknown: unknown, active: count((r) => r.state === 'active') },
    computation: `A license is inactive when its account is suspended in the app, its holder is a past employee, it was never used since it was assigned longer ago than the threshold, or it was not used within the threshold (${threshold.days} days: ${threshold.own ? "this app's own threshold" : "the organisation's default, which an app may override"}).`,
    sources,
    causes,
    excluded: unknown
      ? [{ what: 'licenses without usage data', count: unknown, why: 'no usage source covers the app' }]
      : [],
    toImprove: [...new Set(toImprove)],
  };
}

/** Usage of an app: how many accounts have a last-used date, from which sources. */
export async function explainAppUsage(
  roster: Roster,
  appRef: string,
  findKind?: FindKind,
): Promise<Explanation> {
  const { appId, facts, sources } = await loadApp(roster, appRef, findKind);
  const causes: Explanation['causes'] = [];
  const toImprove: string[] = [];
  // A source that says it can no longer see use (a missing licence, a revoked scope) explains itself first:
  // dates it gave before no longer count.
  for (const source of sources) {
    const gap = source.unavailable.find((u) => u.capability === 'lastUsed');
    if (gap)
      causes.push({
        code: 'usage_unavailable',
        text: `${source.name} cannot report usage here: ${gap.reason}`,
      });
  }
  if (facts.withUsage === 0) {
    const capable = sources.filter((s) => s.capabilities.includes('lastUsed'));
    causes.push({
      code: 'no_usage_source',
      text:
        capable.length === 0
          ? `None of this app's sources (${sources.map((s) => s.name).join(', ') || 'none'}) reports usage; relatively few integrations do.`
          : `${capable.map((s) => s.name).join(', ')} can report usage but reported none for this app.`,
    });
    toImprove.push(...(await fillUsageGap(roster.database.db, appId)));
  } else if (facts.withUsage < facts.accounts) {
    causes.push({
      code: 'partial_usage',
      text: `${facts.accounts - facts.withUsage} of ${facts.accounts} accounts have no last-used date: never used, or not seen by a usage source.`,
      count: facts.accounts - facts.withUsage,
    });
  }
  return {
    what: 'app-usage',
    subject: facts.name,
    figure: { accounts: facts.accounts, withUsage: facts.withUsage },
    computation: 'Last used per account is the most recent date any usage source reported for it.',
    sources,
    causes,
    excluded: [],
    toImprove,
  };
}
