import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../test/support/test-roster.js';
import {
  claimJob,
  completeJob,
  enqueueJob,
  failJob,
  renewJobLease,
  requeueStoppedJobs,
} from './job-queue.js';

describe.each(lanes)('job queue on %s', (lane) => {
  let roster: TestRoster;
  beforeAll(async () => {
    roster = await openTestRoster(lane);
  });
  afterAll(async () => {
    await roster.close();
  });

  it('keeps one pending job per dedupe key, and a new one once it finished', async () => {
    const first = await enqueueJob(roster.database, { kind: 'k', dedupeKey: 'one' });
    expect(first).toEqual(expect.any(Number));
    expect(await enqueueJob(roster.database, { kind: 'k', dedupeKey: 'one' })).toBeNull();
    const job = await claimJob(roster.database, 'w');
    expect(job?.id).toBe(first);
    expect(await enqueueJob(roster.database, { kind: 'k', dedupeKey: 'one' })).toBeNull();
    await completeJob(roster.database, job!);
    expect(await enqueueJob(roster.database, { kind: 'k', dedupeKey: 'one' })).toEqual(expect.any(Number));
    await completeJob(roster.database, (await claimJob(roster.database, 'w'))!);
  });

  it('hands each job to exactly one of many concurrent claimers, and none before it is due', async () => {
    const later = await enqueueJob(roster.database, { kind: 'k', runAt: new Date(Date.now() + 3_600_000) });
    const ids = [];
    for (let i = 0; i < 20; i++) ids.push(await enqueueJob(roster.database, { kind: 'k', payload: { i } }));
    const claimed = await Promise.all(
      Array.from({ length: 30 }, (_, i) => claimJob(roster.database, `w${i}`)),
    );
    const jobs = claimed.filter((j) => j !== null);
    const got = jobs.map((j) => j.id);
    expect(got.sort((a, b) => a - b)).toEqual(ids);
    expect(got).not.toContain(later);
    for (const job of jobs) await completeJob(roster.database, job);
  });

  it('retries a failed job later, then gives up after its attempts', async () => {
    // This test moves the clock a day ahead: jobs of earlier tests would become due.
    await roster.database.db.deleteFrom('jobs').execute();
    await enqueueJob(roster.database, { kind: 'flaky', maxAttempts: 2 });
    const now = new Date();
    const first = (await claimJob(roster.database, 'w', now))!;
    await failJob(roster.database, first, 'boom', now);
    expect(await claimJob(roster.database, 'w', now)).toBeNull();
    const later = new Date(now.getTime() + 10 * 60_000);
    const second = (await claimJob(roster.database, 'w', later))!;
    expect(second).toMatchObject({ id: first.id, attempts: 2 });
    await failJob(roster.database, second, 'boom again', later);
    expect(await claimJob(roster.database, 'w', new Date(now.getTime() + 86_400_000))).toBeNull();
    const row = await roster.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', last_error: 'boom again' });
  });

  it('requeues the job of a worker that stopped renewing once its lease ran out, with the attempt counted', async () => {
    await roster.database.db.deleteFrom('jobs').execute();
    const id = await enqueueJob(roster.database, { kind: 'k', maxAttempts: 2 });
    const claimedAt = new Date();
    const leaseMs = 60_000;
    const gone = (await claimJob(roster.database, 'gone', claimedAt, leaseMs))!;
    // Within the lease the job is the stopped worker's still: nobody else takes it.
    expect(
      await requeueStoppedJobs(roster.database, { now: new Date(claimedAt.getTime() + leaseMs - 1) }),
    ).toBe(0);
    // Minutes after its last sign of life, not hours: any process puts it back.
    const expired = new Date(claimedAt.getTime() + leaseMs + 1);
    expect(await requeueStoppedJobs(roster.database, { now: expired })).toBe(1);
    const row = await roster.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'queued', attempts: 1, locked_by: null });
    expect(row.last_error).toBe(
      `The process running this job stopped: no sign of life since ${claimedAt.toISOString()}`,
    );
    // The stopped worker, were it only paused, can no longer finish or renew what is not its own.
    expect(await renewJobLease(roster.database, gone, expired, leaseMs)).toBe(false);
    await completeJob(roster.database, gone, expired);
    const retry = (await claimJob(roster.database, 'w', new Date(expired.getTime() + 86_400_000)))!;
    expect(retry).toMatchObject({ id, attempts: 2 });
    // Out of attempts: a job that stops its process every time fails instead of running forever.
    const later = new Date(expired.getTime() + 2 * 86_400_000);
    expect(await requeueStoppedJobs(roster.database, { now: later })).toBe(1);
    expect(
      await roster.database.db.selectFrom('jobs').select('status').where('id', '=', id!).executeTakeFirst(),
    ).toEqual({ status: 'failed' });
  });

  it('keeps a job whose worker renews its lease', async () => {
    await roster.database.db.deleteFrom('jobs').execute();
    await enqueueJob(roster.database, { kind: 'k' });
    const start = new Date();
    const job = (await claimJob(roster.database, 'w', start, 60_000))!;
    const renewedAt = new Date(start.getTime() + 50_000);
    expect(await renewJobLease(roster.database, job, renewedAt, 60_000)).toBe(true);
    expect(await requeueStoppedJobs(roster.database, { now: new Date(start.getTime() + 90_000) })).toBe(0);
    await completeJob(roster.database, job);
  });

  it('puts every running job back in the queue when asked at an embedded start', async () => {
    await roster.database.db.deleteFrom('jobs').execute();
    const id = await enqueueJob(roster.database, { kind: 'k' });
    const now = new Date();
    await claimJob(roster.database, 'gone', now);
    expect(await requeueStoppedJobs(roster.database, { now, everyRunning: true })).toBe(1);
    expect((await claimJob(roster.database, 'w', new Date(now.getTime() + 86_400_000)))?.id).toBe(id);
  });
});
