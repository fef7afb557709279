import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Config, loadConfig } from '../../src/config.js';
import { openRoster, type Roster } from '../../src/roster.js';
import { loopbackAllow } from './outbound.js';

/**
 * The database lanes every database test runs on: embedded PGlite always, and a PostgreSQL server when
 * ROSTER_TEST_DATABASE_URL points at one (CI starts one; see scripts/test-postgres.sh).
 */
export type Lane = 'pglite' | 'postgres';
export const lanes: Lane[] = process.env.ROSTER_TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestRoster extends Roster {
  dataDir: string;
  lane: Lane;
  /** Opens the same database again (after close), as a restarted process would. */
  reopen(): Promise<Roster>;
}

/**
 * A new database on the test server: empty, or — with `migrated` — a copy of the suite's migrated template
 * when the global setup made one (test/support/global-setup.ts), which saves migrating every database.
 */
export async function createServerDatabase(
  options: { migrated?: boolean } = {},
): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.ROSTER_TEST_DATABASE_URL!;
  const name = `roster_test_${randomBytes(6).toString('hex')}`;
  const template = options.migrated ? process.env[serverTemplateVariable] : undefined;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Set by the global setup: a migrated embedded database's files, and a migrated server database's name. */
export const pgliteTemplateVariable = 'ROSTER_TEST_PGLITE_TEMPLATE';
export const serverTemplateVariable = 'ROSTER_TEST_SERVER_TEMPLATE';

/**
 * A new data directory for a test. Its embedded database is a copy of the suite's migrated template when
 * there is one: creating an embedded database takes seconds, copying a closed one a fraction of that.
 * Roster opens the copy as it opens any data directory it migrated before.
 */
export function newDataDir(prefix = 'roster-test-'): string {
  return withMigratedDatabase(mkdtempSync(join(tmpdir(), prefix)));
}

/** Puts a copy of the migrated template (when there is one) into a data directory that has no database yet. */
export function withMigratedDatabase(dataDir: string): string {
  const template = process.env[pgliteTemplateVariable];
  if (template) cpSync(template, join(dataDir, 'pgdata'), { recursive: true });
  return dataDir;
}

export const testServerKey = 'roster-test-key-shared-by-every-process-of-one-database';

/** A test's configuration: its simulators on loopback are reached through the allow list, as an admin would open them. */
export function testConfig(dataDir: string, extra: Record<string, string> = {}): Config {
  return loadConfig({
    ROSTER_DATA_DIR: dataDir,
    ROSTER_LOG_LEVEL: 'silent',
    ROSTER_OUTBOUND_ALLOW: loopbackAllow,
    ...extra,
  });
}

/** With `dataDir`, the embedded database already there (a copy of the demo's, say) rather than a new one. */
export async function openTestRoster(
  lane: Lane,
  extra: Record<string, string> = {},
  dataDir = newDataDir(),
): Promise<TestRoster> {
  const server = lane === 'postgres' ? await createServerDatabase({ migrated: true }) : undefined;
  // A server database needs ROSTER_SECRET_KEY, the same in every process sharing it.
  const serverEnv: Record<string, string> = server
    ? { DATABASE_URL: server.url, ROSTER_SECRET_KEY: testServerKey }
    : {};
  const config = testConfig(dataDir, { ...serverEnv, ...extra });
  const roster = await openRoster(config);
  return {
    ...roster,
    dataDir,
    lane,
    reopen: () => openRoster(config),
    close: async () => {
      await roster.close().catch(() => {});
      await server?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
