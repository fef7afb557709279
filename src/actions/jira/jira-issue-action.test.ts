import { afterEach, describe, expect, it } from 'vitest';
import { loopbackFetchContext } from '../../../test/support/outbound.js';
import type { ProviderCall } from '../../connectors/kit/provider-http.js';
import { type RunningJira, startJiraSimulator } from '../../simulators/jira/jira-simulator.js';
import type { ActionContext } from '../action-context.js';
import { emailsJiraMayKnow, jiraIssueAction, jiraIssueSettingsSchema } from './jira-issue-action.js';

let running: RunningJira | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start() {
  running = await startJiraSimulator({ retryAfterSeconds: 0 });
  return running;
}

const scope = {
  person: { name: 'Maya <Chen>', email: 'maya@acme.io' },
  app: { name: 'Zoom', owner: 'jane@example.com' },
  account: { email: 'maya.chen@zoom-login.acme.io' },
};

function setup(jira: RunningJira, credentials: unknown = { email: jira.email, apiToken: jira.apiToken }) {
  const calls: ProviderCall[] = [];
  const context: ActionContext = {
    signal: AbortSignal.timeout(30_000),
    outbound: loopbackFetchContext().outbound,
    onCall: (call) => calls.push(call),
    ...(credentials === null ? {} : { credentials }),
  };
  const settings = jiraIssueSettingsSchema.parse({
    type: 'jira.issue',
    baseUrl: jira.url,
    projectKey: 'OPS',
    summary: 'Remove {{account.email}} from {{app.name}}',
    description: '{{person.name}} is leaving.\nRemove {{account.email}}.',
    reporterEmail: '{{app.owner}}',
    fields: { labels: ['roster'] },
    http: { baseDelayMs: 1, maxDelayMs: 20, timeoutMs: 5_000 },
  });
  return { calls, context, settings };
}

describe('jira.issue action against the simulated Jira', () => {
  it('creates the issue from its templates and gives its key and url to the next actions', async () => {
    const jira = await start();
    const { context, settings, calls } = setup(jira);
    const outcome = await jiraIssueAction.run(settings, scope, context);

    expect(outcome).toEqual({
      status: 'succeeded',
      output: { key: 'OPS-1', id: '10000', url: `${jira.url}/browse/OPS-1` },
      requests: calls,
    });
    expect(jira.site.issue('OPS-1')?.fields).toMatchObject({
      summary: 'Remove maya.chen@zoom-login.acme.io from Zoom',
      labels: ['roster'],
      reporter: { id: '5b10ac8d82e05b22cc7d4ef5' },
      description: {
        type: 'doc',
        version: 1,
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Maya <Chen> is leaving.' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'Remove maya.chen@zoom-login.acme.io.' }] },
        ],
      },
    });
    expect(calls.map((c) => `${c.method} ${c.url.replace(jira.url, '')} ${c.status}`)).toEqual([
      'GET /rest/api/3/user/search 200',
      'POST /rest/api/3/issue 201',
    ]);
  });

  it('assigns a merged person by the email Jira knows: the given one, else their other emails, primary first', async () => {
    const jira = await start();
    const { context, settings, calls } = setup(jira);
    // Jira knows this person only by an alias (jan@example.com); the run's person is known by their primary.
    const merged = {
      ...scope,
      person: { ...scope.person, email: 'jan.berg@acme.io', emails: ['jan.berg@acme.io', 'jan@example.com'] },
    };
    const outcome = await jiraIssueAction.run(
      { ...settings, assigneeEmail: '{{person.email}}' },
      merged,
      context,
    );
    expect(outcome.status).toBe('succeeded');
    expect(jira.site.issue('OPS-1')?.fields).toMatchObject({ assignee: { id: '5b10ac8d82e05b22cc7d4ef6' } });
    expect(calls.map((c) => `${c.method} ${c.url.replace(jira.url, '')} ${c.status}`)).toEqual([
      'GET /rest/api/3/user/search 200',
      'GET /rest/api/3/user/search 200',
      'GET /rest/api/3/user/search 200',
      'POST /rest/api/3/issue 201',
    ]);
    // An address that is not the person's is looked up as given, alone.
    expect(emailsJiraMayKnow('someone@else.io', merged)).toEqual(['someone@else.io']);
    expect(emailsJiraMayKnow('JAN@example.com', merged)).toEqual(['JAN@example.com', 'jan.berg@acme.io']);
  });

  it('fails with Jira’s own words, retryable only for passing trouble', async () => {
    const jira = await start();
    const refused = await jiraIssueAction.run(
      setup(jira).settings,
      scope,
      setup(jira, { email: jira.email, apiToken: 'wrong' }).context,
    );
    expect(refused).toMatchObject({ status: 'failed', retryable: false });
    expect(refused.status === 'failed' && refused.error).toContain('HTTP 401');

    const missing = await jiraIssueAction.run(setup(jira).settings, scope, setup(jira, null).context);
    expect(missing).toMatchObject({ status: 'failed', retryable: false, requests: [] });
  });

  it('previews the requests without making them', async () => {
    const jira = await start();
    const preview = jiraIssueAction.preview(setup(jira).settings, scope);
    expect(preview).toEqual({
      summary: 'Jira: create a Task in OPS: Remove maya.chen@zoom-login.acme.io from Zoom',
      requests: [
        { method: 'GET', url: `${jira.url}/rest/api/3/user/search`, status: null },
        { method: 'POST', url: `${jira.url}/rest/api/3/issue`, status: null },
      ],
    });
    expect(jira.requests).toBe(0);
  });

  it('refuses settings naming the field, and never takes credentials in the document', () => {
    const base = {
      type: 'jira.issue',
      baseUrl: 'https://acme.atlassian.net',
      projectKey: 'OPS',
      summary: 'S',
    };
    for (const [change, field] of [
      [{ summary: '{{#a}}x{{/a}}' }, 'summary'],
      [{ projectKey: 'ops' }, 'projectKey'],
      [{ apiToken: 'secret' }, undefined],
    ] as [Record<string, unknown>, string | undefined][]) {
      const parsed = jiraIssueSettingsSchema.safeParse({ ...base, ...change });
      expect(parsed.success, JSON.stringify(change)).toBe(false);
      expect(parsed.error?.issues[0]?.path[0]).toBe(field);
    }
    expect(jiraIssueSettingsSchema.safeParse(base).success).toBe(true);
  });
});
