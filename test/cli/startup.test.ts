import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { sourcesOfLoaded } from '../support/bundle-sources.js';
import { cliArgs, repoRoot, runCli } from '../support/cli.js';
import { eventually } from '../support/eventually.js';

const recorder = fileURLToPath(new URL('../support/record-modules.mjs', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'roster-startup-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs the CLI and returns what it printed and every module it resolved (from the build: what its chunks hold). */
async function modulesLoadedBy(args: string[]) {
  const file = join(folder, `${args.join('_').replace(/\W/g, '')}.txt`);
  const result = await runCli(args, { ROSTER_RECORD_MODULES: file }, { nodeOptions: ['--import', recorder] });
  return { result, modules: sourcesOfLoaded(readFileSync(file, 'utf8').split('\n').filter(Boolean)) };
}

/**
 * Code only the demo, tests or development need, and the heavy parts a command loads when it runs (the
 * server, the database drivers, the query builder, schemas and clients the services use): `roster --help`
 * must not pay for any of them.
 */
const notAtStart = [
  /\/node_modules\/@faker-js\/faker\//,
  /\/(src|dist)\/demo\//,
  /\/(src|dist)\/simulators\//,
  /\/node_modules\/(vitest|fast-check|playwright-core|oidc-provider|scimmy|express|smtp-server)\//,
  /\/node_modules\/fastify\//,
  /\/node_modules\/@electric-sql\/pglite\//,
  /\/node_modules\/pg\//,
  /\/node_modules\/(kysely|zod|undici|jose|nodemailer|openid-client|@node-rs\/argon2)\//,
];

describe('the CLI at start', () => {
  it.each([[['--help']], [['serve', '--help']], [['--version']]])(
    'roster %s loads no demo, test or development code, no server, database driver or service',
    async (args) => {
      const { result, modules } = await modulesLoadedBy(args);
      expect(result.code).toBe(0);
      // The recorder saw the CLI itself: an empty list proves nothing.
      expect(modules.some((url) => url.includes('/node_modules/commander/'))).toBe(true);
      for (const pattern of notAtStart) expect(modules.filter((url) => pattern.test(url))).toEqual([]);
    },
  );

  it('prints the version of the package', async () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    const result = await runCli(['--version'], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${version}\n`);
  });
});

/**
 * What `roster serve` needs only once something asks for it (a workbook uploaded, mail sent, a connector
 * signing a token, a single sign-on): loading them before the server listens would delay every start.
 */
const notBeforeReady = [
  /\/node_modules\/@faker-js\/faker\//,
  /\/(src|dist)\/demo\//,
  /\/(src|dist)\/simulators\//,
  /\/node_modules\/(read-excel-file|unzipper-esm|nodemailer|jose|openid-client|oauth4webapi)\//,
];

/** Starts `roster serve` on a new data directory and returns every module it resolved until /readyz answered 200. */
async function modulesLoadedUntilReady(): Promise<string[]> {
  const file = join(folder, 'serve.txt');
  const child = spawn(process.execPath, ['--import', recorder, ...cliArgs, 'serve', '--port', '0'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ROSTER_DATA_DIR: join(folder, 'serve-data'),
      ROSTER_LOG_LEVEL: 'silent',
      ROSTER_RECORD_MODULES: file,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    const base = await eventually(
      async () => /Roster is serving at (http:\/\/\S+)/.exec(out)?.[1],
      (address) => address !== undefined,
      { timeoutMs: 110_000, what: 'roster serve printing its address' },
    );
    await eventually(
      () =>
        fetch(`${base}/readyz`).then(
          (response) => response.status,
          () => 0,
        ),
      (status) => status === 200,
      { what: '/readyz answering 200' },
    );
    return sourcesOfLoaded(readFileSync(file, 'utf8').split('\n').filter(Boolean));
  } finally {
    child.kill('SIGKILL');
  }
}

describe('roster serve at start', () => {
  it('listens and is ready without loading what only a later request needs', async () => {
    const modules = await modulesLoadedUntilReady();
    // The server and its database driver are there: an empty or partial list proves nothing.
    expect(modules.some((url) => url.includes('/node_modules/fastify'))).toBe(true);
    expect(modules.some((url) => url.includes('/node_modules/@electric-sql/pglite/'))).toBe(true);
    for (const pattern of notBeforeReady) expect(modules.filter((url) => pattern.test(url))).toEqual([]);
  });
});
