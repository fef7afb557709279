import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailbox } from '../../../test/support/mailbox.js';
import { account, syncRecords } from '../../../test/support/records.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { webhookReceiver } from '../../../test/support/webhook-receiver.js';
import { signDelivery } from '../../actions/webhook/webhook-signature.js';
import { RosterError } from '../../lib/errors.js';
import { SecretBox, sealedContexts } from '../../lib/secret-box.js';
import { startSlackSimulator } from '../../simulators/slack/slack-simulator.js';
import { rotateKey } from '../secrets/rotate-key.js';
import { setActionCredentials } from './action-credentials.js';
import { evaluateMatchesWorkflows } from './evaluate-workflows.js';
import { workflowActions } from './workflow-actions.js';
import { workflowJsonSchema } from './workflow-json-schema.js';
import { previewWorkflow } from './workflow-preview.js';
import { runQueuedWorkflowRuns } from './workflow-runner.js';
import { saveWorkflow, setWorkflowEnabled } from './workflows.service.js';

describe.each(lanes)('workflows with the external actions on %s', (lane) => {
  let roster: TestRoster;
  let mail: Awaited<ReturnType<typeof mailbox>>;
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
    mail = await mailbox();
    roster = await openTestRoster(lane, {
      ROSTER_SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
      ROSTER_SECRET_KEY: 'a-key-of-more-than-thirty-two-characters-AAAA',
    });
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
      { type: 'employee', email: 'carl@acme.example', status: 'active' },
      account('carl@acme.example', 'Figma'),
      account('carl.old@acme.example', 'Slack'),
    ]);
    expect(result.status).toBe('succeeded');
    // Merge Users: carl.old@ is another email of Carl, whose primary email is carl@.
    const users = await roster.database.db.selectFrom('users').select(['id', 'email']).execute();
    const userId = (email: string) => users.find((u) => u.email === email)?.id ?? 0;
    await roster.database.db
      .insertInto('person_links')
      .values({
        user_id: userId('carl.old@acme.example'),
        primary_user_id: userId('carl@acme.example'),
        source_id: id,
        field: 'otherMails',
        raw_value: 'carl.old@acme.example',
      })
      .execute();
  });
  afterAll(async () => {
    await roster.close();
    await mail.close();
  });

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
    // Kept off: this one only shows that such a document validates.
    await setWorkflowEnabled(roster, actor, 'every external action', false);
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
      // The preview reads the saved document, its secret "(kept)", as the run does.
      const preview = await previewWorkflow(roster, 'hook leavers', workflowActions(roster));
      expect(preview.items[0]?.actions[0]?.summary).not.toContain('cannot run');
      expect(preview.items[0]?.actions[0]?.requests[0]?.url).toBe(`${receiver.url}/in`);
    } finally {
      await receiver.close();
    }
  });

  it('fails a Slack message whose credentials are not set, naming the command that sets them', async () => {
    await save(leavers('dm without token', [{ id: 'dm', type: 'slack.message', text: 'Bye' }]));
    await evaluateMatchesWorkflows(roster, 'sync:dm-missing');
    await run();
    const [r] = await runsOf('dm without token');
    expect(r?.status).toBe('failed');
    expect(r?.steps[0]).toMatchObject({
      id: 'dm',
      status: 'failed',
      retryable: false,
      error:
        'Roster has no credentials for slack.message: set them with roster workflows credentials set slack.message --file creds.json',
    });
  });

  it('posts a Slack message with stored credentials, its output used by the next action', async () => {
    const slack = await startSlackSimulator({
      members: [{ id: 'U0BOB', email: 'bob@acme.example', name: 'Bob' }],
      channels: [{ id: 'C0IT', name: 'it-ops', appIsMember: true }],
    });
    try {
      await setActionCredentials(
        roster,
        actor,
        'slack.message',
        { botToken: slack.botToken },
        workflowActions(roster),
      );
      await save(
        leavers('dm then channel', [
          { id: 'dm', type: 'slack.message', text: 'Bye {{person.email}}', apiUrl: slack.apiUrl },
          {
            id: 'log',
            type: 'slack.message',
            channel: '#it-ops',
            text: 'Told {{actions.dm.user}} at {{actions.dm.ts}}',
            apiUrl: slack.apiUrl,
          },
        ]),
      );
      await evaluateMatchesWorkflows(roster, 'sync:dm');
      await run();
      const [r] = await runsOf('dm then channel');
      expect(r?.status, JSON.stringify(r?.steps)).toBe('succeeded');
      const [dm, log] = slack.workspace.messages;
      expect(dm).toMatchObject({ user: 'U0BOB', text: 'Bye bob@acme.example' });
      expect(log).toMatchObject({ channel: 'C0IT', text: `Told U0BOB at ${dm?.ts}` });
    } finally {
      await slack.close();
    }
  });

  it("hands contact actions the person's primary email first, then their other emails", async () => {
    const slack = await startSlackSimulator({
      members: [{ id: 'U0CARL', email: 'carl.old@acme.example', name: 'Carl' }],
    });
    try {
      await setActionCredentials(
        roster,
        actor,
        'slack.message',
        { botToken: slack.botToken },
        workflowActions(roster),
      );
      await save({
        name: 'dm carl',
        enabled: true,
        trigger: { type: 'matches', entity: 'person' },
        conditions: { all: [{ field: 'person.email', op: 'equals', value: 'carl@acme.example' }] },
        actions: [{ id: 'dm', type: 'slack.message', text: 'Hello', apiUrl: slack.apiUrl }],
      });
      await evaluateMatchesWorkflows(roster, 'sync:carl');
      await run();
      const [r] = await sql<{ status: string; entity: { person: { emails: string[] } } }>`
        select r.status, r.entity from workflow_runs r join workflows w on w.id = r.workflow_id
        where w.name = 'dm carl'`
        .execute(roster.database.db)
        .then((q) => q.rows);
      expect(r?.entity.person.emails).toEqual(['carl@acme.example', 'carl.old@acme.example']);
      expect(r?.status).toBe('succeeded');
      expect(slack.workspace.messages).toMatchObject([{ user: 'U0CARL', text: 'Hello' }]);
    } finally {
      await slack.close();
    }
  });

  it("sends an email through Roster's SMTP server, the person's values escaped in its HTML", async () => {
    await save(
      leavers('mail leavers', [
        {
          id: 'mail',
          type: 'email',
          subject: 'Your access ends',
          body: 'Bye {{person.email}} <b>',
        },
      ]),
    );
    await evaluateMatchesWorkflows(roster, 'sync:mail');
    await run();
    const [r] = await runsOf('mail leavers');
    expect(r?.status, JSON.stringify(r?.steps)).toBe('succeeded');
    expect(mail.received).toHaveLength(1);
    expect(mail.received[0]).toMatchObject({ to: 'bob@acme.example', subject: 'Your access ends' });
    expect(mail.received[0]?.text.trim()).toBe('Bye bob@acme.example <b>');
    expect(mail.received[0]?.html).not.toContain('<b>');
  });

  it('refuses templates naming an unknown field or a later action, with the path of each', async () => {
    const refused = await save(
      leavers('bad fields', [
        { id: 'first', type: 'slack.message', text: 'Bye {{person.email}} {{actions.later.ts}}' },
        { id: 'second', type: 'slack.message', text: '{{person.shoe_size}} {{actions.first.ts}}' },
        { id: 'later', type: 'email', subject: '{{app.name}}', body: 'Hi' },
      ]),
    ).catch((error: RosterError) => error);
    expect(refused).toBeInstanceOf(RosterError);
    expect((refused as RosterError).details.map((d) => [d.path, d.message])).toEqual([
      ['actions[0].text', expect.stringContaining('{{actions.later.ts}}')],
      ['actions[1].text', expect.stringContaining('{{person.shoe_size}}')],
      ['actions[2].subject', expect.stringContaining('{{app.name}}')],
    ]);
    expect(
      await roster.database.db
        .selectFrom('workflows')
        .select('id')
        .where('name', '=', 'bad fields')
        .execute(),
    ).toEqual([]);
  });

  it('re-seals stored action credentials when the key rotates', async () => {
    const next = SecretBox.fromPassphrase('b-key-of-more-than-thirty-two-characters-BBBB');
    await rotateKey(roster, 'test', next);
    const row = await roster.database.db
      .selectFrom('action_credentials')
      .select('credentials_encrypted')
      .where('action_type', '=', 'slack.message')
      .executeTakeFirstOrThrow();
    const opened = JSON.parse(
      next.open(row.credentials_encrypted, sealedContexts.actionCredentials('slack.message')),
    );
    expect(opened.botToken).toMatch(/^xoxb-/);
  });
});
