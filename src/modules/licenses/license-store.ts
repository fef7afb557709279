import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { Mutex } from '../../lib/mutex.js';
import { licenseStatesQuery } from './license-states.js';

/**
 * License states kept as data (migrations/0009). Every change that can move a state marks the states stale,
 * in the same transaction as the change, so a crash between the change and the recompute loses nothing; the
 * next read (or the worker) recomputes what is stale. Time moves states too (a license crosses its
 * threshold), so the worker recomputes states older than an hour in full.
 */
export const licenseStatesMaxAgeMs = 3_600_000;
/**
 * How old states a reader accepts when nothing marked them stale. The worker refreshes them hourly in the
 * background, so readers never wait for that; only without a worker (the CLI alone) does a reader recompute
 * states that time alone has aged, and thresholds are counted in days.
 */
export const readerMaxAgeMs = 12 * 3_600_000;

/** Marks the states of some apps, or of every app, out of date. */
export async function markLicenseStatesStale(
  db: Kysely<DB> | Transaction<DB>,
  appIds: readonly number[] | 'all',
): Promise<void> {
  if (appIds === 'all') {
    await db.updateTable('license_states_status').set({ stale_all: true }).where('id', '=', 1).execute();
    return;
  }
  if (appIds.length === 0) return;
  await sql`update license_states_status
            set stale_app_ids = array(select distinct unnest(stale_app_ids || ${[...appIds]}::bigint[]))
            where id = 1`.execute(db);
}

const refreshing = new Mutex();

/**
 * Recomputes whatever is stale (or everything, when the states are older than `maxAgeMs` or were computed for
 * another moment than `now`), then returns. Readers call it first; it costs one status read when nothing
 * changed.
 */
export async function ensureLicenseStates(
  database: Database,
  now = new Date(),
  maxAgeMs = readerMaxAgeMs,
): Promise<void> {
  if (!needsWork(await readStatus(database.db), now, maxAgeMs)) return;
  await refreshing.run(() =>
    database.db.transaction().execute(async (trx) => {
      // One recompute at a time across processes; whoever waited re-reads the status and may find it done.
      await sql`select pg_advisory_xact_lock(hashtext('roster.license_states'))`.execute(trx);
      const status = await readStatus(trx);
      const work = needsWork(status, now, maxAgeMs);
      if (work) await recompute(trx, now, work);
    }),
  );
}

type Status = { computed_at: Date | null; stale_all: boolean; stale_app_ids: number[] };

