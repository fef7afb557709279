import type { Database } from '../../db/database.js';
import { connectLinkMinutes } from './connect-links.js';

/** An extension retries a batch for days at most (its queue is bounded): older batch ids can go. */
export const batchIdDays = 30;

/**
 * Deletes what no longer serves: connect links used or past their time, and batch ids older than anyone
 * retries. The job worker's hourly cleanup runs it; `now` is passed in so tests can move time.
 */
export async function deleteOldExtensionRows(database: Database, now: Date) {
  const { db } = database;
  const links = await db
    .deleteFrom('extension_connect_links')
    .where((eb) =>
      eb.or([
        eb('used_at', 'is not', null),
        eb('created_at', '<=', new Date(now.getTime() - connectLinkMinutes * 60_000)),
      ]),
    )
    .returning('token_hash')
    .execute();
  const batches = await db
    .deleteFrom('extension_batches')
    .where('received_at', '<', new Date(now.getTime() - batchIdDays * 86_400_000))
    .returning('batch_id')
    .execute();
  return { connectLinks: links.length, batches: batches.length };
}
