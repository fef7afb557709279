import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
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
