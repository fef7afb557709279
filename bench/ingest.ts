import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { z } from 'zod';
import { loadConfig } from '../src/config.js';
import { capabilities } from '../src/connectors/kit/capabilities.js';
import { defineSourceKind, type SourceKind } from '../src/connectors/kit/connector.js';
import type { SourceRecordInput } from '../src/connectors/kit/records.js';
import { openRoster, type Roster } from '../src/roster.js';
import { runSync } from '../src/sync/engine.js';
import { benchServer, benchServerKey, laneWanted, timed } from './server.js';

/**
 * Pushes ACCOUNTS accounts (APPS apps, USERS users) through the sync engine, re-syncs with 5% of them
 * changed, then with nothing changed, and compares with the minimal writes (COPY of exactly the rows the
 * engine stores, into tables with the same indexes) and raw COPY of the records, in the same run.
 */
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 1_000_000);
const APPS = 200;
const USERS = 100_000;
const PAGE = 10_000;
const perApp = Math.ceil(ACCOUNTS / APPS);

function accountAt(i: number, changed: boolean): SourceRecordInput {
  const app = Math.floor(i / perApp);
  // Users are spread so every app has distinct users and each user is in about ACCOUNTS/USERS apps.
  const user = (i * 7919 + app * 104_729) % USERS;
  return {
    type: 'account',
    app: `Bench App ${app}`,
    email: `user${user}@bench.example`,
    name: changed ? `User ${user} (renamed)` : `User ${user}`,
    status: 'active',
    licenseTypes: [i % 3 === 0 ? 'Pro' : 'Standard'],
    lastUsedAt: new Date(Date.UTC(2026, 9, 1 + (i % 50))).toISOString(),
  };
}

function benchKind(changedEvery: number | null): SourceKind<unknown, unknown> {
  return defineSourceKind({
    kind: 'bench',
    title: 'Benchmark',
    description: 'Generated accounts',
    capabilities: capabilities(['users', 'licenseTypes', 'lastUsed']),
    mode: 'pull',
    configSchema: z.object({}),
    async *fetch() {
      for (let start = 0; start < ACCOUNTS; start += PAGE) {
        const records: SourceRecordInput[] = [];
        for (let i = start; i < Math.min(start + PAGE, ACCOUNTS); i++) {
          records.push(accountAt(i, changedEvery !== null && i % changedEvery === 0));
        }
        yield { records, progress: { done: start + records.length, total: ACCOUNTS } };
      }
    },
  }) as SourceKind<unknown, unknown>;
}

async function rawCopy(roster: Roster): Promise<number> {
  const { db } = roster.database;
  await sql`drop table if exists bench_copy`.execute(db);
  await sql`create table bench_copy (app_name text, email text, name text, status text, license_types text[], last_used_at timestamptz)`.execute(
    db,
  );
  const { seconds } = await timed(async () => {
    for (let start = 0; start < ACCOUNTS; start += PAGE) {
      const rows = [];
      for (let i = start; i < Math.min(start + PAGE, ACCOUNTS); i++) {
        const r = accountAt(i, false) as {
          app: string;
          email: string;
          name: string;
          status: string;
          licenseTypes: string[];
          lastUsedAt: string;
        };
        rows.push([r.app, r.email, r.name, r.status, r.licenseTypes, r.lastUsedAt]);
      }
      await roster.database.copyRows(
        'bench_copy',
        ['app_name', 'email', 'name', 'status', 'license_types', 'last_used_at'],
        rows,
      );
    }
  });
  await sql`drop table bench_copy`.execute(db);
  return seconds;
}

/**
 * The least any engine must write for the first sync: exactly the rows Roster ends up storing (users,
 * accounts, the source's observations with their last-used dates, license assignments), COPYed into
 * tables made LIKE Roster's own, so with the same indexes, in the same database.
 */
