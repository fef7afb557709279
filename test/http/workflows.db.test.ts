import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/http.js';
import { account, syncRecords } from '../support/records.js';
import { lanes } from '../support/test-roster.js';

describe.each(lanes)('workflows over the API on %s', (lane) => {
  const ctx = useTestServer(
    async ({ roster }) => {
      const source = await roster.database.db
        .insertInto('sources')
        .values({ kind: 'scripted', name: 'HR', config: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const result = await syncRecords(roster, source.id, [
        { type: 'employee', email: 'ann@acme.io', status: 'terminated' },
        { type: 'employee', email: 'bob@acme.io', status: 'active' },
        account('ann@acme.io', 'Slack'),
        account('bob@acme.io', 'Slack'),
      ]);
      expect(result.status).toBe('succeeded');
    },
    { lane },
  );
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    ctx.server.app.inject({
      method,
      url,
      headers: { ...ctx.server.as('admin'), 'x-roster-request': '1' },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const leavers = {
    name: 'Offboard leavers',
    trigger: { type: 'matches', entity: 'person' },
    conditions: { all: [{ field: 'person.status', op: 'equals', value: 'past' }] },
    actions: [{ id: 'start', type: 'offboarding.start' }],
  };

  it('publishes the JSON Schema of documents, with every trigger, operator and action', async () => {
    const response = await call('GET', '/api/workflows/schema');
    expect(response.statusCode).toBe(200);
    const text = response.body;
    for (const name of [
      'person.became_past',
      'account.active_after_offboarding',
      'days_since',
      'offboarding.start',
      'deprovision',
      'license.remove',
    ])
      expect(text).toContain(`"${name}"`);
    expect(response.json().type).toBe('object');
  });

  it('refuses a bad document with the path of each error, then creates, tests and enables a good one', async () => {
    const bad = await call('POST', '/api/workflows', {
      ...leavers,
      actions: [{ type: 'offboarding.start', force_reason: 42 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'actions[0].force_reason',
    ]);
    expect((await call('GET', '/api/workflows')).json().items).toEqual([]);

    const created = await call('POST', '/api/workflows', leavers);
    expect(created.statusCode).toBe(201);
    expect(created.json().version).toBe(1);
    const preview = await call('GET', `/api/workflows/${encodeURIComponent(leavers.name)}/test`);
    expect(preview.json()).toMatchObject({
      matching: 1,
      items: [
        {
          entity: { person: { email: 'ann@acme.io' } },
          actions: [{ id: 'start', summary: 'Start the offboarding of ann@acme.io' }],
        },
      ],
    });
    // Testing did nothing.
    expect(await ctx.roster.database.db.selectFrom('offboardings').select('id').execute()).toEqual([]);
    const enabled = await call('POST', `/api/workflows/${encodeURIComponent(leavers.name)}/enable`);
    expect(enabled.json()).toEqual({ name: leavers.name, enabled: true });
    const updated = await call('PUT', `/api/workflows/${encodeURIComponent(leavers.name)}`, {
      ...leavers,
      enabled: true,
      version: 1,
    });
    expect(updated.json().version).toBe(2);
    const list = (await call('GET', '/api/workflows')).json().items;
    expect(list).toMatchObject([
      { name: leavers.name, enabled: true, version: 2, trigger: 'matches', lastRun: null },
    ]);
  });

  it('sets action credentials sealed and audited, lists them as set, never answers the values', async () => {
    const token = 'xoxb-1234-secret-token';
    const bad = await call('PUT', '/api/workflow-credentials/slack.message', { botToken: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['botToken']);
    const set = await call('PUT', '/api/workflow-credentials/slack.message', { botToken: token });
    expect(set.statusCode).toBe(200);
    const list = await call('GET', '/api/workflow-credentials');
    expect(list.json().items.map((c: { type: string; set: boolean }) => [c.type, c.set])).toEqual([
      ['slack.message', true],
      ['jira.issue', false],
    ]);
    expect(set.body + list.body).not.toContain(token);
    const stored = await ctx.roster.database.db
      .selectFrom('action_credentials')
      .select('credentials_encrypted')
      .executeTakeFirstOrThrow();
    expect(stored.credentials_encrypted).not.toContain(token);
    const audit = await ctx.roster.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'workflow.credentials.set')
      .execute();
    expect(audit.map((a) => a.target_id)).toEqual(['slack.message']);
    expect(JSON.stringify(audit)).not.toContain(token);
    const none = await call('PUT', '/api/workflow-credentials/webhook', { secret: 'x' });
    expect(none.statusCode).toBe(400);
  });
});
