import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { account, syncRecords } from '../../../test/support/records.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import type { ActionDefinition } from '../../actions/action.js';
import type { SourceRecordInput } from '../../connectors/kit/records.js';
import { startOffboarding } from '../offboarding/offboarding-start.js';
import { watchTransitions } from './watch-transitions.js';
import { workflowsBeforePoll } from './workflow-jobs.js';
import { saveWorkflow } from './workflows.service.js';

const noteSettings = z.object({ text: z.string() }).strict();
const note: ActionDefinition<typeof noteSettings> = {
  type: 'note',
  settings: noteSettings,
  preview: (s) => ({ summary: s.text, requests: [] }),
  run: async () => ({ status: 'succeeded', output: {}, requests: [] }),
};

describe.each(lanes)('workflow triggers on %s', (lane) => {
  let roster: TestRoster;
  let sourceId = 0;
  const save = (doc: Record<string, unknown>) =>
    saveWorkflow(
      roster,
      'member:admin@acme.example',
      { enabled: true, actions: [{ type: 'note', text: 'x' }], ...doc },
      'create',
      {
        actions: [note],
      },
    );
  const sync = async (records: SourceRecordInput[]) => {
    const result = await syncRecords(roster, sourceId, records);
    expect(result.status).toBe('succeeded');
  };
  const runsOf = async (name: string) =>
    (
      await sql<{ entity: Record<string, Record<string, unknown>>; trigger: Record<string, unknown> }>`
        select r.entity, r.trigger from workflow_runs r join workflows w on w.id = r.workflow_id
        where w.name = ${name} order by r.id`.execute(roster.database.db)
    ).rows;
  const staff = (annStatus: 'active' | 'terminated'): SourceRecordInput[] => [
    { type: 'employee', email: 'ann@acme.example', status: annStatus },
    { type: 'employee', email: 'bob@acme.example', status: 'terminated' },
    account('ann@acme.example', 'Slack'),
    account('bob@acme.example', 'Slack'),
  ];

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    sourceId = (
      await roster.database.db
        .insertInto('sources')
        .values({ kind: 'scripted', name: 'HR', config: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await sync(staff('active'));
  });
  afterAll(() => roster.close());

  it('fires person.became_past and app.discovered once per transition, not for what was so before', async () => {
    await save({ name: 'leavers', trigger: { type: 'person.became_past' } });
    await save({ name: 'new apps', trigger: { type: 'app.discovered' } });
    expect(await watchTransitions(roster)).toBe(0); // the first look records Bob (already past) and Slack
    await sync([...staff('terminated'), account('ann@acme.example', 'Miro')]);
    expect(await watchTransitions(roster)).toBe(2);
    expect(await watchTransitions(roster)).toBe(0);
    expect((await runsOf('leavers')).map((r) => r.entity.person?.email)).toEqual(['ann@acme.example']);
    expect((await runsOf('new apps')).map((r) => r.entity.app?.name)).toEqual(['Miro']);
  });

  it('fires offboarding.started in the transaction that starts it', async () => {
    await save({ name: 'on start', trigger: { type: 'offboarding.started' } });
    await startOffboarding(roster, 'member:admin@acme.example', { email: 'bob@acme.example' });
    const runs = await runsOf('on start');
    expect(runs.map((r) => [r.entity.person?.email, r.trigger.type])).toEqual([
      ['bob@acme.example', 'offboarding.started'],
    ]);
  });

  it('fires a schedule once per firing, at its time in its time zone', async () => {
    await save({
      name: 'weekly',
      trigger: {
        type: 'schedule',
        schedule: { every: 'weekly', weekday: 'monday', at: '09:00', timeZone: 'Europe/Berlin' },
      },
    });
    await sql`update workflows set updated_at = '2026-11-29T12:00:00Z' where name = 'weekly'`.execute(
      roster.database.db,
    );
    // Monday 30 November 2026, 09:00 in Berlin is 08:00 UTC.
    await workflowsBeforePoll(roster, new Date('2026-11-30T07:59:00Z'));
    expect(await runsOf('weekly')).toEqual([]);
    await workflowsBeforePoll(roster, new Date('2026-11-30T08:00:30Z'));
    await workflowsBeforePoll(roster, new Date('2026-11-30T08:01:00Z'));
    expect((await runsOf('weekly')).map((r) => r.trigger)).toEqual([
      { type: 'schedule', firing: '2026-11-30T08:00:00.000Z' },
    ]);
  });
});
