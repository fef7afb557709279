import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { runOffboardingTasks } from '../src/modules/offboarding/offboarding-runner.js';
import { startOffboarding } from '../src/modules/offboarding/offboarding-start.js';
import { addSource, syncSource } from '../src/modules/sources/sources.service.js';
import { openRoster, type Roster } from '../src/roster.js';
import { startBambooHr } from '../src/simulators/bamboohr/bamboohr-simulator.js';
import { startGoogleAdminSimulator } from '../src/simulators/google-admin/google-admin-simulator.js';
import { type Directory, generateDirectory } from '../src/simulators/kit/directory.js';
import type { RunningProvider } from '../src/simulators/kit/simulated-provider.js';
import { startMicrosoftGraph } from '../src/simulators/microsoft-graph/graph-simulator.js';
import { startOktaSimulator } from '../src/simulators/okta/okta-simulator.js';
import { startScimProvider } from '../src/simulators/scim/scim-provider.js';
import { loopbackAllow } from '../test/support/outbound.js';
import { seedDirectAccounts } from '../test/support/seed-accounts.js';
import { type CountingProxy, type SeenRequest, startCountingProxy, throughProxy } from './counting-proxy.js';
import { benchServer, benchServerKey, laneWanted, timed } from './server.js';

/**
 * Offboarding at scale: LEAVERS people, terminated in the employee source (BambooHR), each with an account
 * in Microsoft Entra ID (Microsoft 365), Google Workspace, Okta and a SCIM app (Zoom), all four simulated
 * from one shared directory and throttling as their providers do (each answers every THROTTLE_EVERY-th
 * distinct request with its own rate-limit answer and a 1 s wait). Every leaver's offboarding is started,
 * then every task run to its end through `runOffboardingTasks`, OFFBOARDINGS_AT_ONCE offboardings at a
 * time with TASKS_AT_ONCE tasks each. Beside it, in the same run: the very requests Roster sent, replayed
 * with plain fetch at the same concurrency, which is what the simulators can serve. Then the time to start
 * one offboarding for a person with WIDE_ACCOUNTS accounts.
 */
const LEAVERS = Number(process.env.BENCH_LEAVERS ?? 1_000);
const OFFBOARDINGS_AT_ONCE = Number(process.env.BENCH_OFFBOARDINGS_AT_ONCE ?? 4);
const TASKS_AT_ONCE = Number(process.env.BENCH_TASKS_AT_ONCE ?? 4);
const THROTTLE_EVERY = Number(process.env.BENCH_THROTTLE_EVERY ?? 100);
const WIDE_ACCOUNTS = 200;
const WIDE_PEOPLE = Number(process.env.BENCH_WIDE_PEOPLE ?? 5);
const PROVIDER_APPS = ['Microsoft 365', 'Google Workspace', 'Okta', 'Zoom'];

/** Twice as many people as leavers; the first LEAVERS eligible people leave, everyone else stays. */
function leaverDirectory(): { directory: Directory; leavers: string[] } {
  const now = new Date();
  const directory = generateDirectory({ people: LEAVERS * 2 + 20, now });
  const lastWeek = new Date(now.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
  const leavers: string[] = [];
  for (const person of directory.people) {
    // Admins stay: Google Workspace never suspends the admin its source acts as.
    const leaves = leavers.length < LEAVERS && person.kind !== 'service' && !person.isAdmin;
    person.employment = leaves ? 'terminated' : 'active';
    person.terminationDate = leaves ? lastWeek : null;
    if (leaves) {
      // Forgotten leavers: every account still enabled, so every task has something to do.
      person.accountStatus = 'active';
      leavers.push(person.email);
    }
  }
  return { directory, leavers };
}

interface Provider {
  name: string;
  running: RunningProvider;
  proxy: CountingProxy;
  config: Record<string, unknown>;
}

async function startProviders(directory: Directory): Promise<{ providers: Provider[]; hr: RunningProvider }> {
  const options = { directory, faults: { throttleEvery: THROTTLE_EVERY }, retryAfterSeconds: 1 };
  const started: [string, RunningProvider, Record<string, unknown>][] = [
    ['Entra ID', await startMicrosoftGraph(options), { discoverApps: false }],
    ['Google Workspace', await startGoogleAdminSimulator(options), { discoverOAuthApps: false }],
    ['Okta', await startOktaSimulator(options), { includeApps: false }],
    ['SCIM (Zoom)', await startScimProvider(options), {}],
  ];
  const providers: Provider[] = [];
  for (const [name, running, settings] of started) {
    const proxy = await startCountingProxy(new URL(running.url).origin);
    // The simulators' own tests shorten retries (`http`); the bench keeps each connector's defaults.
    const { http: _tests, ...config } = running.source.config;
    providers.push({
      name,
      running,
      proxy,
      config: { ...throughProxy(config, new URL(running.url).origin, proxy), ...settings },
    });
  }
  return { providers, hr: await startBambooHr({ directory }) };
}

async function connect(roster: Roster, providers: Provider[], hr: RunningProvider): Promise<void> {
  const sources = [
    { kind: hr.kind, name: 'BambooHR', config: hr.source.config, credentials: hr.source.credentials },
    ...providers.map((p) => ({
      kind: p.running.kind,
      name: p.name,
      config: p.config,
      credentials: p.running.source.credentials,
    })),
  ];
  for (const source of sources) {
    await addSource(roster, 'bench', { ...source, schedule: null });
    const synced = await timed(() => syncSource(roster, 'bench', source.name));
    if (synced.value.status !== 'succeeded')
      throw new Error(`${source.name}: sync failed: ${synced.value.error?.message}`);
    console.log(`  synced ${source.name.padEnd(16)} ${synced.seconds.toFixed(1)} s`);
  }
}

/** Runs `work` over `items`, `width` at a time. */
async function pool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, width) }, worker));
}

