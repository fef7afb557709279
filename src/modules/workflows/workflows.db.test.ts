import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { account, ago, syncRecords } from '../../../test/support/records.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import type { ActionDefinition } from '../../actions/action.js';
import type { SourceRecordInput } from '../../connectors/kit/records.js';
import { RosterError } from '../../lib/errors.js';
import { evaluateMatchesWorkflows, recordWorkflowEvent } from './evaluate-workflows.js';
import { internalActions } from './internal-actions.js';
import { retryRun, runQueuedWorkflowRuns } from './workflow-runner.js';
import { exportWorkflow, saveWorkflow, workflowVersions } from './workflows.service.js';

// An action written here, as the external actions will be: it records what it was asked and answers an
// output; it fails while `failNext` says so, the way a provider's 503 would.
const sent: { text: string; scope: unknown }[] = [];
/** Texts whose next run fails, the way a provider's 503 would. */
const failOnce = new Set<string>();
const noteSettings = z
  .object({ text: z.string().min(1), url: z.url().optional(), secret: z.string().optional() })
  .strict();
const note: ActionDefinition<typeof noteSettings> = {
  type: 'note',
  settings: noteSettings,
  preview: (settings) => ({ summary: `Note ${settings.text}`, requests: [] }),
  async run(settings, scope) {
    if (failOnce.delete(settings.text)) {
      return {
        status: 'failed',
        error: 'HTTP 503: try later',
        retryable: true,
        requests: [{ method: 'POST', url: 'notes.example/api', status: 503 }],
      };
    }
    sent.push({ text: `${settings.text}${settings.secret ? ` signed ${settings.secret}` : ''}`, scope });
    return { status: 'succeeded', output: { key: `NOTE-${sent.length}` }, requests: [] };
  },
};

