import { afterEach, describe, expect, it } from 'vitest';
import { loopbackFetchContext } from '../../../test/support/outbound.js';
import { ConnectorError } from '../../connectors/kit/connector-error.js';
import type { ProviderCall } from '../../connectors/kit/provider-http.js';
import { type RunningJira, startJiraSimulator } from '../../simulators/jira/jira-simulator.js';
import type { FaultOptions } from '../../simulators/kit/faults.js';
import { createJiraIssue, readJiraIssueStatus } from './jira-issues.js';
import { jiraConfigSchema, jiraCredentialsSchema } from './jira-settings.js';

let running: RunningJira | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(faults: FaultOptions = {}) {
  running = await startJiraSimulator({ faults, retryAfterSeconds: 0 });
  return running;
}

function setup(jira: RunningJira, config: Record<string, unknown> = {}, apiToken = jira.apiToken) {
  const calls: ProviderCall[] = [];
  return {
    calls,
    context: {
      signal: AbortSignal.timeout(30_000),
      outbound: loopbackFetchContext().outbound,
      onCall: (call: ProviderCall) => calls.push(call),
    },
    config: jiraConfigSchema.parse({
      baseUrl: jira.url,
      projectKey: 'OPS',
      http: { baseDelayMs: 1, maxDelayMs: 20, timeoutMs: 5_000 },
      ...config,
    }),
    credentials: jiraCredentialsSchema.parse({ email: jira.email, apiToken }),
  };
}

/** Moves an issue the way a person would: list its transitions and take the one into `statusName`. */
async function transition(jira: RunningJira, key: string, statusName: string) {
  const headers = {
    authorization: `Basic ${Buffer.from(`${jira.email}:${jira.apiToken}`).toString('base64')}`,
    'content-type': 'application/json',
  };
  const listed = await fetch(`${jira.url}/rest/api/3/issue/${key}/transitions`, { headers });
  const { transitions } = (await listed.json()) as { transitions: { id: string; to: { name: string } }[] };
  const id = transitions.find((t) => t.to.name === statusName)?.id;
  const done = await fetch(`${jira.url}/rest/api/3/issue/${key}/transitions`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ transition: { id } }),
  });
  expect(done.status).toBe(204);
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe('Jira Cloud ticket action against the simulated Jira', () => {
  it('creates a ticket, reads its status, and sees it done once moved to Done', async () => {
    const jira = await start();
    const { context, config, credentials, calls } = setup(jira, {
      fields: { labels: ['offboarding'] },
      summaryTemplate: 'Offboard {{name}}',
    });

    const created = await createJiraIssue(context, config, credentials, {
      summary: 'unused, the template wins',
      description: 'Revoke access in:\nSlack, Zoom\n\n<b>not markup</b>',
      values: { name: 'Maya Chen' },
      reporterEmail: 'JANE@example.com',
    });

    expect(created).toMatchObject({ key: 'OPS-1', id: '10000', unresolvedEmails: [] });
    expect(created.self).toBe(`${jira.url}/rest/api/3/issue/10000`);
    const stored = jira.site.issue('OPS-1')?.fields;
    expect(stored).toMatchObject({
      summary: 'Offboard Maya Chen',
      labels: ['offboarding'],
      issuetype: { name: 'Task' },
      reporter: { id: '5b10ac8d82e05b22cc7d4ef5' },
    });
    expect(stored?.description).toEqual({
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Revoke access in:' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Slack, Zoom' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '<b>not markup</b>' }] },
      ],
    });
    // Every request is recorded, without its query string.
    expect(calls.map((c) => `${c.method} ${c.url.replace(jira.url, '')} ${c.status}`)).toEqual([
      'GET /rest/api/3/user/search 200',
      'POST /rest/api/3/issue 201',
    ]);

    expect(await readJiraIssueStatus(context, config, credentials, created.key)).toEqual({
      status: 'To Do',
      statusCategory: 'new',
      done: false,
    });
    await transition(jira, created.key, 'In Progress');
    expect(await readJiraIssueStatus(context, config, credentials, created.key)).toMatchObject({
      statusCategory: 'indeterminate',
      done: false,
    });
    await transition(jira, created.key, 'Done');
    expect(await readJiraIssueStatus(context, config, credentials, created.key)).toEqual({
      status: 'Done',
      statusCategory: 'done',
      done: true,
    });
  });

  it('counts only the configured done statuses as done, not every status in the done category', async () => {
    const jira = await start();
    const { context, config, credentials } = setup(jira);
    const { key } = await createJiraIssue(context, config, credentials, { summary: 'S', description: 'D' });
    await transition(jira, key, 'Won’t Do');
    expect(await readJiraIssueStatus(context, config, credentials, key)).toEqual({
      status: 'Won’t Do',
      statusCategory: 'done',
      done: false,
    });
    const lenient = setup(jira, { doneStatuses: ['done', 'won’t do'] });
    expect((await readJiraIssueStatus(lenient.context, lenient.config, lenient.credentials, key)).done).toBe(
      true,
    );
  });

  it('leaves the reporter unset when Jira hides or does not have that email', async () => {
    const jira = await start();
    const { context, config, credentials } = setup(jira);
    const created = await createJiraIssue(context, config, credentials, {
      summary: 'S',
      description: 'D',
      reporterEmail: 'private@example.com',
      assigneeEmail: 'ja@example.com',
    });
    expect(created.unresolvedEmails).toEqual(['private@example.com', 'ja@example.com']);
    expect(jira.site.issue(created.key)?.fields.reporter).toBeUndefined();
    expect(jira.site.issue(created.key)?.fields.assignee).toBeUndefined();
  });

  it('fails with Jira’s 400 naming the field, creating nothing', async () => {
    const jira = await start();
    const sec = setup(jira, { projectKey: 'SEC' });
    const missing = await failure(
      createJiraIssue(sec.context, sec.config, sec.credentials, { summary: 'S', description: 'D' }),
    );
    expect(missing.code).toBe('fatal');
    expect(missing.message).toContain('HTTP 400');
    expect(missing.message).toContain('duedate: duedate is required.');
    expect(sec.calls.map((c) => c.status)).toEqual([400]);
    expect(sec.calls[0]?.detail).toContain('duedate');

    const bug = setup(jira, { issueType: 'Epic' });
    const wrongType = await failure(
      createJiraIssue(bug.context, bug.config, bug.credentials, { summary: 'S', description: 'D' }),
    );
    expect(wrongType.message).toContain('issuetype: Specify a valid issue type');
    expect(jira.site.issues.size).toBe(0);
  });

  it('retries a throttled request (429 with Retry-After) and creates one ticket', async () => {
    const jira = await start({ throttleEvery: 1 });
    const { context, config, credentials, calls } = setup(jira);
    const created = await createJiraIssue(context, config, credentials, { summary: 'S', description: 'D' });
    expect(created.key).toBe('OPS-1');
    expect(calls.map((c) => c.status)).toEqual([429, 201]);
    expect(jira.site.issues.size).toBe(1);
  });

  it('fails as an authentication problem when Jira refuses the API token, never repeating it', async () => {
    const jira = await start();
    const wrong = 'not-the-token';
    const { context, config, credentials, calls } = setup(jira, {}, wrong);
    const error = await failure(
      createJiraIssue(context, config, credentials, { summary: 'S', description: 'D' }),
    );
    expect(error.code).toBe('auth');
    expect(error.message).toContain('Client must be authenticated to access this resource.');
    expect(error.message).not.toContain(wrong);
    expect(calls.map((c) => c.status)).toEqual([401]);
    const status = await failure(readJiraIssueStatus(context, config, credentials, 'OPS-1'));
    expect(status.code).toBe('auth');
  });

  it('reports a missing ticket as not found and refuses a malformed key before any request', async () => {
    const jira = await start();
    const { context, config, credentials, calls } = setup(jira);
    const gone = await failure(readJiraIssueStatus(context, config, credentials, 'OPS-99'));
    expect(gone.code).toBe('not_found');
    expect(gone.message).toContain('Issue does not exist');
    const bad = await failure(readJiraIssueStatus(context, config, credentials, '../admin'));
    expect(bad.message).toMatch(/^key: /);
    expect(calls).toHaveLength(1);
  });
});

