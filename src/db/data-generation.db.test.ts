import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../test/support/test-roster.js';
import { jobWorkerOptions } from '../jobs/start-worker.js';
import { readDataGeneration } from './data-generation.js';

/** Tables whose changes leave the generation alone (migrations/0028), written out: a new table is tracked. */
const untracked = [
  'api_tokens',
  'audit_log',
  'data_generation',
  'data_generation_marks',
  'extension_activity',
  'extension_batches',
  'extension_connect_links',
  'extension_reminders',
  'extension_tokens',
  'jobs',
  'key_check',
  'oidc_logins',
  'one_time_tokens',
  'rate_limits',
  'schema_migrations',
  'sessions',
  'staged_accounts',
  'staged_aliases',
  'staged_apps',
  'staged_employees',
  'staged_license_types',
  'staged_raw_records',
  'sync_runs',
  'workflow_matches',
  'workflow_runs',
  'workflow_watch',
  'workflow_watch_seeded',
];

describe.each(lanes)('the data generation on %s', (lane) => {
  let roster: TestRoster;
  beforeAll(async () => {
    roster = await openTestRoster(lane);
  });
  afterAll(() => roster?.close());
  const generation = () => readDataGeneration(roster.database.db).then(Number);

  it('is moved by changes to every table but the untracked ones, each with its four triggers', async () => {
    const { rows } = await sql<{ table: string; triggers: number }>`
      select c.relname as table, count(t.tgname)::int as triggers
      from pg_class c
      left join pg_trigger t on t.tgrelid = c.oid and t.tgname ~ '_generation_(insert|update|delete|truncate)$'
      where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
      group by c.relname order by c.relname`.execute(roster.database.db);
    expect(rows.filter((r) => r.triggers === 0).map((r) => r.table)).toEqual(untracked);
    expect(rows.filter((r) => r.triggers !== 0 && r.triggers !== 4)).toEqual([]);
  });

  it('moves once per committed transaction that changed rows, when it commits', async () => {
    const { db } = roster.database;
    const before = await generation();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('apps').values({ name: 'Figma' }).execute();
      await trx.updateTable('apps').set({ name: 'Figma Pro' }).where('name', '=', 'Figma').execute();
      // Not before the commit: a reader could otherwise keep the old data under the new generation.
      expect(Number(await readDataGeneration(trx))).toBe(before);
    });
    expect(await generation()).toBe(before + 1);
    await db.updateTable('apps').set({ name: 'Figma' }).where('name', '=', 'Figma Pro').execute();
    expect(await generation()).toBe(before + 2);
  });

  it('stays put for statements that changed nothing and for transactions rolled back', async () => {
    const { db } = roster.database;
    const before = await generation();
    await db.updateTable('apps').set({ name: 'Nothing' }).where('name', '=', 'No such app').execute();
    await db.deleteFrom('users').where('email', '=', 'nobody@acme.io').execute();
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('apps').values({ name: 'Rolled back' }).execute();
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await generation()).toBe(before);
  });

  it('stays put while an idle server’s job worker polls', async () => {
    const { beforePoll } = jobWorkerOptions(roster);
    await beforePoll?.();
    const before = await generation();
    await beforePoll?.();
    await beforePoll?.();
    expect(await generation()).toBe(before);
  });
});
