import { afterEach, describe, expect, it } from 'vitest';
import { loopbackFetchContext } from '../../../test/support/outbound.js';
import type { ProviderCall } from '../../connectors/kit/provider-http.js';
import type { FaultOptions } from '../../simulators/kit/faults.js';
import { type RunningSlack, startSlackSimulator } from '../../simulators/slack/slack-simulator.js';
import type { ActionContext } from '../action-context.js';
import type { ActionTiming } from '../action-timing.js';
import { createSlackMessageAction } from './slack-message-action.js';
import { slackMessageSettingsSchema } from './slack-settings.js';
import { slackWebApi } from './slack-web-api.js';

let running: RunningSlack | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(options: { faults?: FaultOptions; retryAfterSeconds?: number } = {}) {
  running = await startSlackSimulator(options);
  return running;
}

function fakeTiming() {
  const slept: number[] = [];
  let now = Date.parse('2026-11-30T12:00:00Z');
  const timing: ActionTiming = {
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
    random: () => 0.5,
  };
  return { timing, slept };
}

function context(slack: RunningSlack, botToken: string | null = slack.botToken) {
  const calls: ProviderCall[] = [];
  const ctx: ActionContext = {
    signal: AbortSignal.timeout(30_000),
    outbound: loopbackFetchContext().outbound,
    onCall: (call) => calls.push(call),
    ...(botToken === null ? {} : { credentials: { botToken } }),
  };
  return { ctx, calls };
}

const settings = (slack: RunningSlack, extra: Record<string, unknown> = {}) =>
  slackMessageSettingsSchema.parse({
    type: 'slack.message',
    text: 'Hi {{person.name}}, your access to {{app.name}} ends today ({{actions.ticket.key}})',
    apiUrl: slack.apiUrl,
    ...extra,
  });

const maya = {
  person: { name: 'Maya', email: 'maya@acme.io', emails: ['MAYA@acme.io', 'maya.chen@acme.io'] },
  app: { name: 'Zoom' },
  actions: { ticket: { key: 'OPS-7' } },
};

