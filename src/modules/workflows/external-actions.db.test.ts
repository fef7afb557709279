import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, syncRecords } from '../../../test/support/records.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { webhookReceiver } from '../../../test/support/webhook-receiver.js';
import { signDelivery } from '../../actions/webhook/webhook-signature.js';
import { evaluateMatchesWorkflows } from './evaluate-workflows.js';
import { workflowActions } from './workflow-actions.js';
import { workflowJsonSchema } from './workflow-json-schema.js';
import { runQueuedWorkflowRuns } from './workflow-runner.js';
import { saveWorkflow } from './workflows.service.js';

describe.each(lanes)('workflows with the external actions on %s', (lane) => {
  let roster: TestRoster;
  const actor = 'member:admin@acme.example';
  const save = (doc: unknown) =>
    saveWorkflow(roster, actor, doc, 'create', { actions: workflowActions(roster, 'workflow:test') });
  const run = () => runQueuedWorkflowRuns(roster, { actionsFor: (a) => workflowActions(roster, a) });
  const runsOf = async (name: string) =>
    (
      await sql<{
        status: string;
        steps: { id: string; status: string; output?: unknown; error?: string }[];
      }>`
        select r.status, r.steps from workflow_runs r join workflows w on w.id = r.workflow_id
        where w.name = ${name} order by r.id`.execute(roster.database.db)
    ).rows;
  const leavers = (name: string, actions: unknown[]) => ({
    name,
    enabled: true,
    trigger: { type: 'matches', entity: 'person' },
    conditions: { all: [{ field: 'person.status', op: 'equals', value: 'past' }] },
    actions,
  });

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    const { id } = await roster.database.db
      .insertInto('sources')
      .values({ kind: 'scripted', name: 'HR', config: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const result = await syncRecords(roster, id, [
      { type: 'employee', email: 'bob@acme.example', status: 'terminated' },
      { type: 'employee', email: 'ann@acme.example', status: 'active' },
      account('bob@acme.example', 'Slack'),
      account('ann@acme.example', 'Slack'),
    ]);
    expect(result.status).toBe('succeeded');
  });
  afterAll(() => roster.close());

  it('publishes and accepts every external action in a workflow document', async () => {
    const schema = JSON.stringify(workflowJsonSchema(workflowActions(roster)));
    for (const type of ['email', 'slack.message', 'jira.issue', 'webhook'])
      expect(schema).toContain(`"const":"${type}"`);
    const saved = await save(
      leavers('every external action', [
        { id: 'mail', type: 'email', to: '{{person.email}}', subject: 'Bye', body: 'Bye {{person.email}}' },
        { id: 'dm', type: 'slack.message', text: 'Bye {{person.email}}' },
        {
          id: 'hook',
          type: 'webhook',
          url: 'https://hooks.acme.example/roster',
          secret: 'a-secret-of-16-chars+',
        },
      ]),
    );
    expect(saved.document.actions.map((a) => a.type)).toEqual(['email', 'slack.message', 'webhook']);
  });

  it('delivers a webhook with a valid Roster-Signature from a run', async () => {
    const receiver = await webhookReceiver();
    try {
      const secret = 'whsec-0123456789abcdef';
      await save(
        leavers('hook leavers', [{ id: 'hook', type: 'webhook', url: `${receiver.url}/in`, secret }]),
      );
      await evaluateMatchesWorkflows(roster, 'sync:hook');
      await run();
      const [r] = await runsOf('hook leavers');
      expect(r?.status, JSON.stringify(r?.steps)).toBe('succeeded');
      expect(receiver.received).toHaveLength(1);
      const delivery = receiver.received[0]!;
      const header = String(delivery.headers['roster-signature']);
      const t = Number(/^t=(\d+),/.exec(header)?.[1]);
      expect(header).toBe(signDelivery(secret, t, delivery.rawBody.toString('utf8')));
      expect(JSON.parse(delivery.rawBody.toString('utf8')).data.person.email).toBe('bob@acme.example');
    } finally {
      await receiver.close();
    }
  });
});
