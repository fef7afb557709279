import { sql } from 'kysely';
import { Counter, Gauge, type Registry } from 'prom-client';
import { listSources } from '../modules/sources/sources.service.js';
import type { Roster } from '../roster.js';

/**
 * Figures read from the database when Prometheus scrapes, never on a timer: syncs and jobs run in any
 * process sharing the database (the CLI, other servers), so the database is the one place their totals
 * exist, and an idle Roster does no work for metrics. Counters count finished runs, whose status no longer
 * changes (a held run is in progress until it is confirmed or discarded), so they only grow.
 */
export function registerDatabaseMetrics(registry: Registry, roster: Roster): void {
  const { db } = roster.database;
  const registers = [registry];

  /** One aggregate read per scrape feeds the three sync-run counters. */
  let finishedRuns: Promise<FinishedRuns[]> | undefined;
  const readFinishedRuns = () => {
    finishedRuns ??= sql<FinishedRuns>`
      select s.kind, r.status as outcome, count(*)::int as runs, sum(r.records)::float8 as records,
             coalesce(sum(extract(epoch from r.finished_at - r.started_at)), 0)::float8 as seconds
      from sync_runs r join sources s on s.id = r.source_id
      where r.status in ('succeeded', 'failed', 'cancelled', 'discarded')
      group by s.kind, r.status`
      .execute(db)
      .then((result) => result.rows)
      .finally(() => {
        // A scrape starts every collect at once, so its three counters share this read; the next reads again.
        finishedRuns = undefined;
      });
    return finishedRuns;
  };

  new Counter({
    name: 'roster_sync_runs_total',
    help: 'Finished sync runs, by source kind and outcome (succeeded, failed, cancelled, discarded)',
    labelNames: ['kind', 'outcome'],
    registers,
    async collect() {
      this.reset();
      for (const row of await readFinishedRuns())
        this.inc({ kind: row.kind, outcome: row.outcome }, row.runs);
    },
  });
  new Counter({
    name: 'roster_sync_run_duration_seconds_total',
    help: 'Time finished sync runs took from start to end, by source kind and outcome (divide by roster_sync_runs_total for the mean)',
    labelNames: ['kind', 'outcome'],
    registers,
    async collect() {
      this.reset();
      for (const row of await readFinishedRuns())
        this.inc({ kind: row.kind, outcome: row.outcome }, row.seconds);
    },
  });
  new Counter({
    name: 'roster_sync_run_records_total',
    help: 'Records fetched by finished sync runs, by source kind and outcome',
    labelNames: ['kind', 'outcome'],
    registers,
    async collect() {
      this.reset();
      for (const row of await readFinishedRuns())
        this.inc({ kind: row.kind, outcome: row.outcome }, row.records);
    },
  });
  new Gauge({
    name: 'roster_sync_runs_in_progress',
    help: 'Sync runs running now, or held for confirmation of their removals, by source kind',
    labelNames: ['kind', 'status'],
    registers,
    async collect() {
      this.reset();
      const { rows } = await sql<{ kind: string; status: string; runs: number }>`
        select s.kind, r.status, count(*)::int as runs
        from sync_runs r join sources s on s.id = r.source_id
        where r.status in ('running', 'held')
        group by s.kind, r.status`.execute(db);
      for (const row of rows) this.set({ kind: row.kind, status: row.status }, row.runs);
    },
  });

  new Gauge({
    name: 'roster_sources_needing_attention',
    help: 'Connected sources that need attention, by reason (credentials, removals_held, sync_failed, stale, never_synced)',
    labelNames: ['reason'],
    registers,
    async collect() {
      this.reset();
      // The same rule the console and CLI show (sync/source-health.ts), not a copy of it in SQL.
      const counts = new Map<string, number>();
      for (const source of await listSources(roster)) {
        if (source.health.status !== 'needs_attention' || !source.health.reason) continue;
        counts.set(source.health.reason, (counts.get(source.health.reason) ?? 0) + 1);
      }
      for (const [reason, count] of counts) this.set({ reason }, count);
    },
  });

  new Gauge({
    name: 'roster_jobs_queued',
    help: 'Jobs due to run and waiting for a worker, by kind (jobs scheduled for later are not counted)',
    labelNames: ['kind'],
    registers,
    async collect() {
      this.reset();
      const { rows } = await sql<{ kind: string; jobs: number }>`
        select kind, count(*)::int as jobs from jobs
        where status = 'queued' and run_at <= ${new Date()}::timestamptz group by kind`.execute(db);
      for (const row of rows) this.set({ kind: row.kind }, row.jobs);
    },
  });
  new Gauge({
    name: 'roster_jobs_oldest_queued_age_seconds',
    help: 'How long the longest-waiting due job has waited past its time to run (0 when none waits)',
    registers,
    async collect() {
      const { rows } = await sql<{ seconds: number | null }>`
        select extract(epoch from ${new Date()}::timestamptz - min(run_at))::float8 as seconds from jobs
        where status = 'queued' and run_at <= ${new Date()}::timestamptz`.execute(db);
      this.set(Math.max(0, rows[0]?.seconds ?? 0));
    },
  });

  new Gauge({
    name: 'roster_license_states_age_seconds',
    help: 'Age of the newest license state computation (the job worker renews it hourly); absent before the first',
    registers,
    async collect() {
      this.reset();
      const status = await licenseStatus(roster);
      if (status.computedAt) this.set((Date.now() - status.computedAt.getTime()) / 1000);
    },
  });
  new Gauge({
    name: 'roster_license_states_stale',
    help: '1 while a change has made license states out of date and they wait to be recomputed, else 0',
    registers,
    async collect() {
      const status = await licenseStatus(roster);
      this.set(status.staleAll || status.staleApps > 0 ? 1 : 0);
    },
  });
}

interface FinishedRuns {
  kind: string;
  outcome: string;
  runs: number;
  records: number;
  seconds: number;
}

async function licenseStatus(roster: Roster) {
  const row = await roster.database.db
    .selectFrom('license_states_status')
    .select(['computed_at', 'stale_all', sql<number>`cardinality(stale_app_ids)`.as('stale_apps')])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return {
    computedAt: row.computed_at ? new Date(row.computed_at) : null,
    staleAll: row.stale_all,
    staleApps: Number(row.stale_apps),
  };
}