describe.each(lanes)('workflows on %s', (lane) => {
  let roster: TestRoster;
  let sourceId = 0;
  const actor = 'member:admin@acme.example';
  const actions = () => [...internalActions(roster, 'workflow:test'), note];
  const save = (doc: unknown, mode: 'create' | 'update' = 'create') =>
    saveWorkflow(roster, actor, doc, mode, { actions: actions() });
  const run = () => runQueuedWorkflowRuns(roster, { actionsFor: () => actions() });
  const employee = (email: string, status: 'active' | 'terminated', extra = {}): SourceRecordInput => ({
    type: 'employee',
    email,
    status,
    ...extra,
  });
  const people: SourceRecordInput[] = [
    employee('ann@acme.example', 'active', {
      department: 'Sales',
      attributes: { cost_center: '400', location: 'Berlin' },
    }),
    employee('bob@acme.example', 'terminated', { department: 'Sales', attributes: { cost_center: '120' } }),
    employee('cat@acme.example', 'active', { department: 'Engineering', attributes: { cost_center: '900' } }),
    employee("o'neil@acme.example", 'active', { department: "R&D'; drop table users; --" }),
  ];
  const accounts: SourceRecordInput[] = [
    account('ann@acme.example', 'Slack', { lastUsedAt: ago(5) }),
    account('bob@acme.example', 'Slack', { lastUsedAt: ago(120) }),
    account('cat@acme.example', 'Slack', { lastUsedAt: ago(200), role: 'admin' }),
    account("o'neil@acme.example", 'Slack'),
    account('ann@acme.example', 'Figma', { status: 'suspended', lastUsedAt: ago(40) }),
  ];
  const sync = async (records: SourceRecordInput[]) => {
    const result = await syncRecords(roster, sourceId, records);
    expect(result.status, JSON.stringify(result)).toBe('succeeded');
  };
  const runsOf = async (name: string) =>
    (
      await sql<{
        id: number;
        status: string;
        entity: Record<string, { email?: string }>;
        steps: { id: string; status: string; output?: unknown; error?: string }[];
      }>`
        select r.id, r.status, r.entity, r.steps from workflow_runs r join workflows w on w.id = r.workflow_id
        where w.name = ${name} order by r.id`.execute(roster.database.db)
    ).rows;

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    sourceId = (
      await roster.database.db
        .insertInto('sources')
        .values({
          kind: 'scripted',
          name: 'HR and apps',
          config: JSON.stringify({ fields: ['cost_center'] }),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await sync([...people, ...accounts]);
  });
  afterAll(() => roster.close());

  const matchesWorkflow = (name: string, conditions: unknown, extra: Record<string, unknown> = {}) => ({
    name,
    enabled: true,
    trigger: { type: 'matches', entity: 'account' },
    conditions,
    actions: [{ id: 'n', type: 'note', text: name }],
    ...extra,
  });
  /** The emails of the accounts a condition matches now, through a workflow in every_match mode. */
  const emailsMatching = async (name: string, conditions: unknown) => {
    await save(matchesWorkflow(name, conditions, { mode: 'every_match' }));
    await evaluateMatchesWorkflows(roster, `check-${name}`);
    await sql`update workflows set enabled = false where name = ${name}`.execute(roster.database.db);
    const runs = await runsOf(name);
    return runs.map((r) => `${r.entity.account?.email}`).sort();
  };

  it('refuses a document with errors named by their path, and saves nothing', async () => {
    const error = await save({
      name: 'bad',
      trigger: { type: 'matches', entity: 'account' },
      conditions: { all: [{ field: 'person.nope', op: 'equals', value: 'x' }] },
      actions: [
        { type: 'note', text: 'hi' },
        { type: 'note', text: 'x', url: 'not a url' },
      ],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RosterError);
    expect((error as RosterError).details.map((d) => d.path)).toContain('actions[1].url');
    const conditionError = await save({
      name: 'bad',
      trigger: { type: 'matches', entity: 'app' },
      conditions: {
        any: [
          { all: [{ field: 'person.nope', op: 'equals', value: 'x' }] },
          { field: 'app.name', op: 'days_since', value: { gt: 3 } },
        ],
      },
      actions: [{ type: 'note', text: 'hi' }],
    }).catch((e: unknown) => e);
    expect((conditionError as RosterError).details).toEqual([
      { path: 'conditions.any[0].all[0].field', message: 'unknown field person.nope' },
      { path: 'conditions.any[1].op', message: 'days_since needs a date field; app.name is text' },
    ]);
    const rows = await roster.database.db
      .selectFrom('workflows')
      .select('id')
      .where('name', '=', 'bad')
      .execute();
    expect(rows).toEqual([]);
  });

  it('keeps every version, refuses an update from an old version, and never stores a secret in clear', async () => {
    const first = await save({
      ...matchesWorkflow('versioned', { all: [] }),
      enabled: false,
      actions: [{ id: 'n', type: 'note', text: 'one', secret: 's3cret' }],
    });
    expect(first.version).toBe(1);
    const second = await save(
      {
        ...(await exportWorkflow(roster, 'versioned')),
        actions: [{ id: 'n', type: 'note', text: 'two', secret: '(kept)' }],
      },
      'update',
    );
    expect(second.version).toBe(2);
    const versions = await workflowVersions(roster, 'versioned');
    expect(
      versions.map((v) => [v.version, (v.document as { actions: { text: string }[] }).actions[0]?.text]),
    ).toEqual([
      [2, 'two'],
      [1, 'one'],
    ]);
    const stale = await save({ ...(versions[1]?.document as object), version: 1 }, 'update').catch(
      (e: unknown) => e,
    );
    expect((stale as RosterError).code).toBe('conflict');
    const stored = await sql<{
      text: string;
    }>`select document::text || coalesce(credentials_encrypted, '') as text from workflows where name = 'versioned'`.execute(
      roster.database.db,
    );
    expect(stored.rows[0]?.text).not.toContain('s3cret');
    expect(JSON.stringify(await exportWorkflow(roster, 'versioned'))).toContain('(kept)');
  });

  it('compiles each operator and nested groups to SQL over accounts, people, apps and extra HR fields', async () => {
    expect(
      await emailsMatching('eq', { all: [{ field: 'app.name', op: 'equals', value: 'Figma' }] }),
    ).toEqual(['ann@acme.example']);
    expect(
      await emailsMatching('ne', { all: [{ field: 'account.status', op: 'not_equals', value: 'active' }] }),
    ).toEqual(['ann@acme.example']);
    expect(
      await emailsMatching('contains', {
        all: [
          { field: 'person.department', op: 'contains', value: 'ngin' },
          { field: 'app.name', op: 'equals', value: 'Slack' },
        ],
      }),
    ).toEqual(['cat@acme.example']);
    expect(
      await emailsMatching('in', {
        all: [{ field: 'person.email', op: 'in', value: ['bob@acme.example', 'cat@acme.example'] }],
      }),
    ).toEqual(['bob@acme.example', 'cat@acme.example']);
    expect(
      await emailsMatching('gt-extra', {
        all: [
          { field: 'person.fields.cost_center', op: 'gt', value: 300 },
          { field: 'app.name', op: 'equals', value: 'Slack' },
        ],
      }),
    ).toEqual(['ann@acme.example', 'cat@acme.example']);
    expect(
      await emailsMatching('lt-extra', {
        all: [{ field: 'person.fields.cost_center', op: 'lt', value: 300 }],
      }),
    ).toEqual(['bob@acme.example']);
    expect(
      await emailsMatching('empty', { all: [{ field: 'account.role', op: 'is_empty', value: false }] }),
    ).toEqual(['cat@acme.example']);
    expect(
      await emailsMatching('days', {
        all: [{ field: 'account.last_used_at', op: 'days_since', value: { gt: 90 } }],
      }),
    ).toEqual(['bob@acme.example', 'cat@acme.example']);
    expect(
      await emailsMatching('days-lt', {
        all: [{ field: 'account.last_used_at', op: 'days_since', value: { lt: 30 } }],
      }),
    ).toEqual(['ann@acme.example']);
    expect(
      await emailsMatching('past', { all: [{ field: 'person.status', op: 'equals', value: 'past' }] }),
    ).toEqual(['bob@acme.example']);
    expect(
      await emailsMatching('nested', {
        any: [
          {
            all: [
              { field: 'person.department', op: 'equals', value: 'Sales' },
              { field: 'app.name', op: 'equals', value: 'Figma' },
            ],
          },
          { field: 'account.role', op: 'equals', value: 'admin' },
        ],
      }),
    ).toEqual(['ann@acme.example', 'cat@acme.example']);
    // Text from a document is a parameter: a quote is data, not SQL.
    expect(
      await emailsMatching('quoted', {
        all: [{ field: 'person.department', op: 'equals', value: "R&D'; drop table users; --" }],
      }),
    ).toEqual(["o'neil@acme.example"]);
  });

  it('new_matches fires once per entity until it stops matching and matches again; every_match each time', async () => {
    const admins = { all: [{ field: 'account.role', op: 'equals', value: 'admin' }] };
    const withCatAs = (role: string) =>
      accounts.map((a) => ((a as { email: string }).email === 'cat@acme.example' ? { ...a, role } : a));
    await save(matchesWorkflow('once', admins));
    await save(matchesWorkflow('each', admins, { mode: 'every_match' }));
    await evaluateMatchesWorkflows(roster, 'sync:1');
    await evaluateMatchesWorkflows(roster, 'sync:1'); // the same occasion twice: nothing runs twice
    await evaluateMatchesWorkflows(roster, 'sync:2');
    expect((await runsOf('once')).map((r) => r.entity.account?.email)).toEqual(['cat@acme.example']);
    expect((await runsOf('each')).length).toBe(2);
    // Cat stops being an admin (stops matching), then is made admin again: fires once more.
    await sync([...people, ...withCatAs('member')]);
    await evaluateMatchesWorkflows(roster, 'sync:3');
    expect((await runsOf('once')).length).toBe(1);
    await sync([...people, ...withCatAs('admin')]);
    await evaluateMatchesWorkflows(roster, 'sync:4');
    await evaluateMatchesWorkflows(roster, 'sync:5');
    expect((await runsOf('once')).map((r) => r.entity.account?.email)).toEqual([
      'cat@acme.example',
      'cat@acme.example',
    ]);
    expect((await runsOf('each')).length).toBe(4);
  });

  it('runs actions in order, feeds outputs forward, keeps a failure and retries from the failed action', async () => {
    await save({
      name: 'chain',
      enabled: true,
      trigger: { type: 'offboarding.started' },
      conditions: { all: [{ field: 'person.email', op: 'equals', value: 'bob@acme.example' }] },
      actions: [
        { id: 'first', type: 'note', text: 'first' },
        { id: 'second', type: 'note', text: 'second' },
      ],
    });
    const bob = await roster.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'bob@acme.example')
      .executeTakeFirstOrThrow();
    const ann = await roster.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'ann@acme.example')
      .executeTakeFirstOrThrow();
    const event = (id: number, key: string) =>
      recordWorkflowEvent(roster.database.db, {
        type: 'offboarding.started',
        entity: 'person',
        entityKey: String(id),
        eventKey: key,
      });
    await run(); // runs queued by the tests before
    sent.length = 0;
    expect(await event(bob.id, 'offboarding:1:started')).toBe(1);
    expect(await event(bob.id, 'offboarding:1:started')).toBe(0); // the same event again
    expect(await event(ann.id, 'offboarding:2:started')).toBe(0); // conditions not met
    // The first action succeeds, the second fails like a provider's 503.
    failOnce.add('second');
    await run();
    let [chain] = await runsOf('chain');
    expect(chain?.status).toBe('failed');
    expect(chain?.steps.map((s) => [s.id, s.status, s.error ?? null])).toEqual([
      ['first', 'succeeded', null],
      ['second', 'failed', 'HTTP 503: try later'],
    ]);
    await retryRun(roster, actor, chain!.id);
    await run();
    [chain] = await runsOf('chain');
    expect(chain?.status).toBe('succeeded');
    // "first" ran once only; "second" saw first's output and the person as they were.
    expect(sent.map((s) => s.text)).toEqual(['first', 'second']);
    expect(sent[1]?.scope).toMatchObject({
      person: { email: 'bob@acme.example' },
      actions: { first: { key: 'NOTE-1' } },
    });
  });

  it('starts an offboarding through the internal action', async () => {
    await save({
      name: 'offboard leavers',
      enabled: true,
      trigger: { type: 'matches', entity: 'person' },
      conditions: { all: [{ field: 'person.status', op: 'equals', value: 'past' }] },
      actions: [{ type: 'offboarding.start' }],
    });
    await evaluateMatchesWorkflows(roster, 'sync:offboard');
    await run();
    const [r] = await runsOf('offboard leavers');
    expect(r?.status).toBe('succeeded');
    const offboarding = await roster.database.db
      .selectFrom('offboardings as o')
      .innerJoin('users as u', 'u.id', 'o.user_id')
      .select(['u.email', 'o.started_by'])
      .execute();
    expect(offboarding).toEqual([{ email: 'bob@acme.example', started_by: 'workflow:test' }]);
  });
});
