import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { closeLocalSocket, listenOnLocalSocket } from '../../src/http/local-socket.js';
import { buildServer } from '../../src/http/server.js';
import { openRoster, type Roster } from '../../src/roster.js';
import { type CliResult, runCli } from './cli.js';
import { testConfig, withMigratedDatabase } from './test-roster.js';

/** What differs between two installations given the same commands: times, secrets and one-time links. */
export const normalise = (text: string) =>
  text
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
    .replace(/rst_[\w-]+/g, '<token>')
    .replace(/token=[\w-]+/g, 'token=<link>');

/** One command's output: JSON compared as values (a row's JSON keeps no key order), text as it is. */
export const outcome = (result: CliResult, json: boolean) => ({
  code: result.code,
  stdout: json && result.stdout ? JSON.parse(normalise(result.stdout)) : normalise(result.stdout),
});

/**
 * Two installations given the same commands: `alone`, whose data each CLI process opens itself, and
 * `served`, held by a running server as `roster serve` holds it (its socket in the directory, and a TCP
 * address for ROSTER_URL), so the CLI cannot open it and goes through the server.
 */
export interface ServedPair {
  folder: string;
  alone: string;
  served: string;
  roster: Roster;
  app: FastifyInstance;
  url: string;
  /**
   * Prepares both installations the same way in this process (no CLI process to start): the served one
   * through its running Roster, the other opened and closed again before any command runs on it.
   */
  onBoth(prepare: (roster: Roster) => Promise<void>): Promise<void>;
  /** Runs the commands in order on each installation, the two side by side. */
  runBoth(commands: string[][]): Promise<{ local: CliResult[]; remote: CliResult[] }>;
  close(): Promise<void>;
}

export async function startServedPair(
  name: string,
  prepare: (dataDir: string) => void = () => {},
): Promise<ServedPair> {
  const folder = mkdtempSync(join(tmpdir(), `roster-${name}-`));
  const alone = join(folder, 'alone');
  const served = join(folder, 'served');
  for (const dataDir of [alone, served]) {
    mkdirSync(join(dataDir, 'files'), { recursive: true });
    withMigratedDatabase(dataDir);
    prepare(dataDir);
  }
  const roster = await openRoster(testConfig(served));
  const app = await buildServer(roster, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const socket: Server = await listenOnLocalSocket(app, served);
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const runAll = async (dataDir: string, commands: string[][]) => {
    const results: CliResult[] = [];
    for (const args of commands) results.push(await runCli(args, { ROSTER_DATA_DIR: dataDir }));
    return results;
  };
  return {
    folder,
    alone,
    served,
    roster,
    app,
    url,
    onBoth: async (prepare) => {
      await prepare(roster);
      const other = await openRoster(testConfig(alone));
      try {
        await prepare(other);
      } finally {
        await other.close();
      }
    },
    runBoth: async (commands) => {
      const [local, remote] = await Promise.all([runAll(alone, commands), runAll(served, commands)]);
      return { local, remote };
    },
    close: async () => {
      await closeLocalSocket(socket, served);
      await app.close();
      await roster.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
