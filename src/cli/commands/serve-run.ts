import { resolve } from 'node:path';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { loadConfig } from '../../config.js';
import type { RunningDemoProviders } from '../../demo/demo-providers.js';
import { closeLocalSocket, listenOnLocalSocket } from '../../http/local-socket.js';
import { startMetricsListener } from '../../http/metrics-listener.js';
import { publicUrlOf } from '../../http/public-url.js';
import { invalidInput } from '../../lib/errors.js';
import { createOneTimeToken, hasAdmin } from '../../modules/auth/auth.repo.js';
import { openRoster, type Roster } from '../../roster.js';
import { loadConfigOrExit, withRoster } from '../context.js';
import { reportError } from '../output.js';
import { refuseRemote } from '../remote/local-only.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

const listenUrl = (app: FastifyInstance) => {
  const address = app.server.address();
  if (!address || typeof address !== 'object') return String(address);
  return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
};

async function printAccess(roster: Roster, port: number, demoAdmin: string | null) {
  const base = publicUrlOf(roster.config, port);
  say(`Roster is serving at ${base}`);
  if (demoAdmin) {
    const { db } = roster.database;
    const member = await db
      .selectFrom('admin_members')
      .select('id')
      .where('email', '=', demoAdmin)
      .executeTakeFirstOrThrow();
    say(`Sign in as ${demoAdmin} (one-time link, valid 30 minutes):`);
    say(`  ${base}/auth/link?token=${await createOneTimeToken(roster, 'sign_in', member.id)}`);
  } else if (!(await hasAdmin(roster))) {
    say('No admin exists yet. Create the first one with this one-time setup token (valid 24 hours):');
    const token = await createOneTimeToken(roster, 'setup', null);
    say(
      `  curl -X POST ${base}/api/setup -H 'content-type: application/json' -d '{"token":"${token}","email":"you@example.com"}'`,
    );
    say('or, on this machine: roster sign-in-link you@example.com');
  }
}

/**
 * The demo's code (its generated organisation, simulated providers and their fake data) is loaded only when
 * asked for: a plain `roster serve` never reads it.
 */
const loadDemoModules = async () => ({
  ...(await import('../../demo/demo-directory.js')),
  ...(await import('../../demo/demo-providers.js')),
  ...(await import('../../demo/generate-demo.js')),
  ...(await import('../../demo/load-demo.js')),
});

/**
 * The server's modules (Fastify, every route with its schemas, the job worker) load while the database
 * opens: each takes about a second at start, and neither needs the other until the server is built.
 */
const loadServerModules = async () => ({
  ...(await import('../../http/server.js')),
  ...(await import('../../jobs/start-worker.js')),
});

/** `roster serve [--port N] [--demo]`. */
export async function runServe(options: { port?: string; demo?: boolean }) {
  let roster: Roster | undefined;
  let providers: RunningDemoProviders | undefined;
  try {
    refuseRemote();
    const env = { ...process.env };
    if (options.demo && !env.DATABASE_URL)
      env.ROSTER_DATA_DIR = env.ROSTER_DEMO_DATA_DIR ?? resolve('demo-data');
    const demo = options.demo ? await loadDemoModules() : undefined;
    const config = loadConfig(demo ? demo.withDemoProvidersAllowed(env) : env);
    const port = options.port !== undefined ? Number(options.port) : config.port;
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw invalidInput('--port must be 0-65535', [{ field: 'port', message: 'is not a port' }]);
    const serverModules = loadServerModules();
    // Awaited below; a start that fails earlier reports its own error, not this one.
    serverModules.catch(() => {});
    roster = await openRoster(config);
    const { buildServer, createJobWorker } = await serverModules;
    let demoAdmin: string | null = null;
    if (demo) {
      const {
        demoDirectory,
        generateDemoOrganisation,
        isEmpty,
        loadDemo,
        repointDemoSources,
        startDemoProviders,
      } = demo;
      // The demo's identity providers run in this process for as long as it serves.
      const now = new Date();
      providers = await startDemoProviders(demoDirectory(generateDemoOrganisation({ now }), now));
      if (await isEmpty(roster)) {
        say(
          `Loading the demo organisation into ${config.database.kind === 'pglite' ? config.dataDir : 'the database'}…`,
        );
        demoAdmin = (await loadDemo(roster, { now, providers })).adminEmail;
      } else {
        await repointDemoSources(roster, providers, ['Okta']);
        const admin = await roster.database.db
          .selectFrom('admin_members')
          .select('email')
          .where('role', '=', 'admin')
          .orderBy('id')
          .executeTakeFirst();
        demoAdmin = admin?.email ?? null;
      }
    }
    const open = roster;
    let log: FastifyBaseLogger | undefined;
    // Made before the server, whose readiness reports it; started once the server listens.
    const worker = createJobWorker(open, (message, error) => log?.error({ err: error }, message));
    const server = await buildServer(roster, { worker });
    log = server.log;
    await server.listen({ port, host: config.host });
    // The CLI on this machine finds the embedded database locked by this process: it talks to it here.
    const dataDir = config.database.kind === 'pglite' ? config.database.dataDir : null;
    const localSocket = dataDir
      ? await listenOnLocalSocket(server, dataDir).catch((error: Error) => {
          // Serving goes on; only the CLI on this machine must wait for the server to stop.
          process.stderr.write(`The CLI on this machine cannot reach this server: ${error.message}\n`);
          return undefined;
        })
      : undefined;
    const address = server.server.address();
    await printAccess(roster, typeof address === 'object' && address ? address.port : port, demoAdmin);
    const metricsListener = config.metricsListen
      ? await startMetricsListener(server.metrics, config.metricsListen)
      : undefined;
    if (metricsListener) say(`Metrics (no authentication) at ${listenUrl(metricsListener)}/metrics`);
    worker.start();
    open.wakeJobs = () => worker.wake();
    const stopping = new AbortController();
    open.stopping = stopping.signal;
    const running = providers;
    const stop = async (signal: NodeJS.Signals) => {
      // Running syncs end first (cancelled, nothing applied), so the worker and the server stop promptly.
      stopping.abort(`Roster was stopped (${signal})`);
      await worker.stop();
      if (localSocket && dataDir) await closeLocalSocket(localSocket, dataDir);
      await metricsListener?.close();
      await server.close();
      await running?.close();
      await open.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    await providers?.close();
    await roster?.close();
    process.exitCode = reportError(error, false);
  }
}

/** `roster demo`: loads the demo organisation into an empty database. */
export async function runDemoLoad() {
  const { isEmpty, loadDemo, withDemoProvidersAllowed } = await loadDemoModules();
  await withRoster(
    false,
    async (roster) => {
      if (!(await isEmpty(roster)))
        throw invalidInput('The database already holds data; the demo loads only into an empty one');
      const loaded = await loadDemo(roster, { log: say });
      say(
        `Loaded ${loaded.apps} apps and ${loaded.employees} employees. Admin: ${loaded.adminEmail} (roster sign-in-link ${loaded.adminEmail})`,
      );
      return 0;
    },
    await loadConfigOrExit(false, withDemoProvidersAllowed(process.env)),
  );
}
