import { loadCatalog } from './catalog/catalog.js';
import type { Config } from './config.js';
import { type Database, openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { recoverStoppedWork } from './jobs/recover-stopped-work.js';
import { createOutboundClient, type OutboundClient } from './lib/outbound/outbound-client.js';
import { SecretBox } from './lib/secret-box.js';

/** An open Roster installation: its configuration, database and secret box. Passed to every service. */
export interface Roster {
  config: Config;
  database: Database;
  secrets: SecretBox;
  /** The one client for requests Roster makes on someone's behalf, guarded by ROSTER_OUTBOUND_ALLOW. */
  outbound: OutboundClient;
  close(): Promise<void>;
}

/**
 * Opens the database, applies pending migrations, refreshes the catalog, and fails the runs (and requeues the
 * jobs) of processes that stopped: any process opening Roster recovers them, a worker or a one-off command.
 */
export async function openRoster(config: Config): Promise<Roster> {
  const secrets = SecretBox.fromConfig(config);
  const database = await openDatabase(config.database);
  try {
    await migrate(database);
    await loadCatalog(database);
    await recoverStoppedWork(database, { atStart: true });
  } catch (error) {
    await database.close();
    throw error;
  }
  const outbound = createOutboundClient({
    policy: config.outbound.allow,
    maxBytes: config.outbound.maxBytes,
    timeoutMs: config.outbound.timeoutMs,
  });
  return {
    config,
    database,
    secrets,
    outbound,
    close: async () => {
      await outbound.close();
      await database.close();
    },
  };
}
