import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { RosterError } from './errors.js';

/** No limit counts over a window longer than this, so older counters are finished and can go. */
const longestWindowSeconds = 24 * 3600;

/**
 * Counts a hit on `key` in a fixed window and refuses it (HTTP 429) past `limit`. One statement, so
 * concurrent requests (and processes) cannot both slip under the limit.
 */
export async function hitRateLimit(
  database: Database,
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<void> {
  if (windowSeconds > longestWindowSeconds)
    throw new Error(`A rate limit window may last at most ${longestWindowSeconds} seconds`);
  const { rows } = await sql<{ hits: number; retry_after: number }>`
    insert into rate_limits as r (key, window_started_at, hits) values (${key}, now(), 1)
    on conflict (key) do update set
      hits = case when r.window_started_at < now() - make_interval(secs => ${windowSeconds}) then 1 else r.hits + 1 end,
      window_started_at = case when r.window_started_at < now() - make_interval(secs => ${windowSeconds}) then now() else r.window_started_at end
    returning hits,
      ceil(extract(epoch from window_started_at + make_interval(secs => ${windowSeconds}) - now()))::int as retry_after`.execute(
    database.db,
  );
  const row = rows[0];
  if (row && row.hits > limit) {
    const retryAfter = Math.max(1, row.retry_after);
    throw new RosterError(
      'rate_limited',
      `Too many attempts; try again in ${retryAfter} seconds`,
      [],
      retryAfter,
    );
  }
}

/** Deletes counters whose window ended (the job worker runs it); returns how many went. */
export async function deleteFinishedRateLimits(database: Database, now: Date): Promise<number> {
  const rows = await database.db
    .deleteFrom('rate_limits')
    .where('window_started_at', '<', new Date(now.getTime() - longestWindowSeconds * 1000))
    .returning('key')
    .execute();
  return rows.length;
}
