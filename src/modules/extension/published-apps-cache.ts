import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { appMatcher, type PublishedApp, publishedApps } from './published-apps.js';

interface Kept {
  version: string;
  loadedAt: number;
  apps: PublishedApp[];
  match: (host: string) => string | undefined;
}

const kept = new WeakMap<Kysely<DB>, Kept>();

/**
 * A batch whose version was read while another process's change was bumped but not yet committed may keep
 * the list from before it; reading the list again at least this often bounds how long that can last.
 */
const maxAgeMs = 2_000;

/**
 * The published apps and their matcher, read again only when `published_apps_version` moved (a change to
 * the organisation's apps, their domains or the catalog) or the copy is older than two seconds: listing and
 * matching the catalog for every event batch would cost more than storing the batch.
 */
export async function currentPublishedApps(db: Kysely<DB>, now = Date.now()): Promise<Kept> {
  const { rows } = await sql<{ version: string }>`
    select last_value::text || ':' || is_called::text as version from published_apps_version`.execute(db);
  const version = rows[0]?.version ?? '';
  const copy = kept.get(db);
  if (copy && copy.version === version && now - copy.loadedAt < maxAgeMs) return copy;
  const apps = await publishedApps(db);
  const fresh = { version, loadedAt: now, apps, match: appMatcher(apps) };
  kept.set(db, fresh);
  return fresh;
}
