import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Roster } from '../../roster.js';
import { ensureLicenseStates } from '../licenses/license-store.js';
import { compileConditions } from './compile-conditions.js';
import { entityQuery, entitySnapshot, keyIs } from './entity-query.js';
import { entityOfTrigger, type Trigger, type WorkflowDocument } from './workflow-document.js';
import type { EntityKind, FieldGroup } from './workflow-fields.js';

interface StoredWorkflow {
  id: number;
  version: number;
  document: WorkflowDocument;
}

/** The SQL selecting the keys of the entities that match a workflow's conditions now. */
export function matchingKeys(kind: EntityKind, document: WorkflowDocument, now: Date) {
  const compiled = compileConditions(document.conditions, 'saved', now);
  const query = entityQuery(kind, compiled.groups, 'many');
  return sql`select ${query.key} as entity_key from ${query.from} where ${query.where} and ${compiled.where}`;
}

/** The entity's snapshot for each key of `keys` (a relation with the column `entity_key`), read by index. */
function snapshotsOf(kind: EntityKind, keys: RawBuilder<unknown>) {
  const snapshot = entitySnapshot(kind);
  const query = entityQuery(kind, snapshot.groups as Set<FieldGroup>, 'few');
  return sql`select k.entity_key, x.entity from ${keys} k cross join lateral (
      select ${snapshot.value} as entity from ${query.from} where ${keyIs(kind, sql`k.entity_key`)} limit 1) x`;
}

/**
 * Evaluates a matches (or schedule-with-entity) workflow, set-based: the matching keys are computed once;
 * with `new_matches` only entities not already in `workflow_matches` fire, and entities that stopped matching
 * leave it (so they fire again when they match again); with `every_match` every matching entity fires. Each
 * firing is a queued run whose idempotency key names the occasion (`occasion`: a sync run, a schedule's
 * firing), so evaluating the same occasion twice runs nothing twice.
 *
 * The keys that fire and their runs are two statements in one transaction: most evaluations fire nothing,
 * and then the runs' statement, with every snapshot join, is not even planned (planning it cost more than
 * running the matching for a small workflow).
 */
export async function evaluateWorkflow(
  db: Kysely<DB> | Transaction<DB>,
  workflow: StoredWorkflow,
  options: { occasion: string; now: Date; trigger: Record<string, unknown> },
): Promise<number> {
  const kind = entityOfTrigger(workflow.document.trigger);
  const trigger = JSON.stringify(options.trigger);
  if (!kind) {
    const { rows } = await sql<{ id: number }>`
      insert into workflow_runs (workflow_id, workflow_version, idempotency_key, trigger, entity, status, created_at)
      values (${workflow.id}, ${workflow.version}, ${`workflow:${workflow.id}:${options.occasion}`}, ${trigger}::jsonb,
              '{}'::jsonb, 'queued', ${options.now}::timestamptz)
      on conflict (idempotency_key) do nothing returning id`.execute(db);
    return rows.length;
  }
  const matching = matchingKeys(kind, workflow.document, options.now);
  const keyPrefix = `workflow:${workflow.id}:${options.occasion}:`;
  return inTransaction(db, async (trx) => {
    const { rows: firing } =
      workflow.document.mode === 'every_match'
        ? await sql<{ entity_key: string }>`${matching}`.execute(trx)
        : await sql<{ entity_key: string }>`
      with matching as materialized (${matching}),
      gone as (
        delete from workflow_matches m where m.workflow_id = ${workflow.id}
          and not exists (select 1 from matching x where x.entity_key = m.entity_key)),
      fresh as (
        insert into workflow_matches (workflow_id, entity_key, matched_at)
        select ${workflow.id}, x.entity_key, ${options.now}::timestamptz from matching x
        where not exists (select 1 from workflow_matches m where m.workflow_id = ${workflow.id} and m.entity_key = x.entity_key)
        on conflict do nothing
        returning entity_key)
      select entity_key from fresh`.execute(trx);
    if (!firing.length) return 0;
    const keys = sql`(select unnest(${firing.map((r) => r.entity_key)}::text[]) as entity_key)`;
    const { rows } = await sql<{ id: number }>`
      insert into workflow_runs (workflow_id, workflow_version, idempotency_key, trigger, entity_key, entity, status, created_at)
      select ${workflow.id}, ${workflow.version}, ${keyPrefix} || s.entity_key, ${trigger}::jsonb, s.entity_key, s.entity,
             'queued', ${options.now}::timestamptz
      from (${snapshotsOf(kind, keys)}) s
      on conflict (idempotency_key) do nothing returning id`.execute(trx);
    return rows.length;
  });
}

