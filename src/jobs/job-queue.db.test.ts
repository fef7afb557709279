import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../test/support/test-roster.js';
import { claimJob, completeJob, enqueueJob, failJob, requeueAbandonedJobs } from './job-queue.js';

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
    await completeJob(roster.database, first!);
    expect(await enqueueJob(roster.database, { kind: 'k', dedupeKey: 'one' })).toEqual(expect.any(Number));
    await completeJob(roster.database, (await claimJob(roster.database, 'w'))!.id);
  });

  it('hands each job to exactly one of many concurrent claimers, and none before it is due', async () => {
    const later = await enqueueJob(roster.database, { kind: 'k', runAt: new Date(Date.now() + 3_600_000) });
    const ids = [];
    for (let i = 0; i < 20; i++) ids.push(await enqueueJob(roster.database, { kind: 'k', payload: { i } }));
    const claimed = await Promise.all(
      Array.from({ length: 30 }, (_, i) => claimJob(roster.database, `w${i}`)),
    );
    const got = claimed.filter((j) => j !== null).map((j) => j!.id);
    expect(got.sort((a, b) => a - b)).toEqual(ids);
    expect(got).not.toContain(later);
    for (const id of got) await completeJob(roster.database, id);
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

  it('puts jobs a stopped process held back in the queue', async () => {
    const id = await enqueueJob(roster.database, { kind: 'k' });
    await claimJob(roster.database, 'gone');
    expect(await requeueAbandonedJobs(roster.database, 0)).toBe(1);
    expect((await claimJob(roster.database, 'w'))?.id).toBe(id);
  });
});
