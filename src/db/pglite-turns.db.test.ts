import { rmSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDataDir } from '../../test/support/test-roster.js';
import { type Database, openDatabase } from './database.js';

// The embedded database runs each query on the main thread; a server database's driver waits on sockets.
describe('queries on the embedded database', () => {
  let dataDir: string;
  let database: Database;
  beforeAll(async () => {
    dataDir = newDataDir();
    database = await openDatabase({ kind: 'pglite', dataDir });
  });
  afterAll(async () => {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('let waiting requests through between queries run back to back', async () => {
    // A request that arrived meanwhile is an I/O callback: it runs only when the event loop gets a turn.
    let queriesRun = 0;
    let queriesRunWhenLetThrough: number | undefined;
    setImmediate(() => {
      queriesRunWhenLetThrough = queriesRun;
    });
    // What the job worker's poll does at every start: many queries, each awaited before the next.
    for (let i = 0; i < 20; i++) {
      await sql`select 1`.execute(database.db);
      queriesRun++;
    }
    expect(queriesRunWhenLetThrough).toBeDefined();
    expect(queriesRunWhenLetThrough).toBeLessThan(20);
  });
});
