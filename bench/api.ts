import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiUnderLoad } from './api-requests.js';

/**
 * The API under load and the server's start, each beside a raw baseline measured in the same run:
 * - the API's reads under load on each lane, beside a health probe and a console file (bench/api-requests.ts);
 * - `roster serve` from process spawn to /readyz answering 200, as installed (the built JavaScript in dist/,
 *   `npm run build` first), on a new data directory and then on the same one again, beside `node -e ''` and
 *   a Fastify alone started by `node -e` (listening and answering one request).
 */
const STARTS = 3;
/** `load` or `start` runs one of the two parts; unset runs both. */
const PART = process.env.BENCH_API_PART;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Milliseconds from spawning `args` until it exits, or until `ready()` answers true. */
function startTime(args: string[], env: NodeJS.ProcessEnv, ready?: () => Promise<boolean>): Promise<number> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
    child.on('error', reject);
    if (!ready) {
      child.on('exit', () => resolve(performance.now() - began));
      return;
    }
    const poll = async () => {
      if (await ready()) {
        const ms = performance.now() - began;
        child.once('exit', () => resolve(ms));
        child.kill('SIGTERM');
      } else setTimeout(poll, 20);
    };
    void poll();
  });
}

/** Fastify alone: the least any HTTP server on this framework pays from spawn to its first answer. */
const fastifyAlone = (port: number) =>
  `const { default: fastify } = await import('fastify'); const app = fastify();
   app.get('/readyz', async () => 'ok'); await app.listen({ port: ${port}, host: '127.0.0.1' });`;

const builtCli = 'dist/cli/index.js';

async function serveStart() {
  if (!existsSync(builtCli)) throw new Error(`${builtCli} is missing: run \`npm run build\` first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'roster-bench-serve-'));
  const port = 18_000 + Math.floor(Math.random() * 1000);
  const env = { ...process.env, ROSTER_DATA_DIR: dataDir, PORT: String(port), ROSTER_LOG_LEVEL: 'silent' };
  const ready = async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200;
    } catch {
      return false;
    }
  };
  const serve = [builtCli, 'serve'];
  try {
    const firstStarts: number[] = [];
    const restarts: number[] = [];
    const empty: number[] = [];
    const fastifyOnly: number[] = [];
    for (let i = 0; i < STARTS; i++) {
      // A new data directory each time: the database is created (from the build's migrated template when
      // it holds this Roster's migrations) and the installation's key made.
      rmSync(dataDir, { recursive: true, force: true });
      firstStarts.push(await startTime(serve, env, ready));
      empty.push(await startTime(['-e', ''], env));
      fastifyOnly.push(await startTime(['--input-type=module', '-e', fastifyAlone(port)], env, ready));
      restarts.push(await startTime(serve, env, ready));
    }
    return {
      "node -e '' (baseline)": median(empty),
      'node -e starting Fastify alone (baseline)': median(fastifyOnly),
      [`roster serve, first start (new data directory${existsSync('dist/data-template') ? ', from the template' : ''}, median)`]:
        median(firstStarts),
      'roster serve, later start (median)': median(restarts),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run() {
  console.log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
  );
  if (PART !== 'start') await apiUnderLoad();
  if (PART !== 'load') {
    console.log(
      `load average before the start timings: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')}`,
    );
    for (const [label, ms] of Object.entries(await serveStart()))
      console.log(`${label}: ${Math.round(ms)} ms`);
  }
  console.log(
    `load average at end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
  );
}
