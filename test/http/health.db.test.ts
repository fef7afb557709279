import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { JobWorker } from '../../src/jobs/job-worker.js';
import { eventually } from '../support/eventually.js';
import { useTestServer } from '../support/http.js';
import { lanes, openTestRoster, type TestRoster } from '../support/test-roster.js';

describe.each(lanes)('health probes on %s', (lane) => {
  const ctx = useTestServer(undefined, { lane });
  const workers: JobWorker[] = [];
  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.stop();
  });

  /** A worker on the test database with a clock the test moves; it polls once, then waits an hour. */
  const startWorker = (clock: { now: Date }) => {
    const worker = new JobWorker({
      database: ctx.roster.database,
      handlers: {},
      pollMs: 3_600_000,
      now: () => clock.now,
    });
    workers.push(worker);
    worker.start();
    return worker;
  };

  const serverWith = async (worker: JobWorker | undefined) => {
    const app = await buildServer(ctx.roster, { logger: false, worker });
    return { app, close: () => app.close() };
  };

  it('answers /healthz without authentication and without asking the database', async () => {
    const response = await ctx.server.app.inject({ url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('is ready with the database up, migrations current and a polling worker', async () => {
    const worker = startWorker({ now: new Date() });
    const server = await serverWith(worker);
    try {
      const response = await server.app.inject({ url: '/readyz' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        status: 'ready',
        notReady: [],
        checks: { database: { ready: true }, migrations: { ready: true }, worker: { ready: true } },
      });
    } finally {
      await server.close();
    }
  });

  it('is not ready without a job worker, naming it', async () => {
    // The shared test server was built without one.
    const response = await ctx.server.app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json().notReady).toEqual(['worker']);
    expect(response.json().checks.worker).toEqual({
      ready: false,
      reason: 'this process runs no job worker',
    });
  });

  it('is not ready when the worker stops showing signs of life, or was stopped', async () => {
    const clock = { now: new Date('2026-11-30T10:00:00Z') };
    const worker = startWorker(clock);
    const server = await serverWith(worker);
    try {
      await eventually(
        async () => worker.completedPolls,
        (polls) => polls >= 1,
        { what: 'the first poll' },
      );
      expect((await server.app.inject({ url: '/readyz' })).statusCode).toBe(200);
      // Its next poll is an hour away: two intervals and a minute later without one, it is not alive.
      clock.now = new Date(clock.now.getTime() + 2 * 3_600_000 + 61_000);
      const silent = await server.app.inject({ url: '/readyz' });
      expect(silent.statusCode).toBe(503);
      expect(silent.json().notReady).toEqual(['worker']);
      expect(silent.json().checks.worker.reason).toBe(
        'the job worker has shown no sign of life since 2026-11-30T10:00:00.000Z',
      );
      await worker.stop();
      const stopped = await server.app.inject({ url: '/readyz' });
      expect(stopped.json().checks.worker).toEqual({ ready: false, reason: 'the job worker was stopped' });
    } finally {
      await server.close();
    }
  });

  it('is not ready with a migration pending, naming it', async () => {
    const worker = startWorker({ now: new Date() });
    const server = await serverWith(worker);
    const { db } = ctx.roster.database;
    const last = await db
      .selectFrom('schema_migrations')
      .select(['version', 'checksum'])
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    await db.deleteFrom('schema_migrations').where('version', '=', last.version).execute();
    try {
      const response = await server.app.inject({ url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.json().notReady).toEqual(['migrations']);
      expect(response.json().checks.migrations).toEqual({
        ready: false,
        reason: `migrations pending: ${last.version}`,
      });
    } finally {
      await db.insertInto('schema_migrations').values(last).execute();
      await server.close();
    }
  });

  it('publishes both probes without security in the OpenAPI document', async () => {
    const document = (
      await ctx.server.app.inject({ url: '/api/openapi.json', headers: ctx.server.as('admin') })
    ).json();
    expect(document.paths['/healthz'].get.security).toEqual([]);
    expect(document.paths['/readyz'].get.security).toEqual([]);
    expect(document.paths['/api/v1/apps'].get.security).toBeUndefined();
  });

  it('answers every probe, however many, without a rate limit', async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 60; i++) {
      statuses.add((await ctx.server.app.inject({ url: '/healthz', remoteAddress: '10.1.2.3' })).statusCode);
      statuses.add((await ctx.server.app.inject({ url: '/readyz', remoteAddress: '10.1.2.3' })).statusCode);
    }
    expect([...statuses].sort()).toEqual([200, 503]);
  });
});

describe.each(lanes)('health probes with the database gone on %s', (lane) => {
  let roster: TestRoster | undefined;
  afterEach(async () => {
    await roster?.close();
  });

  it('still answers /healthz, and /readyz names the database', async () => {
    roster = await openTestRoster(lane);
    const worker = new JobWorker({ database: roster.database, handlers: {}, pollMs: 3_600_000 });
    const app = await buildServer(roster, { logger: false, worker });
    worker.start();
    try {
      await eventually(
        async () => worker.completedPolls,
        (polls) => polls >= 1,
        { what: 'the first poll' },
      );
      await roster.database.close();
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
      const response = await app.inject({ url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.json().notReady).toEqual(['database', 'migrations']);
      expect(response.json().checks.database).toEqual({
        ready: false,
        reason: 'the database cannot be reached',
      });
    } finally {
      await worker.stop();
      await app.close();
    }
  });
});