/** The requests Roster sent, sent again with plain fetch through the same proxies, as fast as they are answered. */
async function replay(requests: { origin: string; request: SeenRequest }[], width: number) {
  const statuses = new Map<number, number>();
  const run = await timed(() =>
    pool(requests, width, async ({ origin, request }) => {
      const headers: Record<string, string> = {};
      for (const name of ['authorization', 'content-type', 'accept'])
        if (typeof request.headers[name] === 'string') headers[name] = request.headers[name] as string;
      const response = await fetch(`${origin}${request.path}`, {
        method: request.method,
        headers,
        ...(request.body.length ? { body: request.body } : {}),
      });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }),
  );
  return { seconds: run.seconds, statuses };
}

/** The user an API path writes to (`/users/{id}`, SCIM's `/Users/{id}`, Google licensing's `/user/{id}`). */
function userIn(path: string): string {
  const segment = /\/(?:users|Users|user)\/([^/?]+)/.exec(path)?.[1];
  return segment ? decodeURIComponent(segment).toLowerCase() : path;
}

async function checkOutcome(roster: Roster, providers: Provider[], leavers: number) {
  const { db } = roster.database;
  const { rows } = await sql<{ app: string; status: string; n: number; without_reason: number }>`
    select a.name as app, t.status, count(*)::int as n,
           count(*) filter (where t.status = 'failed' and coalesce(trim(t.note), '') = '')::int as without_reason
    from offboarding_tasks t join accounts ac on ac.id = t.account_id join apps a on a.id = ac.app_id
    group by a.name, t.status order by a.name, t.status`.execute(db);
  const tasks = rows.reduce((sum, r) => sum + r.n, 0);
  const unfinished = rows.filter((r) => r.status !== 'done' && r.status !== 'failed');
  const silentFailures = rows.reduce((sum, r) => sum + r.without_reason, 0);
  const completed = await db
    .selectFrom('offboardings')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('status', '=', 'completed')
    .executeTakeFirstOrThrow();
  console.log(
    `  tasks by app and status: ${rows.map((r) => `${r.app} ${r.status} ${r.n}`).join('; ')}; offboardings completed ${Number(completed.n)} of ${leavers}`,
  );
  if (rows.some((r) => r.status === 'failed')) {
    const reasons = await sql<{ note: string; n: number }>`
      select note, count(*)::int as n from offboarding_tasks where status = 'failed' group by note order by n desc limit 5`.execute(
      db,
    );
    for (const r of reasons.rows) console.log(`    failed ×${r.n}: ${r.note}`);
  }
  console.log(
    `  check: every task ended done or failed: ${unfinished.length === 0 ? 'yes' : `NO (${unfinished.map((r) => `${r.app} ${r.status} ${r.n}`).join(', ')})`}; every failure has a reason: ${silentFailures === 0 ? 'yes' : `NO (${silentFailures})`}`,
  );
  // Providers name a user by their own id or by email: both are mapped to the person's email.
  const ids = await sql<{ external_id: string; email: string }>`
    select o.external_id, u.email from account_observations o join users u on u.id = o.user_id
    where o.external_id is not null`.execute(db);
  const emailOf = new Map(ids.rows.map((r) => [r.external_id.toLowerCase(), r.email]));
  const userOf = (key: string) => emailOf.get(userIn(key)) ?? userIn(key);
  for (const p of providers) {
    const writes = p.proxy.acceptedWrites();
    const twice = [...writes].filter(([, n]) => n > 1);
    const perUser = new Map<string, number>();
    for (const [key, n] of writes) perUser.set(userOf(key), (perUser.get(userOf(key)) ?? 0) + n);
    const most = Math.max(0, ...perUser.values());
    const throttled = p.proxy.seen.filter((r) => r.status === 429 || r.status === 403).length;
    console.log(
      `  ${p.name.padEnd(16)} ${p.proxy.seen.length} requests (${throttled} throttled or refused), ${[...writes.values()].reduce((a, b) => a + b, 0)} accepted writes to ${perUser.size} users (at most ${most} per user); the same write accepted twice: ${twice.length === 0 ? 'never' : `${twice.length} times, e.g. ${twice[0]![0]}`}`,
    );
  }
  return tasks;
}

