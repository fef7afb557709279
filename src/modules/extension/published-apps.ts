import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.js';

export interface PublishedApp {
  app: string;
  domains: string[];
}

/**
 * The apps Roster publishes to the extension with their domains: every catalog app, under the name the
 * organisation gave it when it has the app. The extension matches visits against these domains itself, so
 * no other browsing leaves the machine.
 */
export async function publishedApps(db: Kysely<DB>): Promise<PublishedApp[]> {
  const rows = await db
    .selectFrom('catalog_apps as c')
    .leftJoin('apps as a', 'a.catalog_id', 'c.id')
    .select([sql<string>`coalesce(a.name, c.name)`.as('app'), 'c.domains'])
    .where(sql<boolean>`cardinality(c.domains) > 0`)
    .orderBy(sql`lower(coalesce(a.name, c.name))`)
    .execute();
  return rows.map((r) => ({ app: r.app, domains: r.domains.map((d) => d.toLowerCase()) }));
}

/** Finds the app of a host: the app of its longest published domain that is the host or a parent of it. */
export function appMatcher(apps: readonly PublishedApp[]): (host: string) => string | undefined {
  const byDomain = new Map<string, string>();
  for (const { app, domains } of apps) for (const domain of domains) byDomain.set(domain, app);
  return (host) => {
    // Host names are short: walking up label by label is a handful of map lookups.
    let candidate = host.toLowerCase().replace(/\.$/, '');
    for (;;) {
      const app = byDomain.get(candidate);
      if (app) return app;
      const dot = candidate.indexOf('.');
      if (dot < 0) return undefined;
      candidate = candidate.slice(dot + 1);
    }
  };
}
