import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { enqueueJob } from '../../jobs/job-queue.js';
import { JobWorker } from '../../jobs/job-worker.js';
import { importCsv } from '../imports/imports.service.js';
import { enqueueDueSyncs, syncJobHandler, syncJobKind } from './scheduled-syncs.js';
import { addSource } from './sources.service.js';

describe.each(lanes)('scheduled syncs on %s', (lane) => {
  let roster: TestRoster;
  beforeAll(async () => {
    roster = await openTestRoster(lane);
  });
  afterAll(async () => {
    await roster.close();
  });

  it('syncs pull sources when their interval has passed, and never push sources', async () => {
    mkdirSync(roster.config.filesDir, { recursive: true });
    writeFileSync(join(roster.config.filesDir, 'hr.csv'), 'email,name,status\nann@acme.io,Ann,active\n');
    const hr = await addSource(roster, 'test', {
      kind: 'hr-csv',
      name: 'HR',
      config: { file: 'hr.csv' },
      schedule: '1h',
    });
    expect(hr.schedule).toBe('1h');
    await importCsv(roster, 'test', { app: 'Slack', content: Buffer.from('email\nann@acme.io\n') });
    const worker = new JobWorker({
      database: roster.database,
      handlers: { [syncJobKind]: syncJobHandler(roster) },
    });

    expect(await enqueueDueSyncs(roster)).toBe(1);
    expect(await enqueueDueSyncs(roster)).toBe(0);
    expect(await worker.drain()).toBe(1);
    const employees = await roster.database.db.selectFrom('employees').select('email').execute();
    expect(employees).toEqual([{ email: 'ann@acme.io' }]);

    expect(await enqueueDueSyncs(roster, new Date(Date.now() + 30 * 60_000))).toBe(0);
    expect(await enqueueDueSyncs(roster, new Date(Date.now() + 61 * 60_000))).toBe(1);
    const runs = await roster.database.db
      .selectFrom('sync_runs')
      .select(['trigger'])
      .where('source_id', '=', hr.id)
      .execute();
    expect(runs).toEqual([{ trigger: 'schedule' }]);
  });

  it('defers a scheduled sync that finds its source syncing until that run’s lease ends, using no attempt', async () => {
    const hr = await addSource(roster, 'test', {
      kind: 'hr-csv',
      name: 'HR busy',
      config: { file: 'hr.csv' },
      schedule: '1h',
    });
    // Only this test's job is due.
    await roster.database.db.deleteFrom('jobs').execute();
    // Another process is syncing the source and renewing its lease.
    const leaseEnd = new Date(Date.now() + 90_000);
    await roster.database.db
      .insertInto('sync_runs')
      .values({
        source_id: hr.id,
        status: 'running',
        trigger: 'api:someone',
        lease_holder: 'another process',
        heartbeat_at: new Date(),
        lease_expires_at: leaseEnd,
      })
      .execute();
    const jobId = await enqueueJob(roster.database, {
      kind: syncJobKind,
      payload: { sourceId: hr.id },
      dedupeKey: `sync:${hr.id}`,
    });
    const worker = new JobWorker({
      database: roster.database,
      handlers: { [syncJobKind]: syncJobHandler(roster) },
    });
    expect(await worker.drain()).toBe(1);
    const job = await roster.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', jobId!)
      .executeTakeFirstOrThrow();
    // Not a success: still queued, after the running run's lease, with its attempt given back.
    expect(job).toMatchObject({ status: 'queued', attempts: 0, locked_by: null });
    expect(job.run_at.getTime()).toBeGreaterThan(leaseEnd.getTime());
    expect(job.last_error).toContain('Another sync of this source was running');
    // The other run is left to its holder.
    const runs = await roster.database.db
      .selectFrom('sync_runs')
      .select('status')
      .where('source_id', '=', hr.id)
      .execute();
    expect(runs).toEqual([{ status: 'running' }]);
  });

  it('reads HR files only inside the files directory', async () => {
    for (const file of ['/etc/passwd', '../outside.csv', 'hr/../../outside.csv']) {
      await expect(
        addSource(roster, 'test', { kind: 'hr-csv', name: `Bad ${file}`, config: { file } }),
      ).rejects.toMatchObject({
        code: 'invalid_input',
        details: [expect.objectContaining({ field: 'config.file' })],
      });
    }
  });

  it('refuses schedules that are not intervals of 15 minutes or more', async () => {
    await expect(
      addSource(roster, 'test', { kind: 'hr-csv', name: 'Bad', config: { file: 'x.csv' }, schedule: '5m' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      addSource(roster, 'test', {
        kind: 'hr-csv',
        name: 'Bad',
        config: { file: 'x.csv' },
        schedule: 'daily',
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
