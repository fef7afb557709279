import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createServerDatabase } from '../test/support/test-roster.js';

/** The server lane's ROSTER_SECRET_KEY (required with DATABASE_URL); benchmarks seal nothing worth keeping. */
export const benchServerKey = 'roster-bench-key-for-the-server-lane-only';

/** The PostgreSQL server lane of a benchmark: ROSTER_BENCH_DATABASE_URL, or a server started for the run. */
export function benchServer(): { url: string; stop: () => void } | null {
  if (process.env.ROSTER_BENCH_DATABASE_URL)
    return { url: process.env.ROSTER_BENCH_DATABASE_URL, stop: () => {} };
  try {
    const script = join(process.cwd(), 'scripts', 'test-postgres.sh');
    const env = { ...process.env, ROSTER_TEST_PG_PORT: '54339', ROSTER_TEST_PG_DIR: '/tmp/roster-bench-pg' };
    const url = execFileSync('bash', [script, 'start'], { env, encoding: 'utf8' }).trim().split('\n').pop()!;
    return { url, stop: () => execFileSync('bash', [script, 'stop'], { env }) };
  } catch (error) {
    console.log(`PostgreSQL server lane skipped: ${(error as Error).message}`);
    return null;
  }
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { seconds: (performance.now() - start) / 1000, value };
}

/** Median of several runs, in milliseconds: single timings on a shared machine are noise. */
export async function medianMs(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(fn)).seconds * 1000);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** BENCH_LANES=postgres (or pglite) runs one lane only; both by default. */
export function laneWanted(lane: 'pglite' | 'postgres'): boolean {
  const wanted = process.env.BENCH_LANES?.split(',').map((l) => l.trim());
  return !wanted || wanted.includes(lane);
}

type LaneEnv = Record<string, string>;

/**
 * Runs `lane` on each lane BENCH_LANES wants: the embedded database, then a PostgreSQL server: a database of
 * its own on the test server when ROSTER_TEST_DATABASE_URL is given, else a server started for the run.
 */
export async function onEachLane(lane: (name: 'pglite' | 'postgres', env: LaneEnv) => Promise<unknown>) {
  if (laneWanted('pglite')) await lane('pglite', {});
  if (!laneWanted('postgres')) return;
  if (process.env.ROSTER_TEST_DATABASE_URL && !process.env.ROSTER_BENCH_DATABASE_URL) {
    const database = await createServerDatabase();
    try {
      await lane('postgres', { DATABASE_URL: database.url, ROSTER_SECRET_KEY: benchServerKey });
    } finally {
      await database.drop();
    }
    return;
  }
  const server = benchServer();
  if (!server) return;
  try {
    await lane('postgres', { DATABASE_URL: server.url, ROSTER_SECRET_KEY: benchServerKey });
  } finally {
    server.stop();
  }
}
