import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { createServerDatabase, pgliteTemplateVariable, serverTemplateVariable } from './test-roster.js';

/**
 * Migrates one embedded database and, on the server lane, one server database before any test runs. Tests
 * that need a fresh Roster start from copies of them (newDataDir, createServerDatabase({ migrated })) rather
 * than creating and migrating hundreds of databases. Tests of migrating itself still start from empty ones.
 * The workers inherit the two variables set here.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const folder = mkdtempSync(join(tmpdir(), 'roster-template-'));
  const embedded = await openDatabase({ kind: 'pglite', dataDir: folder });
  await migrate(embedded);
  await embedded.close();
  process.env[pgliteTemplateVariable] = join(folder, 'pgdata');

  let server: Awaited<ReturnType<typeof createServerDatabase>> | undefined;
  if (process.env.ROSTER_TEST_DATABASE_URL) {
    server = await createServerDatabase();
    const database = await openDatabase({ kind: 'pg', url: server.url });
    await migrate(database);
    await database.close();
    const name = new URL(server.url).pathname.slice(1);
    // A template must not be connected to while it is copied; marking it one also documents what it is.
    const admin = new pg.Client({ connectionString: process.env.ROSTER_TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`alter database ${name} is_template true`);
    await admin.end();
    process.env[serverTemplateVariable] = name;
  }

  return async () => {
    rmSync(folder, { recursive: true, force: true });
    if (server) {
      const name = process.env[serverTemplateVariable];
      const admin = new pg.Client({ connectionString: process.env.ROSTER_TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`alter database ${name} is_template false`);
      await admin.end();
      await server.drop();
    }
  };
}
