import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/support/eventually.js';
import { testServer } from '../../test/support/http.js';
import { lanes, openTestRoster, type TestRoster } from '../../test/support/test-roster.js';
import { claimJob, enqueueJob } from '../jobs/job-queue.js';
import { JobWorker } from '../jobs/job-worker.js';
import { recoverStoppedWork } from '../jobs/recover-stopped-work.js';
import { syncJobHandler, syncJobKind } from '../modules/sources/scheduled-syncs.js';
import { addSource, getSource, syncSource } from '../modules/sources/sources.service.js';
import type { Roster } from '../roster.js';
import { generateDirectory } from '../simulators/kit/directory.js';
import { type RunningOkta, startOktaSimulator } from '../simulators/okta/okta-simulator.js';

/**
 * A sync runs against the Okta simulator paused before its second page of users (`holdPages`), so a test
 * looks at a run that is certainly mid-way, for as long as it likes.
 */
describe.each(lanes)('sync run leases on %s', (lane) => {
  let roster: TestRoster;
  let okta: RunningOkta;
  const name = 'Okta';

  beforeAll(async () => {
    // A lease renewed often, so a renewal is seen while the page is held; long enough that a busy machine
    // never lets it run out while a test holds a page (another sync would then take the source over).
    roster = await openTestRoster(lane, { ROSTER_LEASE_SECONDS: '60', ROSTER_LEASE_RENEW_SECONDS: '0.2' });
    okta = await startOktaSimulator({
      directory: generateDirectory({ people: 45, now: new Date() }),
      pageSize: 10,
    });
    await addSource(roster, 'test', {
      kind: 'okta',
      name,
      // The held page must not time out in the client while the test looks.
      config: { ...okta.source.config, http: { timeoutMs: 120_000, baseDelayMs: 1, maxDelayMs: 50 } },
      credentials: okta.source.credentials,
    });
  });
  afterAll(async () => {
    await okta.close();
    await roster.close();
  });

  const runRow = (id?: number) =>
    roster.database.db
      .selectFrom('sync_runs')
      .selectAll()
      .$if(id !== undefined, (q) => q.where('id', '=', id!))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();

  it('writes its pages and records and renews its lease while it runs', async () => {
    okta.faults.set({ holdPages: [2] });
    const sync = syncSource(roster, 'test', name);
    await okta.faults.whenHeld();
    const first = await eventually(runRow, (r) => r.pages >= 1 && r.records > 0, {
      what: 'progress on the run',
    });
    expect(first.status).toBe('running');
    // No page arrives while the second is held: only the timer renews the lease.
    const renewed = await eventually(
      () => runRow(first.id),
      (r) => r.lease_expires_at!.getTime() > first.lease_expires_at!.getTime(),
      { what: 'a renewed lease' },
    );
    expect(renewed).toMatchObject({ status: 'running', pages: first.pages, records: first.records });
    expect(renewed.heartbeat_at!.getTime()).toBeGreaterThan(first.started_at.getTime());

    // The API the console reads shows the same progress.
    const server = await testServer(roster);
    try {
      const response = await server.app.inject({
        url: `/api/sync-runs/${first.id}`,
        headers: server.as('read-only'),
      });
      expect(response.json()).toMatchObject({
        status: 'running',
        pages: first.pages,
        records: first.records,
      });
      expect(response.json().records).toBeGreaterThan(0);
      expect(Date.parse(response.json().heartbeatAt)).toBeGreaterThan(first.started_at.getTime());
    } finally {
      await server.app.close();
    }

    okta.faults.release();
    const result = await sync;
    expect(result.status).toBe('succeeded');
    const done = await runRow(first.id);
    expect(done.pages).toBeGreaterThan(first.pages);
    okta.faults.set({});
  });

  it('is failed, and its job requeued, by another process once the lease runs out, not a day later', async () => {
    // The process that stops: it started the sync from a queued job, then shows no sign of life after page 1
    // (its renewal timer is far longer than its lease, as if its host froze or lost the network).
    const stopping: Roster = {
      ...roster,
      config: { ...roster.config, lease: { durationMs: 2_000, renewEveryMs: 600_000 } },
    };
    const jobId = await enqueueJob(roster.database, {
      kind: syncJobKind,
      payload: { sourceId: (await getSource(roster, name)).id },
    });
    okta.faults.set({ holdPages: [2] });
    const stoppingWorker = new JobWorker({
      database: roster.database,
      handlers: { [syncJobKind]: syncJobHandler(stopping) },
      lease: stopping.config.lease,
    });
    const stoppingDrain = stoppingWorker.drain();
    await okta.faults.whenHeld();
    const run = await eventually(runRow, (r) => r.status === 'running' && r.pages >= 1, {
      what: 'the run under way',
    });
    const job = await roster.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', jobId!)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'running', attempts: 1 });
    const leaseEnd = Math.max(run.lease_expires_at!.getTime(), job.lease_expires_at!.getTime());
    const before = await getSource(roster, name);
    expect(before.health.status).toBe('syncing');

    // Before the lease runs out the run is its holder's: another process leaves it alone.
    const early = new Date(Math.min(run.lease_expires_at!.getTime(), job.lease_expires_at!.getTime()) - 1);
    expect(await recoverStoppedWork(roster.database, { now: early })).toEqual({ runs: 0, jobs: 0 });
    // Just after, any process fails the run and requeues the job, its attempt counted.
    const after = new Date(leaseEnd + 1);
    expect(await recoverStoppedWork(roster.database, { now: after })).toEqual({ runs: 1, jobs: 1 });

    const failed = await runRow(run.id);
    expect(failed).toMatchObject({ status: 'failed', error_code: 'interrupted' });
    expect(failed.error_message).toBe(
      `The process running this sync stopped: no sign of life since ${failed.heartbeat_at!.toISOString()}; nothing was applied`,
    );
    const health = (await getSource(roster, name)).health;
    expect(health).toMatchObject({
      status: 'needs_attention',
      reason: 'sync_failed',
      message: failed.error_message,
    });
    const requeued = await roster.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', jobId!)
      .executeTakeFirstOrThrow();
    expect(requeued).toMatchObject({ status: 'queued', attempts: 1, locked_by: null });
    expect(requeued.last_error).toContain('The process running this job stopped: no sign of life since');

    // The stopped process wakes: its run is no longer its own, so it applies nothing and records nothing more.
    okta.faults.release();
    await stoppingDrain;
    expect(await runRow(run.id)).toMatchObject({ status: 'failed', error_code: 'interrupted' });
    expect((await getSource(roster, name)).lastSuccessAt).toBe(before.lastSuccessAt);
    expect(
      await roster.database.db
        .selectFrom('jobs')
        .select(['status', 'attempts'])
        .where('id', '=', jobId!)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'queued', attempts: 1 });

    // The source syncs again, and its job runs as its second attempt.
    okta.faults.set({});
    const retry = await claimJob(roster.database, 'w', new Date(requeued.run_at.getTime() + 1));
    expect(retry).toMatchObject({ id: jobId, attempts: 2 });
    const again = await syncSource(roster, 'test', name);
    expect(again.status).toBe('succeeded');
    expect((await getSource(roster, name)).health.status).toBe('ok');
  });

  it('fails a run whose lease ran out when a new sync of its source starts', async () => {
    const source = await getSource(roster, name);
    const startedAt = new Date(Date.now() - 10 * 60_000);
    await roster.database.db
      .insertInto('sync_runs')
      .values({
        source_id: source.id,
        status: 'running',
        trigger: 'schedule',
        started_at: startedAt,
        lease_holder: 'a stopped process',
        heartbeat_at: startedAt,
        lease_expires_at: new Date(startedAt.getTime() + 120_000),
      })
      .execute();
    const result = await syncSource(roster, 'test', name);
    expect(result.status).toBe('succeeded');
    const stopped = await roster.database.db
      .selectFrom('sync_runs')
      .select(['status', 'error_message'])
      .where('lease_holder', '=', 'a stopped process')
      .executeTakeFirstOrThrow();
    expect(stopped).toEqual({
      status: 'failed',
      error_message: `The process running this sync stopped: no sign of life since ${startedAt.toISOString()}; nothing was applied`,
    });
  });

  it('refuses a second sync while the first one holds its lease', async () => {
    okta.faults.set({ holdPages: [2] });
    const first = syncSource(roster, 'test', name);
    await okta.faults.whenHeld();
    await expect(syncSource(roster, 'test', name)).rejects.toMatchObject({ code: 'conflict' });
    okta.faults.release();
    expect((await first).status).toBe('succeeded');
    okta.faults.set({});
  });
});