function readStatus(db: Kysely<DB> | Transaction<DB>): Promise<Status> {
  return db
    .selectFrom('license_states_status')
    .select(['computed_at', 'stale_all', 'stale_app_ids'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
}

function needsWork(status: Status, now: Date, maxAgeMs: number): 'all' | number[] | null {
  const age = status.computed_at
    ? Math.abs(now.getTime() - new Date(status.computed_at).getTime())
    : Infinity;
  if (status.stale_all || age > maxAgeMs) return 'all';
  return status.stale_app_ids.length ? status.stale_app_ids.map(Number) : null;
}

const stateColumns = [
  'account_id',
  'license_type_id',
  'app_id',
  'app',
  'license_type',
  'email',
  'person_email',
  'person_name',
  'account_status',
  'assigned_at',
  'threshold_days',
  'last_used_at',
  'usage_source',
  'usage_stale',
  'future_date',
  'state',
  'reason',
];
const columnsOf = (alias: string) => sql.raw(stateColumns.map((c) => `${alias}.${c}`).join(', '));
const allColumns = sql.raw(stateColumns.join(', '));
const assignFrom = (alias: string) => sql.raw(stateColumns.map((c) => `${c} = ${alias}.${c}`).join(', '));

/**
 * Computes the states aside, then writes only the difference: states no longer assigned go, changed ones are
 * updated, new ones inserted. The hourly refresh of a million licenses, of which a few cross a threshold,
 * then rewrites a few rows instead of every row and its four indexes.
 */
async function recompute(trx: Transaction<DB>, now: Date, scope: 'all' | number[]): Promise<void> {
  const appIds = scope === 'all' ? null : scope;
  const inScope = appIds ? sql`app_id = any (${appIds}::bigint[])` : sql`true`;
  const lsInScope = appIds ? sql`ls.app_id = any (${appIds}::bigint[])` : sql`true`;
  await sql`create temporary table next_license_states on commit drop as
            select s."accountId" as account_id, s."licenseTypeId" as license_type_id, s."appId" as app_id, s.app,
                   s."licenseType" as license_type, s.email, s."personEmail" as person_email,
                   s."personName" as person_name, s."accountStatus" as account_status, s."assignedAt" as assigned_at,
                   s."thresholdDays" as threshold_days, s."lastUsedAt" as last_used_at, s."usageSource" as usage_source,
                   s."usageStale" as usage_stale, s."futureDate" as future_date, s.state, s.reason
            from (${licenseStatesQuery(now, { appIds })}) s`.execute(trx);
  await sql`analyze next_license_states`.execute(trx);
  // New states are found before anything is written: an anti-join against a table the same statement
  // inserts into can rescan its growing pages once per row.
  await sql`create temporary table new_license_states on commit drop as
            select n.account_id, n.license_type_id from next_license_states n
            where not exists (select 1 from license_states ls
                              where ls.account_id = n.account_id and ls.license_type_id = n.license_type_id)`.execute(
    trx,
  );
  const gone = await sql`
    delete from license_states ls
    where ${lsInScope}
      and not exists (select 1 from next_license_states n
                      where n.account_id = ls.account_id and n.license_type_id = ls.license_type_id)`.execute(
    trx,
  );
  const moved = await sql`
    update license_states ls set ${assignFrom('n')}
    from next_license_states n
    where n.account_id = ls.account_id and n.license_type_id = ls.license_type_id
      and (${columnsOf('ls')}) is distinct from (${columnsOf('n')})`.execute(trx);
  const added = await sql`
    insert into license_states (${allColumns})
    select ${columnsOf('n')} from next_license_states n
    join new_license_states f on f.account_id = n.account_id and f.license_type_id = n.license_type_id`.execute(
    trx,
  );
  const changed =
    Number(gone.numAffectedRows ?? 0) +
    Number(moved.numAffectedRows ?? 0) +
    Number(added.numAffectedRows ?? 0);
  await sql`delete from license_state_counts where ${inScope}`.execute(trx);
  await sql`insert into license_state_counts (app_id, license_type_id, state, reason, n)
            select app_id, license_type_id, state, coalesce(reason, ''), count(*)::int
            from next_license_states
            group by app_id, license_type_id, state, coalesce(reason, '')`.execute(trx);
  if (scope === 'all') {
    // Rewritten in bulk: without fresh statistics the planner guesses a handful of rows and picks poor plans.
    if (changed > 10_000) await sql`analyze license_states`.execute(trx);
    await sql`analyze license_state_counts`.execute(trx);
    await trx
      .updateTable('license_states_status')
      .set({ computed_at: now, stale_all: false, stale_app_ids: [] })
      .where('id', '=', 1)
      .execute();
  } else
    await sql`update license_states_status
              set stale_app_ids = array(select unnest(stale_app_ids) except select unnest(${scope}::bigint[]))
              where id = 1`.execute(trx);
}

/** Apps a source reports accounts or license types for: the states a sync of it can move. */
export async function appsOfSource(db: Kysely<DB> | Transaction<DB>, sourceId: number): Promise<number[]> {
  const { rows } = await sql<{ app_id: number }>`
    select distinct app_id from account_observations where source_id = ${sourceId}
    union select app_id from license_types where source_id = ${sourceId}`.execute(db);
  return rows.map((r) => Number(r.app_id));
}