describe('Jira ticket settings', () => {
  const valid = { baseUrl: 'https://acme.atlassian.net/', projectKey: 'OPS' };

  it('fills the defaults and strips the trailing slash', () => {
    expect(jiraConfigSchema.parse(valid)).toMatchObject({
      baseUrl: 'https://acme.atlassian.net',
      issueType: 'Task',
      doneStatuses: ['Done'],
    });
  });

  it.each([
    [{ baseUrl: 'http://acme.atlassian.net' }, 'baseUrl'],
    [{ projectKey: 'ops-1' }, 'projectKey'],
    [{ doneStatuses: [] }, 'doneStatuses'],
    [{ fields: { summary: 'x' } }, 'fields'],
    [{ summaryTemplate: 'Offboard {{ na me }}' }, 'summaryTemplate'],
  ])('refuses %j naming %s', (change, field) => {
    const result = jiraConfigSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([field]);
  });

  it('names the template and the placeholder the caller did not fill', async () => {
    const jira = await start();
    const { context, config, credentials, calls } = setup(jira, { descriptionTemplate: 'Apps: {{apps}}' });
    const error = await failure(
      createJiraIssue(context, config, credentials, {
        summary: 'S',
        description: 'D',
        values: { name: 'x' },
      }),
    );
    expect(error.message).toBe('descriptionTemplate: unknown placeholder {{apps}}; known: name');
    expect(calls).toEqual([]);
  });

  it('requires an email and an API token', () => {
    const result = jiraCredentialsSchema.safeParse({ email: 'not-an-email', apiToken: ' ' });
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['apiToken', 'email']);
  });
});
