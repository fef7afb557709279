import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createServerDatabase } from '../../test/support/test-roster.js';
import { loadConfig } from '../config.js';
import { defaultPoolSize, openDatabase } from './database.js';

/** A transaction that says which server process runs it and holds its connection until let go. */
function holdConnection(database: Awaited<ReturnType<typeof openDatabase>>) {
  let letGo!: () => void;
  const released = new Promise<void>((resolve) => {
    letGo = resolve;
  });
  let pidSeen!: (pid: number) => void;
  const pid = new Promise<number>((resolve) => {
    pidSeen = resolve;
  });
  const done = database.db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
    pidSeen(rows[0]!.pid);
    await released;
  });
  return { pid, letGo, done };
}

describe('ROSTER_DATABASE_POOL_SIZE', () => {
  it('is read as a whole number of connections, and a bad value is named', () => {
    const env = { DATABASE_URL: 'postgres://roster@db/roster', ROSTER_SECRET_KEY: 'k'.repeat(32) };
    expect(loadConfig({ ...env, ROSTER_DATABASE_POOL_SIZE: '3' }).database).toEqual({
      kind: 'pg',
      url: env.DATABASE_URL,
      poolSize: 3,
    });
    expect(loadConfig(env).database).toEqual({ kind: 'pg', url: env.DATABASE_URL, poolSize: undefined });
    for (const bad of ['0', '2.5', 'many']) {
      expect(() => loadConfig({ ...env, ROSTER_DATABASE_POOL_SIZE: bad })).toThrow(
        /ROSTER_DATABASE_POOL_SIZE/,
      );
    }
  });

  it('defaults to twice the cores, at least 4 and at most 10', () => {
    expect([1, 2, 3, 4, 5, 64].map((cores) => defaultPoolSize(cores))).toEqual([4, 4, 6, 8, 10, 10]);
  });

  it.runIf(process.env.ROSTER_TEST_DATABASE_URL)(
    'bounds the connections a process holds: a read waits for one to come free',
    async () => {
      const server = await createServerDatabase();
      const database = await openDatabase({ kind: 'pg', url: server.url, poolSize: 2 });
      const first = holdConnection(database);
      const second = holdConnection(database);
      try {
        const held = [await first.pid, await second.pid];
        // Both connections are busy: this read is queued, and runs on the first one let go.
        const read = sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
        first.letGo();
        await first.done;
        expect((await read).rows[0]!.pid).toBe(held[0]);
      } finally {
        first.letGo();
        second.letGo();
        await Promise.allSettled([first.done, second.done]);
        await database.close();
        await server.drop();
      }
    },
  );
});
