import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { type ApplyInput, one } from './apply-common.js';

/** Domains the source lists as the organisation's; those it no longer lists are marked removed. */
export async function applyDomains(
  trx: Transaction<DB>,
  { sourceId, now }: ApplyInput,
  domains: ReadonlyMap<string, boolean>,
): Promise<{ added: number; removed: number }> {
  const names = [...domains.keys()];
  const verified = names.map((n) => domains.get(n) ?? true);
  const added = await one<{ n: number }>(
    trx,
    sql`with up as (
          insert into source_domains as d (source_id, name, verified, first_seen_at)
          select ${sourceId}::bigint, name, verified, ${now}::timestamptz
          from unnest(${names}::text[], ${verified}::boolean[]) as t(name, verified)
          on conflict (source_id, name) do update set verified = excluded.verified, removed_at = null
            where (d.verified, d.removed_at) is distinct from (excluded.verified, null)
          returning (xmax = 0) as inserted
        ) select count(*) filter (where inserted)::int as n from up`,
  );
  const removed = await one<{ n: number }>(
    trx,
    sql`with gone as (
          update source_domains d set removed_at = ${now}::timestamptz
          where d.source_id = ${sourceId} and d.removed_at is null and not (d.name = any (${names}::text[]))
          returning 1
        ) select count(*)::int as n from gone`,
  );
  return { added: added.n, removed: removed.n };
}