/** People with WIDE_ACCOUNTS accounts each, one per app, as a CSV source over that many apps would list them. */
async function seedWidePeople(roster: Roster): Promise<string[]> {
  const { db } = roster.database;
  const source = await db
    .insertInto('sources')
    .values({ kind: 'csv', name: 'Bench wide', config: '{}', last_success_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`insert into apps (name) select 'Bench App ' || a from generate_series(1, ${WIDE_ACCOUNTS}) a`.execute(
    db,
  );
  await sql`insert into users (email, domain) select 'wide' || u || '@bench.example', 'bench.example'
            from generate_series(1, ${WIDE_PEOPLE}) u`.execute(db);
  await seedDirectAccounts(
    db,
    source.id,
    sql`select a.id as app_id, u.id as user_id, 'active' as status, null::text as name,
               null::timestamptz as removed_at, now() as last_used_at
        from apps a cross join users u where a.name like 'Bench App %' and u.email like 'wide%@bench.example'`,
  );
  return Array.from({ length: WIDE_PEOPLE }, (_, i) => `wide${i + 1}@bench.example`);
}

async function lane(label: string, env: Record<string, string>) {
  const { directory, leavers } = leaverDirectory();
  const { providers, hr } = await startProviders(directory);
  mkdirSync(join(process.cwd(), 'bench', '.data'), { recursive: true });
  const dataDir = mkdtempSync(join(process.cwd(), 'bench', '.data', `offboarding-${label}-`));
  const roster = await openRoster(
    loadConfig({
      ROSTER_DATA_DIR: dataDir,
      ROSTER_LOG_LEVEL: 'silent',
      ROSTER_OUTBOUND_ALLOW: loopbackAllow,
      ...env,
    }),
  );
  try {
    console.log(
      `${label}: ${directory.people.length} people, ${leavers.length} leavers; load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    await connect(roster, providers, hr);
    for (const p of providers) p.proxy.recording = true;
    const requestsBefore = providers.map((p) => p.running.requests);

    const ids: number[] = [];
    const started = await timed(() =>
      pool(leavers, OFFBOARDINGS_AT_ONCE, async (email) => {
        const result = await startOffboarding(roster, 'bench', { email });
        if (result.dryRun) throw new Error('a dry run answered a start');
        ids.push(result.id);
      }),
    );
    const ran = await timed(() =>
      pool(ids, OFFBOARDINGS_AT_ONCE, async (id) => {
        await runOffboardingTasks(roster, id, { concurrency: TASKS_AT_ONCE });
      }),
    );
    for (const p of providers) p.proxy.recording = false;
    // Requests that reached a simulator without the proxy: the token endpoints, which stay direct.
    const direct = providers.map((p, i) => p.running.requests - requestsBefore[i]! - p.proxy.seen.length);
    const total = started.seconds + ran.seconds;
    const tasks = await checkOutcome(roster, providers, leavers.length);
    console.log(
      `  token requests while running: ${providers.map((p, i) => `${p.name} ${direct[i]}`).join(', ')}`,
    );
    const requests = providers.flatMap((p) =>
      p.proxy.seen.map((request) => ({ origin: p.proxy.url, request })),
    );

    // The same requests straight from plain fetch; the throttling plan starts afresh so the simulators answer
    // the same rate-limit answers (which plain fetch does not wait out).
    for (const p of providers) p.running.faults.set(p.running.faults.plan);
    const width = OFFBOARDINGS_AT_ONCE * TASKS_AT_ONCE;
    // The proxies time the replayed answers too, at the same point as Roster's.
    const rosterSeen = providers.map((p) => p.proxy.seen.length);
    for (const p of providers) p.proxy.recording = true;
    const raw = await replay(requests, width);
    for (const p of providers) p.proxy.recording = false;
    const perSecond = (n: number, s: number) => Math.round(n / s).toLocaleString('en');
    console.log(
      `  Roster: ${tasks} tasks started in ${started.seconds.toFixed(1)} s and run in ${ran.seconds.toFixed(1)} s = ${total.toFixed(1)} s end to end: ${perSecond(tasks, total)} tasks/s, ${perSecond(requests.length, ran.seconds)} provider requests/s while running`,
    );
    console.log(
      `  raw:    the same ${requests.length} requests with plain fetch, ${width} at once: ${raw.seconds.toFixed(1)} s = ${perSecond(requests.length, raw.seconds)} requests/s (${perSecond(tasks, raw.seconds)} tasks/s equivalent); answers ${JSON.stringify(Object.fromEntries(raw.statuses))}`,
    );
    const mean = (ms: number, n: number) => (n ? ms / n : 0).toFixed(0);
    const sum = (rs: SeenRequest[]) => rs.reduce((total, r) => total + r.ms, 0);
    providers.forEach((p, i) => {
      const mine = p.proxy.seen.slice(0, rosterSeen[i]);
      const plain = p.proxy.seen.slice(rosterSeen[i]);
      console.log(
        `  ${p.name.padEnd(16)} mean time to answer: ${mean(sum(mine), mine.length)} ms for Roster, ${mean(sum(plain), plain.length)} ms for plain fetch`,
      );
    });
    console.log(`  Roster end to end at ${((raw.seconds / total) * 100).toFixed(0)}% of the raw rate`);

    const wide = await seedWidePeople(roster);
    const times: number[] = [];
    for (const email of wide) {
      const one = await timed(() => startOffboarding(roster, 'bench', { email }));
      times.push(one.seconds * 1000);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(
      `  start one offboarding with ${WIDE_ACCOUNTS} accounts: median ${median.toFixed(0)} ms of ${times.length} (${times.map((t) => t.toFixed(0)).join(', ')} ms); goal < 1000 ms: ${median < 1000 ? 'met' : 'NOT met'}`,
    );
  } finally {
    await roster.close();
    for (const p of providers) {
      await p.proxy.close();
      await p.running.close();
    }
    await hr.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The server lane: ROSTER_BENCH_DATABASE_URL as it is; else a fresh database on the server of
 * ROSTER_TEST_DATABASE_URL or DATABASE_URL, dropped afterwards; else a server started for the run.
 */
async function serverDatabase(): Promise<{ url: string; stop: () => Promise<void> } | null> {
  if (process.env.ROSTER_BENCH_DATABASE_URL)
    return { url: process.env.ROSTER_BENCH_DATABASE_URL, stop: async () => {} };
  const shared = process.env.ROSTER_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!shared) {
    const started = benchServer();
    return started && { url: started.url, stop: async () => started.stop() };
  }
  const name = `bench_offboarding_${process.pid}`;
  const admin = new pg.Client({ connectionString: shared });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(shared);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    stop: async () => {
      const client = new pg.Client({ connectionString: shared });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export async function run() {
  console.log(
    `offboarding: ${LEAVERS} leavers × ${PROVIDER_APPS.join(', ')}; ${OFFBOARDINGS_AT_ONCE} offboardings × ${TASKS_AT_ONCE} tasks at once; every ${THROTTLE_EVERY}th request throttled once; node ${process.version}, ${cpus().length} x ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB; ${new Date().toISOString()}`,
  );
  if (laneWanted('pglite')) await lane('pglite', {});
  if (!laneWanted('postgres')) return;
  const server = await serverDatabase();
  if (!server) return;
  try {
    await lane('postgres', { DATABASE_URL: server.url, ROSTER_SECRET_KEY: benchServerKey });
  } finally {
    await server.stop();
  }
}
