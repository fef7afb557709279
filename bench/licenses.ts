import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { csvWriter } from '../src/lib/csv-export.js';
import { ensureLicenseStates, markLicenseStatesStale } from '../src/modules/licenses/license-store.js';
import {
  forEachInactiveLicense,
  inactiveSummary,
  listInactiveLicenses,
} from '../src/modules/licenses/licenses.repo.js';
import { inactiveCsvColumns } from '../src/modules/licenses/licenses.routes.js';
import { openRoster, type Roster } from '../src/roster.js';
import { seedDirectAccounts } from '../test/support/seed-accounts.js';
import { benchServer, benchServerKey, laneWanted, medianMs, timed } from './server.js';

/**
 * Inactive licenses at scale: 1,000,000 accounts (200 apps, 100,000 users), each holding a license, with
 * usage spread over 200 days and 10% of holders past employees. Timed beside hand-written SQL giving the
 * same answer: the summary of all apps, and one app's first page; then the CSV export of every inactive
 * license with its peak memory.
 */
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 1_000_000);
const APPS = 200;
const USERS = 100_000;

export async function seed(roster: Roster) {
  const { db } = roster.database;
  const source = await db
    .insertInto('sources')
    .values({ kind: 'csv', name: 'Bench', config: '{}', last_success_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`insert into apps (name) select 'Bench App ' || a from generate_series(0, ${APPS - 1}) a`.execute(
    db,
  );
  await sql`insert into users (email, domain) select 'user' || u || '@bench.example', 'bench.example' from generate_series(0, ${USERS - 1}) u`.execute(
    db,
  );
  await sql`insert into license_types (app_id, source_id, name, purchased) select id, ${source.id}, 'Standard', 6000 from apps`.execute(
    db,
  );
  const perApp = ACCOUNTS / APPS;
  // 12 of 13 accounts report a last use, spread over the past 200 days.
  await seedDirectAccounts(
    db,
    source.id,
    sql`select a.id as app_id, u.id as user_id, case when i % 97 = 0 then 'suspended' else 'active' end as status,
               null::text as name, null::timestamptz as removed_at,
               case when i % 13 <> 0 then now() - make_interval(days => (i % 200)::int) end as last_used_at
        from generate_series(0, ${ACCOUNTS - 1}) i
        join apps a on a.name = 'Bench App ' || (i / ${perApp})
        join users u on u.email = 'user' || ((i::bigint * 7919 + (i / ${perApp}) * 104729) % ${USERS}) || '@bench.example'`,
  );
  await sql`insert into account_licenses (account_id, license_type_id, assigned_at)
            select ac.id, lt.id, now() - interval '400 days' from accounts ac join license_types lt on lt.app_id = ac.app_id`.execute(
    db,
  );
  await sql`insert into employees (source_id, email, status)
            select ${source.id}, email, case when id % 10 = 0 then 'terminated' else 'active' end from users`.execute(
    db,
  );
  await roster.database.afterLargeChange();
}

/** The same answers written directly: what a person would type, without Roster's layering. */
const rawSummary = sql`
  select ac.app_id, case when ac.status in ('suspended', 'deleted') then 'account_suspended'
              when e.status = 'terminated' then 'past_user'
              when lu.last_used_at is null then 'never_used'
              else 'no_usage_in_threshold' end as reason, count(*)
  from account_licenses al
  join accounts ac on ac.id = al.account_id and ac.removed_at is null
  join users u on u.id = ac.user_id
  left join employees e on e.email = u.email and e.removed_at is null
  left join lateral (select max(last_used_at) as last_used_at from usage where account_id = ac.id) lu on true
  where al.removed_at is null
    and (ac.status in ('suspended', 'deleted') or e.status = 'terminated'
         or coalesce(lu.last_used_at, al.assigned_at) < now() - interval '90 days')
  group by 1, 2`;
const rawFirstPage = (appId: number) => sql`
  select u.email, lu.last_used_at
  from account_licenses al
  join accounts ac on ac.id = al.account_id and ac.removed_at is null and ac.app_id = ${appId}
  join users u on u.id = ac.user_id
  left join employees e on e.email = u.email and e.removed_at is null
  left join lateral (select max(last_used_at) as last_used_at from usage where account_id = ac.id) lu on true
  where al.removed_at is null
    and (ac.status in ('suspended', 'deleted') or e.status = 'terminated'
         or coalesce(lu.last_used_at, al.assigned_at) < now() - interval '90 days')
  order by u.email limit 100`;

/** The same answers read directly from the stored states and counts. */
const rawStoredSummary = sql`
  select app_id, reason, state, sum(n) from license_state_counts where state <> 'active' group by 1, 2, 3`;
const rawStoredFirstPage = (appId: number) => sql`
  select * from license_states where app_id = ${appId} and state = 'inactive'
  order by license_type, email, account_id, license_type_id limit 101`;

async function lane(label: string, env: Record<string, string>) {
  const dataDir = mkdtempSync(join(process.cwd(), 'bench', '.data', `licenses-${label}-`));
  const roster = await openRoster(
    loadConfig({ ROSTER_DATA_DIR: dataDir, ROSTER_LOG_LEVEL: 'silent', ...env }),
  );
  try {
    const seeded = await timed(() => seed(roster));
    const app = await roster.database.db
      .selectFrom('apps')
      .select('id')
      .where('name', '=', 'Bench App 7')
      .executeTakeFirstOrThrow();
    // States are kept as data: computing them all is what the first read after seeding pays; recomputing
    // them all, what the hourly refresh pays (it then writes only the states that moved).
    const recomputeAll = () =>
      markLicenseStatesStale(roster.database.db, 'all').then(() => ensureLicenseStates(roster.database));
    const firstCompute = (await timed(recomputeAll)).seconds * 1000;
    const recompute = await medianMs(recomputeAll, 3);
    const summary = await inactiveSummary(roster);
    const inactive = summary.reduce((sum, s) => sum + s.inactive, 0);
    const rawStoredSummaryMs = await medianMs(() => rawStoredSummary.execute(roster.database.db));
    const rawStoredPageMs = await medianMs(() => rawStoredFirstPage(app.id).execute(roster.database.db));
    const summaryMs = await medianMs(() => inactiveSummary(roster));
    const rawSummaryMs = await medianMs(() => rawSummary.execute(roster.database.db), 3);
    const pageMs = await medianMs(() => listInactiveLicenses(roster, { appId: app.id }, { limit: 100 }));
    const rawPageMs = await medianMs(() => rawFirstPage(app.id).execute(roster.database.db));

    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const baseline = process.memoryUsage().rss;
    let bytes = 0;
    const exported = await timed(async () => {
      const csv = csvWriter(inactiveCsvColumns);
      const sink = new Writable({
        write(chunk, _encoding, done) {
          bytes += chunk.length;
          done();
        },
      });
      const piping = pipeline(csv, sink);
      const rows = await forEachInactiveLicense(roster, {}, async (batch) => {
        for (const row of batch)
          if (!csv.write(row)) await new Promise((resolve) => csv.once('drain', resolve));
      });
      csv.end();
      await piping;
      return rows;
    });
    clearInterval(sampler);
    const f = (ms: number) => `${ms.toFixed(0)} ms`;
    console.log(`${label.padEnd(8)} seeded in ${seeded.seconds.toFixed(1)} s; ${inactive} inactive licenses`);
    console.log(
      `${''.padEnd(8)} compute every license state, none stored yet: ${f(firstCompute)} (${(firstCompute / rawSummaryMs).toFixed(2)}x the hand-written summary from scratch, ${f(rawSummaryMs)})`,
    );
    console.log(
      `${''.padEnd(8)} recompute every license state (hourly refresh): ${f(recompute)} (${(recompute / rawSummaryMs).toFixed(2)}x the hand-written summary from scratch)`,
    );
    console.log(
      `${''.padEnd(8)} summary of all apps: ${f(summaryMs)} (hand-written over stored counts ${f(rawStoredSummaryMs)}, ${(summaryMs / rawStoredSummaryMs).toFixed(2)}x; from scratch ${f(rawSummaryMs)})`,
    );
    console.log(
      `${''.padEnd(8)} one app, first page: ${f(pageMs)} (hand-written over stored states ${f(rawStoredPageMs)}, ${(pageMs / rawStoredPageMs).toFixed(2)}x; from scratch ${f(rawPageMs)})`,
    );
    console.log(
      `${''.padEnd(8)} CSV export: ${exported.value} rows in ${exported.seconds.toFixed(1)} s (${Math.round(exported.value / exported.seconds)} rows/s, ${(bytes / 2 ** 20).toFixed(0)} MiB); peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (+${((peak - baseline) / 2 ** 20).toFixed(0)} MiB over the start)`,
    );
  } finally {
    await roster.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run() {
  console.log(
    `licenses: ${ACCOUNTS} accounts, ${APPS} apps, ${USERS} users; node ${process.version}, ${cpus().length} x ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  );
  if (laneWanted('pglite')) await lane('pglite', {});
  if (!laneWanted('postgres')) return;
  const server = benchServer();
  if (!server) return;
  try {
    await lane('postgres', { DATABASE_URL: server.url, ROSTER_SECRET_KEY: benchServerKey });
  } finally {
    server.stop();
  }
}
