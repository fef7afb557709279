import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { consoleDist } from '../src/http/console.routes.js';
import { buildServer } from '../src/http/server.js';
import { ensureLicenseStates } from '../src/modules/licenses/license-store.js';
import { loadOverview } from '../src/modules/overview/overview.repo.js';
import { overviewFigures } from '../src/modules/overview/overview-figures.js';
import { createToken } from '../src/modules/tokens/tokens.service.js';
import { openRoster, type Roster } from '../src/roster.js';
import { seedOrganisation } from './seed-organisation.js';
import { onEachLane, timed } from './server.js';

/**
 * The API's reads under load, on each lane (embedded PGlite, and a PostgreSQL server): 50 concurrent
 * clients, each request carrying a read-only API token, against one server in the bench's process on an
 * organisation of 1,000 apps and BENCH_API_PEOPLE people (50,000 by default; three priced accounts each,
 * about a quarter of the licenses inactive). Four reads — the apps list, the people list, one person (a
 * different person on each request) and the inactive licenses — beside two baselines answered by the same
 * server in the same run: GET /healthz (no database, no authentication) and a console file (the static-file
 * route: no database either).
 */
const APPS = 1_000;
const PEOPLE = Number(process.env.BENCH_API_PEOPLE ?? 50_000);
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
/**
 * BENCH_API_READS=person (comma-separated, of apps, people, person, licenses) runs only those reads, beside
 * both baselines; all by default.
 */
const READS = process.env.BENCH_API_READS?.split(',').map((r) => r.trim());
const readWanted = (read: string | null) => read === null || !READS || READS.includes(read);

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

interface Row {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

/**
 * BENCH_API_CLIENT=same-thread runs the load generator on the server's own event loop, as this bench did
 * before; by default it runs in a worker thread of its own, as clients on other machines would: its
 * requests' building and its responses' parsing no longer count in the server's latency.
 */
const SAME_THREAD = process.env.BENCH_API_CLIENT === 'same-thread';

/**
 * One person after another: a worker thread takes its request setup from a file (autocannon requires it),
 * so the sequence is written as a small CommonJS module.
 */
function personRequestModule(dir: string): string {
  const file = join(dir, 'person-request.cjs');
  writeFileSync(
    file,
    `let n = 0;\nmodule.exports = (request) => ({ ...request, path: '/api/v1/users/' + encodeURIComponent('person' + ((n++ * 7919) % ${PEOPLE}) + '@bench.example') });\n`,
  );
  return file;
}

/** `path` is fixed, or one person after another (`person`: the module above, loaded here when on this thread). */
async function underLoad(base: string, headers: Record<string, string>, path: string | { person: string }) {
  const request =
    typeof path === 'string'
      ? { method: 'GET' as const, path }
      : {
          method: 'GET' as const,
          setupRequest: (SAME_THREAD
            ? createRequire(import.meta.url)(path.person)
            : path.person) as () => object,
        };
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers,
    ...(SAME_THREAD ? {} : { workers: 1 }),
    requests: [request],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  } satisfies Row;
}

/**
 * Use reported by the bench's source for every account (its observations), last used 0-119 days ago: with the default
 * 90-day threshold about a quarter of the licenses are inactive, the rest active.
 */
async function seedUsage(roster: Roster) {
  const { db } = roster.database;
  await sql`update account_observations set last_used_at = now() - make_interval(days => ((account_id * 7) % 120)::int)`.execute(
    db,
  );
  await roster.database.afterLargeChange();
}

/** The built console's first script when there is a build, else a stand-in file of the same kind. */
function consoleFile(): { root: string | undefined; path: string; cleanup: () => void } {
  const assets = join(consoleDist, 'assets');
  const built = existsSync(assets) ? readdirSync(assets).find((f) => f.endsWith('.js')) : undefined;
  if (built) return { root: undefined, path: `/assets/${built}`, cleanup: () => {} };
  const root = mkdtempSync(join(tmpdir(), 'roster-bench-console-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Roster</title><div id="root"></div>\n');
  writeFileSync(join(root, 'assets', 'bench.js'), `${'console.log("roster");\n'.repeat(2_000)}`);
  return { root, path: '/assets/bench.js', cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

async function lane(label: string, env: Record<string, string>): Promise<[string, Row][]> {
  const dataDir = mkdtempSync(join(tmpdir(), `roster-bench-api-${label}-`));
  const roster = await openRoster(
    loadConfig({
      ROSTER_DATA_DIR: dataDir,
      ROSTER_LOG_LEVEL: 'silent',
      // The one setting a comparison of the server lane may vary.
      ROSTER_DATABASE_POOL_SIZE: process.env.ROSTER_DATABASE_POOL_SIZE,
      ...env,
    }),
  );
  const file = consoleFile();
  try {
    await seedOrganisation(roster, { apps: APPS, people: PEOPLE });
    await seedUsage(roster);
    // A serving Roster's worker computes the license states after a change; the reads are measured after it.
    const states = await timed(() => ensureLicenseStates(roster.database));
    console.log(`${label}: license states computed in ${states.seconds.toFixed(1)} s (before the requests)`);
    const token = (await createToken(roster, 'bench', { name: 'bench', role: 'read-only' })).token;
    const app = await buildServer(roster, { logger: false, consoleRoot: file.root });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const auth = { authorization: `Bearer ${token}` };
    const person = { person: personRequestModule(dataDir) };
    // The console's Overview: its figures computed by a request (no worker), then by the worker's poll as
    // `roster serve` does after a change and at start, then a first visit (figures ready) and a second (kept).
    const computed = await timed(() => loadOverview(roster));
    console.log(`${label}: the Overview's figures computed: ${(computed.seconds * 1000).toFixed(0)} ms`);
    const polled = await timed(() => overviewFigures(roster));
    console.log(
      `${label}: the Overview's figures kept by the worker's poll: ${(polled.seconds * 1000).toFixed(0)} ms`,
    );
    for (const visit of ['first', 'second']) {
      const overview = await timed(() =>
        fetch(`${base}/api/v1/overview`, { headers: auth }).then((r) => r.text()),
      );
      console.log(
        `${label}: GET /api/v1/overview, ${visit} visit: ${(overview.seconds * 1000).toFixed(0)} ms`,
      );
    }
    const rows: [string, Row][] = [];
    console.log(
      `${label}: load average before the requests: ${load()}; client ${SAME_THREAD ? "on the server's thread" : 'in a worker thread'}`,
    );
    for (const [read, name, path] of [
      [null, 'GET /healthz (baseline: no database, no authentication)', '/healthz'],
      [null, `GET ${file.path} (baseline: a console file)`, file.path],
      ['apps', `GET /api/v1/apps (${APPS} apps, first page)`, '/api/v1/apps'],
      ['people', `GET /api/v1/users (${PEOPLE} people, first page)`, '/api/v1/users'],
      ['person', 'GET /api/v1/users/{email} (a different person each request)', person],
      ['licenses', 'GET /api/v1/licenses/inactive (first page)', '/api/v1/licenses/inactive'],
    ] as const) {
      if (!readWanted(read)) continue;
      rows.push([name, await underLoad(base, auth, path)]);
      console.log(`${label}: ${name}: ${JSON.stringify(rows.at(-1)?.[1])}`);
    }
    console.log(`${label}: load average after the requests: ${load()}`);
    await app.close();
    return rows;
  } finally {
    await roster.close();
    file.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The reads on each lane wanted (BENCH_LANES); the server lane gets a database of its own. */
export async function apiUnderLoad() {
  await onEachLane(lane);
}
