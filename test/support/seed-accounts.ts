import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../src/db/schema.js';

/**
 * Seeds accounts by SQL as a direct source would have synced them: the source's instance of each app, one
 * account per row in it, and the source's observation of each. `rows` selects `app_id`, `user_id`,
 * `status`, `name`, `removed_at` and `last_used_at` (nulls where unknown). Answers nothing; callers read
 * the accounts back by app and user.
 */
export async function seedDirectAccounts(
  db: Kysely<DB>,
  sourceId: number,
  rows: RawBuilder<unknown>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`create temporary table seed_rows on commit drop as select * from (${rows}) r`.execute(trx);
    await sql`insert into app_instances (app_id, source_id)
              select distinct app_id, ${sourceId}::bigint from seed_rows
              on conflict (app_id, source_id) where source_id is not null do nothing`.execute(trx);
    await sql`insert into accounts (app_id, instance_id, user_id, name, status, first_seen_at, removed_at)
              select r.app_id, i.id, r.user_id, r.name, r.status, now(), r.removed_at
              from seed_rows r join app_instances i on i.app_id = r.app_id and i.source_id = ${sourceId}`.execute(
      trx,
    );
    await sql`insert into account_observations (account_id, source_id, app_id, user_id, name, status, last_used_at,
                                                first_seen_at, removed_at)
              select ac.id, ${sourceId}::bigint, r.app_id, r.user_id, r.name, r.status, r.last_used_at, now(), r.removed_at
              from seed_rows r
              join app_instances i on i.app_id = r.app_id and i.source_id = ${sourceId}
              join accounts ac on ac.app_id = r.app_id and ac.instance_id = i.id and ac.user_id = r.user_id`.execute(
      trx,
    );
  });
}
