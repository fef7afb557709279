import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deprovisioningKind } from '../../../test/support/deprovisioning-kind.js';
import { eventually } from '../../../test/support/eventually.js';
import { account, syncRecords } from '../../../test/support/records.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { offboardingOf } from './offboarding-read.js';
import { runOffboardingTasks } from './offboarding-runner.js';
import { startOffboarding } from './offboarding-start.js';

/** The advisory lock that holds every statement updating `offboardings` until the test lets it go. */
const GATE = 7_341_001;

describe.each(lanes)('an offboarding whose last two tasks finish at once, on %s', (lane) => {
  const directory = deprovisioningKind('directory', ['Directory', 'Wiki']);
  const findKind = (kind: string) => (kind === 'directory' ? directory.kind : undefined);
  let roster: TestRoster;

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    const source = await roster.database.db
      .insertInto('sources')
      .values({ kind: 'directory', name: 'Directory', config: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const synced = await syncRecords(
      roster,
      source.id,
      [
        account('ann@acme.example', 'Directory', { externalId: 'u1' }),
        account('ann@acme.example', 'Wiki', { externalId: 'w1' }),
      ],
      findKind,
    );
    expect(synced.status).toBe('succeeded');
  });
  afterAll(() => roster?.close());

  it('completes by itself', async () => {
    const started = await startOffboarding(roster, 'test', { email: 'ann@acme.example' }, { findKind });
    if (started.dryRun) throw new Error('a start answered a dry run');
    const run = () => runOffboardingTasks(roster, started.id, { findKind, concurrency: 2 });
    if (roster.config.database.kind === 'pg') {
      // Two processes' worth of interleaving, made certain: each task's finishing transaction is held once it
      // has reached the offboarding, so both have marked their own task done before either commits.
      const gate = new pg.Client({ connectionString: roster.config.database.url });
      await gate.connect();
      try {
        await sql`create function hold_offboarding_update() returns trigger language plpgsql as $$
                  begin perform pg_advisory_xact_lock_shared(${sql.lit(GATE)}); return null; end $$`.execute(
          roster.database.db,
        );
        await sql`create trigger hold_offboarding_update after update on offboardings
                  for each statement execute function hold_offboarding_update()`.execute(roster.database.db);
        await gate.query('select pg_advisory_lock($1)', [GATE]);
        const running = run();
        await eventually(
          async () =>
            (
              await gate.query<{ n: number }>(
                `select count(*)::int as n from pg_stat_activity
                 where datname = current_database() and wait_event_type = 'Lock'`,
              )
            ).rows[0]!.n,
          (waiting) => waiting >= 2,
          { what: 'both finishing transactions waiting' },
        );
        await gate.query('select pg_advisory_unlock($1)', [GATE]);
        await running;
      } finally {
        await gate.end();
        await sql`drop trigger if exists hold_offboarding_update on offboardings`.execute(roster.database.db);
      }
    } else {
      // One embedded connection runs transactions one after the other: the same run, without the hold.
      await run();
    }
    const view = await offboardingOf(roster.database.db, 'ann@acme.example');
    expect(view.tasks.map((t) => [t.app, t.status])).toEqual([
      ['Directory', 'done'],
      ['Wiki', 'done'],
    ]);
    expect(view).toMatchObject({ status: 'completed', completedHow: 'automatic' });
  });
});
