import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { type ApplyInput, one } from './apply-common.js';

/**
 * Maps every app name the run uses to an app id in `run_apps`: an existing app by name; else the app of
 * the catalog entry the name or domain matches, when the organisation has it already; else a new app,
 * linked to that catalog entry or custom. So "Slack Technologies" seen on slack.com feeds the Slack app.
 */
export async function resolveApps(
  trx: Transaction<DB>,
  { runId, sourceId }: ApplyInput,
): Promise<{ added: number }> {
  await sql`create temporary table run_apps on commit drop as
            with names as (
              select app_name as name, null::text as domain from staged_accounts where run_id = ${runId}
              union select app_name, null from staged_license_types where run_id = ${runId}
              union select name, domain from staged_apps where run_id = ${runId}
            )
            select distinct on (lower(n.name)) lower(n.name) as name_key, coalesce(c.name, n.name) as name,
                   coalesce(by_name.id, by_catalog.id, by_catalog_name.id) as id, c.id as catalog_id
            from names n
            left join apps by_name on lower(by_name.name) = lower(n.name)
            left join catalog_apps c on lower(c.name) = lower(n.name) or n.domain = any (c.domains)
            left join apps by_catalog on by_catalog.catalog_id = c.id
            left join apps by_catalog_name on lower(by_catalog_name.name) = lower(c.name)
            order by lower(n.name), by_name.id nulls last, (n.domain is null), c.id nulls last`.execute(trx);
  // Names that share a catalog entry become one app: the first name seen creates it.
  const created = await one<{ added: number }>(
    trx,
    sql`with fresh as (
          select distinct on (coalesce(catalog_id, name_key)) name, catalog_id from run_apps
          where id is null order by coalesce(catalog_id, name_key), name_key
        ), ins as (
          insert into apps (name, catalog_id, discovered_by_source_id)
          select name, catalog_id, ${sourceId}::bigint from fresh
          returning id, name, catalog_id
        ), fill as (
          update run_apps r set id = ins.id from ins
          where r.id is null and (lower(ins.name) = lower(r.name) or (r.catalog_id is not null and ins.catalog_id = r.catalog_id))
          returning 1
        ) select count(*)::int as added from ins`,
  );
  return created;
}
