import { sql } from 'kysely';
import { parse as parseDomain } from 'tldts';
import { conflict, invalidInput } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import { writeAudit } from '../audit/audit.repo.js';
import { findAppId } from './apps.service.js';

export async function appDomains(roster: Roster, appId: number): Promise<string[]> {
  const rows = await roster.database.db
    .selectFrom('app_domains')
    .select('domain')
    .where('app_id', '=', appId)
    .orderBy('domain')
    .execute();
  return rows.map((r) => r.domain);
}

/**
 * A domain an app is reached at: a host name under a public suffix (`intranet.acme.io`, `acme.atlassian.net`),
 * never a public suffix itself (`co.uk`, `herokuapp.com`), which would claim every site under it.
 */
function normaliseAppDomains(domains: string[]): string[] {
  const problems: { field: string; message: string }[] = [];
  const out = domains.map((raw, i) => {
    const domain = raw.trim().toLowerCase().replace(/\.$/, '');
    const parsed = parseDomain(domain, { allowPrivateDomains: true });
    if (!parsed.domain || parsed.hostname !== domain || parsed.isIp)
      problems.push({ field: `domains[${i}]`, message: `"${raw}" is not a domain name` });
    return domain;
  });
  if (problems.length) throw invalidInput('Some domains are not valid', problems);
  return [...new Set(out)].sort();
}

/**
 * Replaces the domains the organisation gives an app, audited. A domain stays with one app: one another app
 * of the organisation has, or one the catalog publishes for another app, is refused by name. The browser
 * extension matches visits against these beside the catalog's.
 */
export async function setAppDomains(
  roster: Roster,
  actor: string,
  ref: string | number,
  domains: string[],
): Promise<string[]> {
  const wanted = normaliseAppDomains(domains);
  const appId = await findAppId(roster, ref);
  const { db } = roster.database;
  try {
    return await db.transaction().execute(async (trx) => {
      const app = await trx
        .selectFrom('apps')
        .select(['name', 'catalog_id'])
        .where('id', '=', appId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (wanted.length) {
        const { rows: taken } = await sql<{ domain: string; app: string }>`
        select d.domain, a.name as app from app_domains d join apps a on a.id = d.app_id
        where d.domain = any(${wanted}) and d.app_id <> ${appId}
        union all
        select x.domain, c.name as app from catalog_apps c cross join lateral unnest(c.domains) as x(domain)
        where lower(x.domain) = any(${wanted}) and c.id is distinct from ${app.catalog_id}
        order by 1`.execute(trx);
        if (taken.length)
          throw conflict(
            `Each domain belongs to one app: ${taken.map((t) => `${t.domain} is ${t.app}'s`).join(', ')}`,
          );
      }
      const before = await trx
        .selectFrom('app_domains')
        .select('domain')
        .where('app_id', '=', appId)
        .orderBy('domain')
        .execute();
      await trx.deleteFrom('app_domains').where('app_id', '=', appId).execute();
      if (wanted.length)
        await trx
          .insertInto('app_domains')
          .values(wanted.map((domain) => ({ domain, app_id: appId })))
          .execute();
      await writeAudit(trx, {
        actor,
        action: 'app.domains',
        targetType: 'app',
        targetId: appId,
        before: before.map((d) => d.domain),
        after: wanted,
      });
      return wanted;
    });
  } catch (error) {
    // Another app took one of these domains at the same moment.
    if ((error as { code?: string }).code === '23505')
      throw conflict(`Each domain belongs to one app: one of ${wanted.join(', ')} was just given to another`);
    throw error;
  }
}
