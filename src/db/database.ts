import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Mutex } from '../lib/mutex.js';
import { type CopyValue, encodeCopyRows } from './copy-text.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { PGliteDialect } from './pglite-dialect.js';
import { pglitePreparedStatements } from './pglite-prepared.js';
import { preparedTextGuard } from './prepared-texts.js';
import type { DB } from './schema.js';
import { unpackDataDir } from './unpack-data-dir.js';

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string }
  /** poolSize: at most this many connections at once (ROSTER_DATABASE_POOL_SIZE; defaultPoolSize() if unset). */
  | { kind: 'pg'; url: string; poolSize?: number };

/**
 * Connections to a PostgreSQL server one process holds at most, unless ROSTER_DATABASE_POOL_SIZE says: twice
 * this machine's cores, within 4..10. Backends running at once beyond the cores only take turns, and cost
 * more for it: on two cores the one-person read took 0.68 ms of the server's CPU with two or three running
 * and 1.25 ms with ten (bench/RESULTS.md). Four leave the job worker and a long import a connection each
 * with two to spare for the API.
 */
export function defaultPoolSize(cores = availableParallelism()): number {
  return Math.min(10, Math.max(4, 2 * cores));
}

export interface Database {
  readonly kind: 'pglite' | 'pg';
  readonly db: Kysely<DB>;
  /** Bulk-loads rows with COPY, outside any transaction (used for staging sync runs and benchmarks). */
  copyRows(table: string, columns: readonly string[], rows: readonly (readonly CopyValue[])[]): Promise<void>;
  /**
   * Bulk-loads rows with COPY inside the caller's transaction `trx` (on its connection), so they commit or
   * roll back with it: an expense file's lines go straight into their table (sync/apply-expenses.ts).
   */
  copyRowsIn(
    trx: Transaction<DB>,
    table: string,
    columns: readonly string[],
    rows: readonly (readonly CopyValue[])[],
  ): Promise<void>;
  /**
   * Runs a read asked on every request under a fixed name: on a PostgreSQL server a prepared statement of
   * each pooled connection, planned once per connection rather than per request (its plan kept while it
   * stays good: the server's plan cache); on the embedded database, prepared once on its one session and
   * executed with the arguments as literals (pglite-prepared.ts). `name` is a lower-case SQL identifier.
   */
  prepared<R>(name: string, query: CompiledQuery<R>): Promise<R[]>;
  /** Runs a multi-statement SQL script (a migration) in one transaction. */
  executeScript(script: string): Promise<void>;
  /** Housekeeping after large changes: PGlite runs no autovacuum, so Roster runs VACUUM ANALYZE itself. */
  afterLargeChange(): Promise<void>;
  /**
   * The embedded database's files as a gzipped tarball, taken while no query runs (a consistent copy).
   * Absent on a PostgreSQL server, whose own tools (pg_dump) back it up.
   */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

const int8 = 20;
const date = 1082;
const numeric = 1700;
// Counts and identifiers fit in a JS number; dates stay ISO strings (no time zone shifts).
const parseInt8 = (value: string) => Number(value);
const keepText = (value: string) => value;

function copySql(table: string, columns: readonly string[]): string {
  const quoted = columns.map((c) => `"${c.replace(/"/g, '""')}"`).join(', ');
  return `copy "${table.replace(/"/g, '""')}" (${quoted}) from stdin`;
}

export interface OpenOptions {
  /**
   * Embedded only: the gzipped tarball of a migrated, empty database to start a NEW data directory from
   * (no `pgdata`, or an empty one) instead of creating one (`db/data-template.ts`). Undefined: create it.
   * Asked only when the directory is new, so an existing database never reads the tarball.
   */
  newDatabaseFrom?: () => Uint8Array | undefined;
}

const isNewDatabase = (pgdata: string) => !existsSync(pgdata) || readdirSync(pgdata).length === 0;

async function openPglite(dataDir: string, options: OpenOptions): Promise<Database> {
  const releaseLock = acquireDataDirLock(dataDir);
  try {
    const pgdata = join(dataDir, 'pgdata');
    // Checked under the lock: no other process can be creating this database meanwhile. The template is
    // written with Node's file calls, and PGlite opens it as a database it made before.
    const template = isNewDatabase(pgdata) ? options.newDatabaseFrom?.() : undefined;
    if (template) await unpackDataDir(template, pgdata);
    const pglite = await PGlite.create({
      dataDir: pgdata,
      parsers: { [int8]: parseInt8, [date]: keepText, [numeric]: Number },
    });
    const mutex = new Mutex();
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite, mutex) });
    return {
      kind: 'pglite',
      db,
      copyRows: (table, columns, rows) =>
        mutex.run(async () => {
          const sql = copySql(table, columns).replace('from stdin', "from '/dev/blob'");
          await pglite.query(sql, [], { blob: new Blob([encodeCopyRows(rows)]) });
        }),
      // The transaction holds the mutex (its connection is PGlite's only one): the COPY runs inside it.
      copyRowsIn: async (_trx, table, columns, rows) => {
        const sql = copySql(table, columns).replace('from stdin', "from '/dev/blob'");
        await pglite.query(sql, [], { blob: new Blob([encodeCopyRows(rows)]) });
      },
      prepared: pglitePreparedStatements((text) => db.executeQuery(CompiledQuery.raw(text))),
      executeScript: (script) =>
        mutex.run(async () => void (await pglite.transaction((tx) => tx.exec(script)))),
      afterLargeChange: () => mutex.run(async () => void (await pglite.exec('vacuum analyze'))),
      dumpDataDir: () => mutex.run(() => pglite.dumpDataDir('gzip')),
      close: async () => {
        await db.destroy();
        await pglite.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

async function openPg(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === int8) return parseInt8;
        if (oid === date) return keepText;
        if (oid === numeric) return Number;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server closes (restart, failover, a dropped database) is discarded by the
  // pool and replaced on next use; unhandled, its error event would end the process.
  pool.on('error', () => {});
  // A transaction's pooled client, found by its server process id, so a COPY can run inside the transaction.
  const clientsByPid = new Map<number, pg.PoolClient>();
  pool.on('connect', (client) => {
    const pid = (client as unknown as { processID?: number }).processID;
    if (pid !== undefined) clientsByPid.set(pid, client as pg.PoolClient);
  });
  pool.on('remove', (client) => {
    const pid = (client as unknown as { processID?: number }).processID;
    if (pid !== undefined) clientsByPid.delete(pid);
  });
  // Fail fast with the server's own message when it cannot be reached.
  const probe = await pool.connect();
  probe.release();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const checkPreparedText = preparedTextGuard();
  return {
    kind: 'pg',
    db,
    copyRows: async (table, columns, rows) => {
      const client = await pool.connect();
      try {
        const stream = client.query(copyFrom(copySql(table, columns)));
        await new Promise<void>((resolve, reject) => {
          stream.on('finish', resolve);
          stream.on('error', reject);
          stream.end(encodeCopyRows(rows));
        });
      } finally {
        client.release();
      }
    },
    copyRowsIn: async (trx, table, columns, rows) => {
      const { rows: found } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
      const client = clientsByPid.get(Number(found[0]?.pid));
      if (!client) throw new Error('The transaction’s connection is not one of this pool’s');
      const stream = client.query(copyFrom(copySql(table, columns)));
      await new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
        stream.end(encodeCopyRows(rows));
      });
    },
    prepared: async <R>(name: string, query: CompiledQuery<R>) => {
      // Each pooled connection prepares the name on first use: one text per name, checked here for all.
      checkPreparedText(name, query.sql);
      return (await pool.query({ name, text: query.sql, values: [...query.parameters] })).rows as R[];
    },
    executeScript: async (script) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query(script);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
    },
    // The server's autovacuum would get there; analyzing now keeps plans right for the next sync.
    afterLargeChange: async () => void (await pool.query('analyze')),
    close: async () => {
      await db.destroy();
    },
  };
}

export function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Database> {
  return target.kind === 'pglite'
    ? openPglite(target.dataDir, options)
    : openPg(target.url, target.poolSize ?? defaultPoolSize());
}
