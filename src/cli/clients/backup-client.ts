import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Roster } from '../../roster.js';
import { type ClientFactory, cliActor } from '../context.js';
import type { ApiClient } from '../remote/api-client.js';

export interface BackupWritten {
  file: string;
  bytes: number;
  database: 'embedded' | 'server';
}

/** A backup written to a file here: from this machine's data, or downloaded from a running Roster. */
export interface BackupClient {
  /** Whether the backup's database is a PostgreSQL server (its file is a pg_dump archive). */
  serverDatabase(): boolean;
  backupTo(file: string): Promise<BackupWritten>;
}

const local = (roster: Roster): BackupClient => ({
  serverDatabase: () => roster.config.database.kind === 'pg',
  backupTo: async (file) => {
    const { backupToFile } = await import('../../modules/backup/backup.js');
    return backupToFile(roster, cliActor(), file);
  },
});

/**
 * A running Roster answers its embedded database's backup at GET /api/backup (a server database answers
 * 409, naming pg_dump, which then runs where its client tools are). The file is the owner's alone.
 */
const api = (client: ApiClient): BackupClient => ({
  serverDatabase: () => false,
  backupTo: async (file) => {
    const out = createWriteStream(file, { mode: 0o600 });
    try {
      await client.download('/api/backup', {}, out);
    } finally {
      await new Promise<void>((resolve) => out.end(resolve));
    }
    return { file, bytes: (await stat(file)).size, database: 'embedded' };
  },
});

export const backupClient: ClientFactory<BackupClient> = { local, api };
