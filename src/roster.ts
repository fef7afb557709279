import { loadCatalog } from './catalog/catalog.js';
import type { Config } from './config.js';
import { type Database, openDatabase } from './db/database.js';
import { MigrationError, migrate, pendingMigrations, pendingMigrationsMessage } from './db/migrate.js';
import type { SecretBox } from './lib/secret-box.js';
import { openSecrets } from './modules/secrets/open-secrets.js';
import { failInterruptedRuns } from './sync/engine.js';

/** An open Roster installation: its configuration, database and secret box. Passed to every service. */
export interface Roster {
  config: Config;
  database: Database;
  secrets: SecretBox;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * For commands that only read: nothing is migrated or repaired, and pending migrations are refused with
   * a message saying how to apply them (queries written for the new schema cannot read the old one).
   */
  readOnly?: boolean;
}

/**
 * Opens the database, applies pending migrations, refreshes the catalog, fails runs a crash left open, and
 * checks the secret key against the database's key check.
 */
export async function openRoster(config: Config, options: OpenOptions = {}): Promise<Roster> {
  const database = await openDatabase(config.database);
  try {
    if (options.readOnly) {
      const pending = await pendingMigrations(database);
      if (pending.length) throw new MigrationError(pendingMigrationsMessage(pending));
    } else {
      await migrate(database);
      await loadCatalog(database);
      await failInterruptedRuns(database);
    }
    const secrets = await openSecrets(config, database, { establish: !options.readOnly });
    return { config, database, secrets, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}
