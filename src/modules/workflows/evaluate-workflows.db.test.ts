import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { evaluateMatchesWorkflows } from './evaluate-workflows.js';
import { workflowActions } from './workflow-actions.js';
import { saveWorkflow } from './workflows.service.js';

describe.each(lanes)('Evaluating a matches workflow on %s', (lane) => {
  let roster: TestRoster;

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    const { db } = roster.database;
    const app = await db
      .insertInto('apps')
      .values({ name: 'Slack' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const instance = await db
      .insertInto('app_instances')
      .values({ app_id: app.id, source_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const email of ['ann@acme.io', 'bob@acme.io']) {
      const user = await db
        .insertInto('users')
        .values({ email, domain: 'acme.io' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('accounts')
        .values({
          app_id: app.id,
          instance_id: instance.id,
          user_id: user.id,
          status: 'active',
          first_seen_at: new Date(),
        })
        .execute();
    }
    await saveWorkflow(
      roster,
      'member:admin@acme.io',
      {
        name: 'active accounts',
        enabled: true,
        trigger: { type: 'matches', entity: 'account' },
        conditions: { all: [{ field: 'account.status', op: 'equals', value: 'active' }] },
        actions: [{ type: 'offboarding.start' }],
      },
      'create',
      { actions: workflowActions(roster) },
    );
  });
  afterAll(() => roster.close());

  it('records new matches only with their runs: when the runs cannot be written, the matches fire again next time', async () => {
    const { db } = roster.database;
    // The runs' write fails, as a full disk or a lost connection would fail it.
    await sql`create function refuse_runs() returns trigger language plpgsql as $$
              begin raise exception 'no runs today'; end $$`.execute(db);
    await sql`create trigger refuse_runs before insert on workflow_runs
              for each row execute function refuse_runs()`.execute(db);
    await expect(evaluateMatchesWorkflows(roster, 'sync:1')).rejects.toThrow('no runs today');
    expect(await db.selectFrom('workflow_matches').select('entity_key').execute()).toEqual([]);

    await sql`drop trigger refuse_runs on workflow_runs`.execute(db);
    expect(await evaluateMatchesWorkflows(roster, 'sync:2')).toBe(2);
    const runs = await db.selectFrom('workflow_runs').select('entity').execute();
    expect(runs.map((r) => (r.entity as { person: { email: string } }).person.email).sort()).toEqual([
      'ann@acme.io',
      'bob@acme.io',
    ]);
    expect(await evaluateMatchesWorkflows(roster, 'sync:3')).toBe(0);
  });
});
