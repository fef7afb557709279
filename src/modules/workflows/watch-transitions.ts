import { type RawBuilder, sql } from 'kysely';
import type { Roster } from '../../roster.js';
import { ensureLicenseStates } from '../licenses/license-store.js';
import { toSourceView } from '../sources/source-view.js';
import { entityQuery } from './entity-query.js';
import { recordWorkflowEvent } from './evaluate-workflows.js';
import type { TriggerType } from './workflow-document.js';
import type { EntityKind } from './workflow-fields.js';

/** A state a trigger watches: the keys (and a detail, such as a license's reason) in that state now. */
interface Watch {
  type: TriggerType;
  entity: EntityKind;
  /** SQL answering `entity_key` and `detail` (jsonb). */
  current: (roster: Roster, now: Date) => Promise<RawBuilder<unknown>>;
}

const pastPeople = entityQuery('person', new Set(['person']), 'many');

export const watches: readonly Watch[] = [
  {
    type: 'person.became_past',
    entity: 'person',
    current: async () =>
      sql`select ${pastPeople.key} as entity_key, '{}'::jsonb as detail from ${pastPeople.from}
          where ${pastPeople.where} and e.status = 'terminated'`,
  },
  {
    type: 'license.became_inactive',
    entity: 'license',
    current: async (roster, now) => {
      // The states a sync made stale are recomputed first, so a license that just moved is seen now.
      await ensureLicenseStates(roster.database, now);
      return sql`select ls.account_id::text || ':' || ls.license_type_id::text as entity_key,
                        jsonb_build_object('reason', ls.reason) as detail
                 from license_states ls where ls.state = 'inactive'`;
    },
  },
  {
    type: 'app.discovered',
    entity: 'app',
    current: async () =>
      sql`select a.id::text as entity_key, jsonb_build_object('discovered_by', s.name) as detail
          from apps a left join sources s on s.id = a.discovered_by_source_id`,
  },
  {
    type: 'account.active_after_offboarding',
    entity: 'account',
    current: async () =>
      sql`select distinct on (d.account_id) d.account_id::text as entity_key,
                 jsonb_build_object('offboarding_id', d.offboarding_id, 'source', s.name) as detail
          from offboarding_drift d join sources s on s.id = d.source_id
          where d.resolved_at is null order by d.account_id, d.detected_at`,
  },
  {
    type: 'source.needs_attention',
    entity: 'source',
    // Health is a pure function of the source row (`sync/source-health.ts`), the same one the console shows.
    // A source syncing has not recovered yet: while its sync runs it keeps the state it had, so a look
    // during a retry of a failing source does not make the failure a new one when the retry fails too.
    current: async (roster, now) => {
      const { db } = roster.database;
      const settings = await db
        .selectFrom('organisation_settings')
        .select('staleness_days')
        .executeTakeFirst();
      const rows = await db.selectFrom('sources').selectAll().where('disconnected_at', 'is', null).execute();
      const sources = rows.map((row) => ({
        row,
        health: toSourceView(row, settings?.staleness_days ?? 3, now).health,
      }));
      const needing = sources.filter((s) => s.health.status === 'needs_attention');
      const keys = needing.map((s) => String(s.row.id));
      const details = needing.map((s) =>
        JSON.stringify({ reason: s.health.reason, message: s.health.message }),
      );
      const syncing = sources.filter((s) => s.health.status === 'syncing').map((s) => String(s.row.id));
      return sql`select k as entity_key, d::jsonb as detail from unnest(${keys}::text[], ${details}::text[]) as t(k, d)
                 union all
                 select w.entity_key, '{}'::jsonb from workflow_watch w
                 where w.trigger_type = 'source.needs_attention' and w.entity_key = any (${syncing}::text[])`;
    },
  },
];

/**
 * Looks at every watched state used by an enabled workflow and records one trigger event per entity that
 * entered it since the last look (set-based: the keys now, against `workflow_watch`). The event key names
 * the entity and when it entered, so the same transition never makes two runs. States no enabled
 * workflow uses are forgotten, so enabling one later does not fire for everything that happened meanwhile.
 */
export async function watchTransitions(roster: Roster, now = new Date()): Promise<number> {
  const { db } = roster.database;
  const used = new Set(
    (
      await db
        .selectFrom('workflows')
        .select(sql<string>`document -> 'trigger' ->> 'type'`.as('type'))
        .where('enabled', '=', true)
        .execute()
    ).map((r) => r.type),
  );
  let events = 0;
  for (const watch of watches) {
    if (!used.has(watch.type)) {
      await db.deleteFrom('workflow_watch').where('trigger_type', '=', watch.type).execute();
      await db.deleteFrom('workflow_watch_seeded').where('trigger_type', '=', watch.type).execute();
      continue;
    }
    const current = await watch.current(roster, now);
    events += await db.transaction().execute(async (trx) => {
      // One process looks at a state at a time: the marker row is the lock.
      await sql`insert into workflow_watch_seeded (trigger_type, seeded_at) values (${watch.type}, ${now}::timestamptz)
                on conflict do nothing`.execute(trx);
      const marker = await trx
        .selectFrom('workflow_watch_seeded')
        .select('seeded_at')
        .where('trigger_type', '=', watch.type)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const firstLook = marker.seeded_at.getTime() === now.getTime();
      const { rows } = await sql<{ entity_key: string; detail: Record<string, unknown> }>`
        with current as materialized (${current}),
        gone as (delete from workflow_watch w where w.trigger_type = ${watch.type}
                 and not exists (select 1 from current c where c.entity_key = w.entity_key)),
        fresh as (insert into workflow_watch (trigger_type, entity_key, since)
                  select ${watch.type}, c.entity_key, ${now}::timestamptz from current c
                  where not exists (select 1 from workflow_watch w where w.trigger_type = ${watch.type} and w.entity_key = c.entity_key)
                  on conflict do nothing returning entity_key)
        select f.entity_key, c.detail from fresh f join current c on c.entity_key = f.entity_key`.execute(
        trx,
      );
      if (firstLook) return 0;
      let recorded = 0;
      for (const row of rows) {
        recorded += await recordWorkflowEvent(
          trx,
          {
            type: watch.type,
            entity: watch.entity,
            entityKey: row.entity_key,
            eventKey: `${watch.type}:${row.entity_key}:${now.getTime()}`,
            detail: row.detail,
          },
          now,
        );
      }
      return recorded;
    });
  }
  return events;
}
