import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.js';

export interface PublishedApp {
  app: string;
  domains: string[];
}

/**
 * The apps Roster publishes to the extension with their domains: every catalog app, under the name the
 * organisation gave it when it has the app, and the domains the organisation gave its own apps (an intranet,
 * an app the catalog lacks, its own tenant). The extension matches visits against these domains itself, so
 * no other browsing leaves the machine.
 */
export async function publishedApps(db: Kysely<DB>): Promise<PublishedApp[]> {
  const { rows } = await sql<{ app: string; domains: string[] }>`
    select coalesce(a.name, c.name) as app, c.domains
    from catalog_apps c left join apps a on a.catalog_id = c.id
    where cardinality(c.domains) > 0
    union all
    select a.name as app, array_agg(d.domain order by d.domain) as domains
    from app_domains d join apps a on a.id = d.app_id
    group by a.name`.execute(db);
  const byApp = new Map<string, Set<string>>();
  for (const { app, domains } of rows) {
    const set = byApp.get(app) ?? new Set<string>();
    for (const domain of domains) set.add(domain.toLowerCase());
    byApp.set(app, set);
  }
  return [...byApp]
    .map(([app, domains]) => ({ app, domains: [...domains] }))
    .sort((a, b) => a.app.toLowerCase().localeCompare(b.app.toLowerCase()));
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
