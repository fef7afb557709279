import { parse as parseDomain } from 'tldts';
import { isCurrencyCode } from '../../connectors/kit/expense-values.js';
import { invalidInput } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';
import { deriveExpenseLines } from '../expenses/derive.js';
import { markLicenseStatesStale } from '../licenses/license-store.js';

export interface Settings {
  name: string;
  domains: string[];
  /** The configured domains plus those connected identity providers verified: who is internal. */
  managedDomains: string[];
  stalenessDays: number;
  inactivityDays: number;
  /** Whether Roster starts offboarding by itself for each new offboarding candidate. */
  autoOffboarding: boolean;
  /** ISO 4217 code every expense figure is shown in (USD until set); other currencies convert through rates. */
  currency: string;
}

export async function getSettings(roster: Roster): Promise<Settings> {
  const row = await roster.database.db
    .selectFrom('organisation_settings')
    .selectAll()
    .executeTakeFirstOrThrow();
  return {
    name: row.name,
    domains: row.domains,
    managedDomains: await readManagedDomains(roster),
    stalenessDays: row.staleness_days,
    inactivityDays: row.inactivity_days,
    autoOffboarding: row.auto_offboarding,
    currency: row.currency,
  };
}

export async function readManagedDomains(roster: Roster): Promise<string[]> {
  const rows = await roster.database.db
    .selectFrom('managed_domains')
    .select('name')
    .orderBy('name')
    .execute();
  return rows.map((r) => r.name);
}

/** A configured domain is a host name (any label depth), lower-cased; users on other domains are external. */
function normaliseDomains(domains: string[]): string[] {
  const problems: { field: string; message: string }[] = [];
  const out = domains.map((raw, i) => {
    const domain = raw.trim().toLowerCase();
    const parsed = parseDomain(domain, { allowPrivateDomains: true });
    if (!parsed.domain || parsed.hostname !== domain || domain.includes('@')) {
      problems.push({ field: `domains[${i}]`, message: `"${raw}" is not a domain name` });
    }
    return domain;
  });
  if (problems.length) throw invalidInput('Some domains are not valid', problems);
  return [...new Set(out)].sort();
}

/** An ISO 4217 code as Intl knows it (USD, EUR), upper-cased. */
function normaliseCurrency(raw: string): string {
  const currency = raw.trim().toUpperCase();
  if (!isCurrencyCode(currency))
    throw invalidInput(`"${raw}" is not a currency`, [
      { field: 'currency', message: 'must be an ISO 4217 code like USD or EUR' },
    ]);
  return currency;
}

export async function updateSettings(
  roster: Roster,
  actor: string,
  patch: Partial<Settings>,
): Promise<Settings> {
  const before = await getSettings(roster);
  const domains = patch.domains ? normaliseDomains(patch.domains) : undefined;
  const currency = patch.currency !== undefined ? normaliseCurrency(patch.currency) : undefined;
  await roster.database.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('organisation_settings')
      .set({
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(domains ? { domains } : {}),
        ...(patch.stalenessDays !== undefined ? { staleness_days: patch.stalenessDays } : {}),
        ...(patch.inactivityDays !== undefined ? { inactivity_days: patch.inactivityDays } : {}),
        ...(patch.autoOffboarding !== undefined ? { auto_offboarding: patch.autoOffboarding } : {}),
        ...(currency ? { currency } : {}),
        updated_at: new Date(),
      })
      .execute();
    // Thresholds, staleness and domains all move license states.
    await markLicenseStatesStale(trx, 'all');
    // Every expense line converts into the organisation's currency: a new currency converts them all again.
    if (currency && currency !== before.currency) await deriveExpenseLines(trx, {});
    const after = await trx.selectFrom('organisation_settings').selectAll().executeTakeFirstOrThrow();
    await writeAudit(trx, {
      actor,
      action: 'settings.update',
      targetType: 'settings',
      before,
      after: {
        name: after.name,
        domains: after.domains,
        stalenessDays: after.staleness_days,
        inactivityDays: after.inactivity_days,
        autoOffboarding: after.auto_offboarding,
        currency: after.currency,
      },
    });
  });
  return getSettings(roster);
}
