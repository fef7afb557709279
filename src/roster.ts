import { loadCatalog } from './catalog/catalog.js';
import type { Config } from './config.js';
import { readDataTemplate } from './db/data-template.js';
import { type Database, openDatabase } from './db/database.js';
import { MigrationError, migrate, pendingMigrations, pendingMigrationsMessage } from './db/migrate.js';
import { recoverStoppedWork } from './jobs/recover-stopped-work.js';
import { createOutboundClient, type OutboundClient } from './lib/outbound/outbound-client.js';
import type { SecretBox } from './lib/secret-box.js';
import { openSecrets } from './modules/secrets/open-secrets.js';

/** An open Roster installation: its configuration, database and secret box. Passed to every service. */
export interface Roster {
  config: Config;
  database: Database;
  secrets: SecretBox;
  /** The one client for requests Roster makes on someone's behalf, guarded by ROSTER_OUTBOUND_ALLOW. */
  outbound: OutboundClient;
  /** Set by a serving process: its job worker polls at once instead of at its next interval. */
  wakeJobs?: () => void;
  /**
   * Set by a serving process and aborted when it is told to stop (SIGTERM): syncs running in it end
   * cancelled, with nothing applied, instead of holding the shutdown until they finish.
   */
  stopping?: AbortSignal;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * For commands that only read: nothing is migrated or repaired, and pending migrations are refused with
   * a message saying how to apply them (queries written for the new schema cannot read the old one).
   */
  readOnly?: boolean;
  /** Where the migrated data template is read from (default: the build's, `dist/data-template/`). */
  dataTemplateDir?: string;
}

/**
 * Opens the database (a new embedded one from the build's migrated template, `db/data-template.ts`), applies pending migrations, refreshes the catalog, fails the runs (and requeues the
 * jobs) of processes that stopped — any process opening Roster recovers them, a worker or a one-off
 * command — and checks the secret key against the database's key check.
 */
export async function openRoster(config: Config, options: OpenOptions = {}): Promise<Roster> {
  // A new embedded database starts from the build's migrated template when it holds exactly this Roster's
  // migrations; `migrate` below then finds nothing to do. Read-only opens create nothing worth speeding.
  const database = await openDatabase(
    config.database,
    options.readOnly ? {} : { newDatabaseFrom: () => readDataTemplate(options.dataTemplateDir) },
  );
  let secrets: SecretBox;
  try {
    if (options.readOnly) {
      const pending = await pendingMigrations(database);
      if (pending.length) throw new MigrationError(pendingMigrationsMessage(pending));
    } else {
      await migrate(database);
      await loadCatalog(database);
      await recoverStoppedWork(database, { atStart: true });
    }
    secrets = await openSecrets(config, database, { establish: !options.readOnly });
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