async function minimalWrites(roster: Roster): Promise<number> {
  const { db } = roster.database;
  const tables = ['users', 'accounts', 'account_observations', 'account_licenses'] as const;
  for (const t of tables) {
    await sql`drop table if exists ${sql.table(`min_${t}`)}`.execute(db);
    await sql`create table ${sql.table(`min_${t}`)} (like ${sql.table(t)} including all)`.execute(db);
  }
  const now = new Date().toISOString();
  const { seconds } = await timed(async () => {
    const users = [];
    for (let u = 0; u < USERS; u++) users.push([u + 1, `user${u}@bench.example`, 'bench.example', now]);
    await roster.database.copyRows('min_users', ['id', 'email', 'domain', 'created_at'], users);
    for (let start = 0; start < ACCOUNTS; start += PAGE) {
      const accounts = [];
      const observations = [];
      const licenses = [];
      for (let i = start; i < Math.min(start + PAGE, ACCOUNTS); i++) {
        const app = Math.floor(i / perApp);
        const user = ((i * 7919 + app * 104_729) % USERS) + 1;
        const r = accountAt(i, false) as { name: string; lastUsedAt: string };
        accounts.push([i + 1, app + 1, app + 1, user, r.name, 'active', now]);
        observations.push([i + 1, 1, app + 1, user, r.name, 'active', r.lastUsedAt, now]);
        licenses.push([i + 1, app * 2 + (i % 3 === 0 ? 1 : 2), now]);
      }
      await roster.database.copyRows(
        'min_accounts',
        ['id', 'app_id', 'instance_id', 'user_id', 'name', 'status', 'first_seen_at'],
        accounts,
      );
      await roster.database.copyRows(
        'min_account_observations',
        ['account_id', 'source_id', 'app_id', 'user_id', 'name', 'status', 'last_used_at', 'first_seen_at'],
        observations,
      );
      await roster.database.copyRows(
        'min_account_licenses',
        ['account_id', 'license_type_id', 'assigned_at'],
        licenses,
      );
    }
  });
  for (const t of tables) await sql`drop table ${sql.table(`min_${t}`)}`.execute(db);
  return seconds;
}

/** Row versions written to Roster's tables since a count: an unchanged re-sync must write none. */
async function writtenRows(roster: Roster): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::int as n from pg_stat_user_tables
    where relname in ('users', 'accounts', 'account_observations', 'account_licenses', 'license_types', 'app_instances')`.execute(
    roster.database.db,
  );
  return rows[0]!.n;
}

async function lane(label: string, env: Record<string, string>) {
  const dataDir = mkdtempSync(
    join(process.env.BENCH_DIR ?? join(process.cwd(), 'bench', '.data'), `${label}-`),
  );
  const roster = await openRoster(
    loadConfig({ ROSTER_DATA_DIR: dataDir, ROSTER_LOG_LEVEL: 'silent', ...env }),
  );
  try {
    const copySeconds = await rawCopy(roster);
    const minimalSeconds = await minimalWrites(roster);
    await roster.database.afterLargeChange();
    const source = await roster.database.db
      .insertInto('sources')
      .values({ kind: 'bench', name: `Benchmark ${Date.now()}`, config: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sync = (changedEvery: number | null) =>
      timed(() =>
        runSync(
          { database: roster.database, secrets: roster.secrets, findKind: () => benchKind(changedEvery) },
          source.id,
          { trigger: 'bench' },
        ),
      );
    const first = await sync(null);
    if (first.value.status !== 'succeeded')
      throw new Error(`first sync ${first.value.status}: ${first.value.error?.message}`);
    const again = await sync(20);
    if (again.value.status !== 'succeeded')
      throw new Error(`re-sync ${again.value.status}: ${again.value.error?.message}`);
    await new Promise((r) => setTimeout(r, 1000)); // statistics reach pg_stat_user_tables asynchronously
    const writtenBefore = await writtenRows(roster);
    const unchanged = await sync(20);
    await new Promise((r) => setTimeout(r, 1000));
    const written = (await writtenRows(roster)) - writtenBefore;
    const rate = (s: number) => Math.round(ACCOUNTS / s);
    const line = (what: string, s: number, extra = '') =>
      `${label.padEnd(8)} ${what.padEnd(34)} ${s.toFixed(1).padStart(7)} s ${String(rate(s)).padStart(9)} accounts/s ${((100 * rate(s)) / rate(minimalSeconds)).toFixed(0).padStart(4)}% of minimal writes ${extra}`;
    console.log(line('raw COPY, unindexed', copySeconds));
    console.log(line('minimal writes (baseline)', minimalSeconds));
    console.log(line('engine: first sync', first.seconds, JSON.stringify(first.value.counters)));
    console.log(line('engine: re-sync, 5% changed', again.seconds, JSON.stringify(again.value.counters)));
    console.log(line('engine: re-sync, unchanged', unchanged.seconds, `${written} rows written`));
  } finally {
    await roster.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run() {
  console.log(
    `ingest: ${ACCOUNTS} accounts, ${APPS} apps, ${USERS} users; node ${process.version}, ${cpus().length} x ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  );
  if (laneWanted('pglite')) await lane('pglite', {});
  const server = laneWanted('postgres') ? benchServer() : null;
  if (server) {
    try {
      await lane('postgres', { DATABASE_URL: server.url, ROSTER_SECRET_KEY: benchServerKey });
    } finally {
      server.stop();
    }
  }
}
