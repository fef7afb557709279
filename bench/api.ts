import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiUnderLoad } from './api-requests.js';

/**
 * The API under load and the server's start, each beside a raw baseline measured in the same run:
 * - the API's reads under load on each lane, beside a health probe and a console file (bench/api-requests.ts);
 * - `roster serve` from process spawn to /readyz answering 200, beside `node -e ''` (and `node --import tsx
 *   -e ''`: the bench runs Roster from source through tsx, as the tests do).
 */
const STARTS = 3;

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

async function serveStart() {
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
  const serve = ['--import', 'tsx', 'src/cli/index.ts', 'serve'];
  try {
    // The first start creates the database and applies every migration; later starts open it.
    const first = await startTime(serve, env, ready);
    const restarts: number[] = [];
    const empty: number[] = [];
    const emptyTsx: number[] = [];
    for (let i = 0; i < STARTS; i++) {
      empty.push(await startTime(['-e', ''], env));
      emptyTsx.push(await startTime(['--import', 'tsx', '-e', ''], env));
      restarts.push(await startTime(serve, env, ready));
    }
    return {
      "node -e '' (baseline)": median(empty),
      "node --import tsx -e '' (baseline)": median(emptyTsx),
      'roster serve, first start (new database, migrations)': first,
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
  await apiUnderLoad();
  console.log(
    `load average before the start timings: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
  );
  for (const [label, ms] of Object.entries(await serveStart())) console.log(`${label}: ${Math.round(ms)} ms`);
  console.log(
    `load average at end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
  );
}