describe('Slack message action against the simulated Slack Web API', () => {
  it('finds the person by their primary email first, then their other emails, and sends a DM', async () => {
    const slack = await start();
    const { timing } = fakeTiming();
    const { ctx, calls } = context(slack);
    const outcome = await createSlackMessageAction(timing).run(settings(slack), maya, ctx);

    expect(outcome).toMatchObject({
      status: 'succeeded',
      output: { user: 'U0002MAYA', channel: 'D0002MAYA' },
    });
    // The primary (not in Slack) was asked first; MAYA@acme.io is the same address, asked once.
    expect(calls.map((c) => [c.url.replace(slack.apiUrl, ''), c.status, c.detail])).toEqual([
      ['/users.lookupByEmail', 200, 'users_not_found'],
      ['/users.lookupByEmail', 200, undefined],
      ['/chat.postMessage', 200, undefined],
    ]);
    expect(slack.workspace.messages).toEqual([
      expect.objectContaining({
        channel: 'D0002MAYA',
        user: 'U0002MAYA',
        text: 'Hi Maya, your access to Zoom ends today (OPS-7)',
      }),
    ]);
  });

  it('stops at the primary email when Slack knows it', async () => {
    const slack = await start();
    const { ctx, calls } = context(slack);
    const scope = { person: { email: 'ann@acme.io', emails: ['maya.chen@acme.io'] } };
    const outcome = await createSlackMessageAction(fakeTiming().timing).run(
      settings(slack, { text: 'Hello' }),
      scope,
      ctx,
    );
    expect(outcome).toMatchObject({ status: 'succeeded', output: { user: 'U0001ANN' } });
    expect(calls.filter((c) => c.url.endsWith('users.lookupByEmail'))).toHaveLength(1);
  });

  it('fails, not retryable, when no email of the person is a Slack member (deactivated ones included)', async () => {
    const slack = await start();
    const { ctx } = context(slack);
    const outcome = await createSlackMessageAction(fakeTiming().timing).run(
      settings(slack),
      { person: { email: 'nobody@acme.io', emails: ['gone@acme.io'] } },
      ctx,
    );
    expect(outcome).toMatchObject({
      status: 'failed',
      retryable: false,
      error: 'No Slack member has the email nobody@acme.io or gone@acme.io (users_not_found)',
    });
    expect(slack.workspace.messages).toEqual([]);
  });

  it('posts to a channel, with values escaped so a name cannot ping @channel', async () => {
    const slack = await start();
    const { ctx } = context(slack);
    const scope = { ...maya, person: { ...maya.person, name: '<!channel> & <https://evil.example|click>' } };
    const outcome = await createSlackMessageAction(fakeTiming().timing).run(
      settings(slack, { channel: '#it-ops' }),
      scope,
      ctx,
    );
    expect(outcome).toMatchObject({ status: 'succeeded', output: { channel: 'C0001IT' } });
    expect(slack.workspace.messages[0]?.text).toBe(
      'Hi &lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;, your access to Zoom ends today (OPS-7)',
    );
  });

  it.each([
    ['#nowhere', 'channel_not_found'],
    ['#security', 'not_in_channel'],
    ['C0003OLD', 'is_archived'],
  ])('explains %s (%s), keeping Slack’s code, and does not retry', async (channel, code) => {
    const slack = await start();
    const { ctx, calls } = context(slack);
    const outcome = await createSlackMessageAction(fakeTiming().timing).run(
      settings(slack, { channel }),
      maya,
      ctx,
    );
    expect(outcome).toMatchObject({ status: 'failed', retryable: false });
    expect(outcome.status === 'failed' && outcome.error).toContain(`(${code})`);
    expect(calls).toHaveLength(1);
  });

  it('refuses a wrong token (invalid_auth) and no token (not_authed) without retrying', async () => {
    const slack = await start();
    const { ctx, calls } = context(slack, 'xoxb-wrong');
    const outcome = await createSlackMessageAction(fakeTiming().timing).run(settings(slack), maya, ctx);
    expect(outcome).toMatchObject({
      status: 'failed',
      retryable: false,
      error: 'Slack refused the bot token (invalid_auth): set the Slack credentials again',
    });
    expect(calls).toHaveLength(1);

    const api = slackWebApi(slack.apiUrl, '', context(slack).ctx, fakeTiming().timing);
    await expect(api.call('GET', 'users.lookupByEmail', { email: 'ann@acme.io' })).rejects.toMatchObject({
      code: 'not_authed',
      retryable: false,
    });
  });

  it('fails before any request without Slack credentials', async () => {
    const slack = await start();
    const { ctx } = context(slack, null);
    const outcome = await createSlackMessageAction(fakeTiming().timing).run(settings(slack), maya, ctx);
    expect(outcome).toMatchObject({ status: 'failed', retryable: false, requests: [] });
    expect(slack.requests).toBe(0);
  });

  it('waits what a 429’s Retry-After asks, then sends', async () => {
    const slack = await start({ faults: { throttleEvery: 1 }, retryAfterSeconds: 3 });
    const { timing, slept } = fakeTiming();
    const { ctx, calls } = context(slack);
    const outcome = await createSlackMessageAction(timing).run(
      settings(slack, { channel: 'C0001IT' }),
      maya,
      ctx,
    );
    expect(outcome.status).toBe('succeeded');
    expect(slept).toEqual([3000]);
    expect(calls.map((c) => [c.status, c.detail])).toEqual([
      [429, 'ratelimited'],
      [200, undefined],
    ]);
    expect(slack.workspace.messages).toHaveLength(1);
  });

  it('gives up on a rate limit longer than it holds a run, leaving it retryable', async () => {
    const slack = await start({ faults: { throttleEvery: 1 }, retryAfterSeconds: 600 });
    const { timing, slept } = fakeTiming();
    const { ctx } = context(slack);
    const outcome = await createSlackMessageAction(timing).run(
      settings(slack, { channel: 'C0001IT' }),
      maya,
      ctx,
    );
    expect(outcome).toMatchObject({ status: 'failed', retryable: true });
    expect(outcome.status === 'failed' && outcome.error).toContain('rate limited');
    expect(slept).toEqual([]);
  });

  it('previews the lookups and the message without calling Slack', async () => {
    const slack = await start();
    const preview = createSlackMessageAction().preview(settings(slack), maya);
    expect(preview.summary).toBe(
      'Slack message to maya@acme.io or maya.chen@acme.io: Hi Maya, your access to Zoom ends today (OPS-7)',
    );
    expect(preview.requests.map((r) => [r.method, r.url.replace(slack.apiUrl, ''), r.status])).toEqual([
      ['GET', '/users.lookupByEmail', null],
      ['GET', '/users.lookupByEmail', null],
      ['POST', '/chat.postMessage', null],
    ]);
    expect(slack.requests).toBe(0);
  });

  it('refuses settings naming the field', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ text: '   ' }, 'text'],
      [{ text: '{{{person.name}}}' }, 'text'],
      [{ channel: 'Not A Channel!' }, 'channel'],
      [{ apiUrl: 'http://slack.example.com/api' }, 'apiUrl'],
    ];
    for (const [change, field] of cases) {
      const parsed = slackMessageSettingsSchema.safeParse({ type: 'slack.message', text: 'Hi', ...change });
      expect(parsed.success, JSON.stringify(change)).toBe(false);
      expect(parsed.error?.issues[0]?.path[0]).toBe(field);
    }
  });
});
