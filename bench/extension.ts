import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config.js';
import { issueExtensionToken } from '../src/modules/extension/extension-tokens.js';
import { publishedApps } from '../src/modules/extension/published-apps.js';
import { updateSettings } from '../src/modules/settings/settings.service.js';
import { openRoster } from '../src/roster.js';
import { benchServer, benchServerKey, laneWanted } from './server.js';

/**
 * The extension's ingestion API under load, on each lane: 50 reporters (one extension token each, as 50
 * browsers) posting batches of 100 events to a `roster serve` process, beside the same server answering
 * GET /healthz (no database, no auth). First without pause (the server's capacity in events per second),
 * then at the goal's 5,000 events a second (the p99 latency a reporter sees at that load, and the server's
 * resident memory sampled over the run: flat, or growing with the events sent).
 *
 * BENCH_EXTENSION_SECONDS sets each load's length (default 20); 600 gives the ten-minute memory run.
 */
const REPORTERS = 50;
const EVENTS_PER_BATCH = 100;
/** The goal's rate: 5,000 events a second, a batch a second from each of the 50 reporters. */
const GOAL_BATCHES_PER_SECOND = 50;
const SECONDS = Number(process.env.BENCH_EXTENSION_SECONDS ?? 20);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

const rssMb = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Math.round(Number(line[1]) / 1024) : Number.NaN;
};

/** A batch as a browser sends it: visits, a few sign-ins, rarely a sign-up, on the apps a person uses. */
function batchBody(domains: readonly string[], reporter: number): string {
  const now = Date.now();
  const events = Array.from({ length: EVENTS_PER_BATCH }, (_, i) => ({
    type: i % 25 === 0 ? 'sign_up' : i % 10 === 0 ? 'sign_in' : 'visit',
    domain: domains[(reporter * 7 + i) % domains.length],
    at: new Date(now - i * 1000).toISOString(),
  }));
  return JSON.stringify({ batchId: randomUUID(), events });
}

async function startServe(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'serve'], {
    env: { ...env, PORT: String(port), ROSTER_LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('roster serve did not become ready within a minute');
}

async function lane(name: string, env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'roster-bench-extension-'));
  const fullEnv = {
    ...process.env,
    ...env,
    ROSTER_DATA_DIR: dataDir,
    // Each reporter sends as fast as the server answers: far above a browser's pace, so no 429 caps the figure.
    ROSTER_EXTENSION_BATCHES_PER_MINUTE: '1000000',
  };
  const roster = await openRoster(loadConfig(fullEnv));
  let tokens: string[];
  let domains: string[];
  try {
    await updateSettings(roster, 'bench', { domains: ['acme.io'] });
    tokens = [];
    for (let i = 0; i < REPORTERS; i++)
      tokens.push(
        (
          await issueExtensionToken(roster, 'bench', {
            kind: 'reporting',
            email: `person${i}@acme.io`,
            via: 'admin',
          })
        ).token,
      );
    domains = (await publishedApps(roster.database.db)).slice(0, 40).map((a) => a.domains[0]!);
  } finally {
    await roster.close();
  }
  const port = 19_000 + Math.floor(Math.random() * 1000);
  const serve = await startServe(fullEnv, port);
  const base = `http://127.0.0.1:${port}`;
  try {
    const baseline = await autocannon({
      url: `${base}/healthz`,
      connections: REPORTERS,
      duration: Math.min(SECONDS, 10),
    });
    console.log(
      `${name}: GET /healthz (baseline): ${Math.round(baseline.requests.average)} req/s, p99 ${baseline.latency.p99} ms`,
    );
    // The capacity needs no long run; the run at the goal's rate is the one memory is watched over.
    const capacitySeconds = Math.min(SECONDS, 30);
    const post = (duration: number, overallRate?: number) => {
      let next = 0;
      return autocannon({
        url: base,
        connections: REPORTERS,
        duration,
        ...(overallRate ? { overallRate } : {}),
        setupClient: (client) => {
          client.setHeaders({
            authorization: `Bearer ${tokens[next++ % REPORTERS]}`,
            'content-type': 'application/json',
          });
        },
        requests: [
          {
            method: 'POST',
            path: '/api/v1/extension/events',
            setupRequest: (request) => ({
              ...request,
              body: batchBody(domains, Math.floor(Math.random() * REPORTERS)),
            }),
          },
        ],
      });
    };
    const report = (label: string, seconds: number, result: Awaited<ReturnType<typeof autocannon>>) =>
      console.log(
        `${name}: ${label}: ${Math.round(((result['2xx'] ?? 0) * EVENTS_PER_BATCH) / seconds)} events/s (${Math.round(result.requests.average)} batches/s), p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx}`,
      );
    // As fast as the server answers: its capacity. Latency then only says how long the queue is.
    report(
      `POST /api/extension/events, ${REPORTERS} reporters without pause`,
      capacitySeconds,
      await post(capacitySeconds),
    );
    // The goal's load, 5,000 events a second (each reporter a batch a second): the latency a reporter sees.
    const samples: number[] = [rssMb(serve.pid!)];
    const sampler = setInterval(() => samples.push(rssMb(serve.pid!)), 5000);
    report(
      `POST /api/extension/events at ${GOAL_BATCHES_PER_SECOND * EVENTS_PER_BATCH} events/s`,
      SECONDS,
      await post(SECONDS, GOAL_BATCHES_PER_SECOND),
    );
    clearInterval(sampler);
    samples.push(rssMb(serve.pid!));
    const third = Math.max(1, Math.floor(samples.length / 3));
    const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
    console.log(
      `${name}: server RSS over ${SECONDS} s at that rate: start ${samples[0]} MB, first third ${mean(samples.slice(0, third))} MB, last third ${mean(samples.slice(-third))} MB, max ${Math.max(...samples)} MB (${samples.length} samples)`,
    );
  } finally {
    serve.kill('SIGTERM');
    await new Promise((r) => serve.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run() {
  console.log(`load average at start: ${load()}`);
  if (laneWanted('pglite')) await lane('embedded (PGlite)', {});
  const server = laneWanted('postgres') ? benchServer() : null;
  if (server) {
    try {
      await lane('PostgreSQL server', { DATABASE_URL: server.url, ROSTER_SECRET_KEY: benchServerKey });
    } finally {
      server.stop();
    }
  }
  console.log(`load average at end: ${load()}`);
}
