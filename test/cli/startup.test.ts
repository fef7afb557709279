import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/cli.js';

const recorder = fileURLToPath(new URL('../support/record-modules.mjs', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'roster-startup-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs the CLI and returns what it printed and every module it resolved. */
async function modulesLoadedBy(args: string[]) {
  const file = join(folder, `${args.join('_').replace(/\W/g, '')}.txt`);
  const result = await runCli(args, { ROSTER_RECORD_MODULES: file }, { nodeOptions: ['--import', recorder] });
  return { result, modules: readFileSync(file, 'utf8').split('\n').filter(Boolean) };
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