/** Runs `work` in the caller's transaction, or in a new one. */
const inTransaction = <T>(db: Kysely<DB> | Transaction<DB>, work: (trx: Kysely<DB>) => Promise<T>) =>
  db.isTransaction ? work(db) : db.transaction().execute(work);

const enabledWithTrigger = (db: Kysely<DB> | Transaction<DB>, types: Trigger['type'][]) =>
  db
    .selectFrom('workflows')
    .select(['id', 'version', 'document', 'evaluated_at'])
    .where('enabled', '=', true)
    .where(sql<boolean>`document -> 'trigger' ->> 'type' = any (${types}::text[])`)
    .orderBy('id')
    .execute();

/**
 * After a sync (or any change that can move matches): every enabled matches workflow is evaluated. The
 * occasion names the change, so a repeated call for the same change starts nothing new.
 */
export async function evaluateMatchesWorkflows(
  roster: Roster,
  occasion: string,
  now = new Date(),
): Promise<number> {
  const { db } = roster.database;
  const workflows = await enabledWithTrigger(db, ['matches']);
  if (!workflows.length) return 0;
  // A sync leaves license states stale; a license workflow reads them recomputed.
  if (workflows.some((w) => entityOfTrigger((w.document as WorkflowDocument).trigger) === 'license'))
    await ensureLicenseStates(roster.database, now);
  let runs = 0;
  for (const w of workflows) {
    runs += await evaluateWorkflow(
      db,
      { ...w, document: w.document as WorkflowDocument },
      {
        occasion,
        now,
        trigger: { type: 'matches', occasion },
      },
    );
  }
  return runs;
}

/**
 * A trigger event from the code path that caused it (an offboarding started, a person became past):
 * every enabled workflow with that trigger whose conditions the entity meets gets one queued run, keyed by
 * the event, in the caller's transaction, so the event and its runs commit together.
 */
export async function recordWorkflowEvent(
  trx: Kysely<DB> | Transaction<DB>,
  event: {
    type: Trigger['type'];
    entity: EntityKind;
    entityKey: string;
    eventKey: string;
    detail?: Record<string, unknown>;
  },
  now = new Date(),
): Promise<number> {
  const workflows = await enabledWithTrigger(trx, [event.type]);
  let runs = 0;
  for (const w of workflows) {
    const document = w.document as WorkflowDocument;
    const trigger = document.trigger;
    if (
      trigger.type === 'license.became_inactive' &&
      trigger.reasons &&
      !(trigger.reasons as string[]).includes(String(event.detail?.reason))
    )
      continue;
    const compiled = compileConditions(document.conditions, 'saved', now);
    const snapshot = entitySnapshot(event.entity);
    const groups = new Set<FieldGroup>([...compiled.groups, ...snapshot.groups]);
    const query = entityQuery(event.entity, groups, 'few');
    const { rows } = await sql<{ id: number }>`
      insert into workflow_runs (workflow_id, workflow_version, idempotency_key, trigger, entity_key, entity, status, created_at)
      select ${w.id}, ${w.version}, ${`workflow:${w.id}:${event.eventKey}`},
             ${JSON.stringify({ type: event.type, ...event.detail })}::jsonb, ${event.entityKey}, ${snapshot.value},
             'queued', ${now}::timestamptz
      from ${query.from} where ${query.where} and ${keyIs(event.entity, sql`${event.entityKey}::text`)} and ${compiled.where}
      limit 1
      on conflict (idempotency_key) do nothing returning id`.execute(trx);
    runs += rows.length;
  }
  return runs;
}
