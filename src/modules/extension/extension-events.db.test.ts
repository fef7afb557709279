import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../../test/support/http.js';
import { lanes } from '../../../test/support/test-roster.js';
import { updateSettings } from '../settings/settings.service.js';
import { issueExtensionToken, revokeExtensionToken } from './extension-tokens.js';

describe.each(lanes)('extension events on %s', (lane) => {
  let ann = '';
  let annId = 0;
  const ctx = useTestServer(
    async ({ roster }) => {
      await updateSettings(roster, 'test', { domains: ['acme.io'] });
      const issued = await issueExtensionToken(roster, 'test', {
        kind: 'reporting',
        email: 'ann@acme.io',
        via: 'admin',
      });
      ann = issued.token;
      annId = issued.id;
    },
    { lane },
  );
  const post = (body: unknown, token = ann) =>
    ctx.server.app.inject({
      method: 'POST',
      url: '/api/extension/events',
      headers: { authorization: `Bearer ${token}` },
      payload: body as object,
    });
  const activity = (email: string) =>
    ctx.roster.database.db
      .selectFrom('extension_activity')
      .selectAll()
      .where('email', '=', email)
      .orderBy('app_name')
      .orderBy('day')
      .execute();

  it('stores events aggregated per person, app and day, a subdomain counting for its app', async () => {
    const batchId = randomUUID();
    const response = await post({
      batchId,
      events: [
        { type: 'visit', domain: 'acme.slack.com', at: '2026-11-02T09:00:00Z' },
        { type: 'visit', domain: 'app.slack.com', at: '2026-11-02T10:00:00Z' },
        { type: 'sign_in', domain: 'slack.com', at: '2026-11-02T08:00:00Z' },
        { type: 'visit', domain: 'slack.com', at: '2026-11-03T08:00:00Z' },
        { type: 'sign_up', domain: 'www.figma.com', at: '2026-11-02T11:00:00Z' },
      ],
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ batchId, accepted: 5, ignored: 0, duplicate: false });
    const rows = await activity('ann@acme.io');
    expect(
      rows.map((r) => ({
        app: r.app_name,
        visits: r.visits,
        signIns: r.sign_ins,
        signUps: r.sign_ups,
        lastUsedAt: r.last_used_at?.toISOString() ?? null,
        lastActivityAt: r.last_activity_at.toISOString(),
      })),
    ).toEqual([
      {
        app: 'Figma',
        visits: 0,
        signIns: 0,
        signUps: 1,
        lastUsedAt: null,
        lastActivityAt: '2026-11-02T11:00:00.000Z',
      },
      {
        app: 'Slack',
        visits: 2,
        signIns: 1,
        signUps: 0,
        lastUsedAt: '2026-11-02T10:00:00.000Z',
        lastActivityAt: '2026-11-02T10:00:00.000Z',
      },
      {
        app: 'Slack',
        visits: 1,
        signIns: 0,
        signUps: 0,
        lastUsedAt: '2026-11-03T08:00:00.000Z',
        lastActivityAt: '2026-11-03T08:00:00.000Z',
      },
    ]);
  });

  it('counts a batch sent again once, and adds a new batch to the same rows', async () => {
    const batch = {
      batchId: randomUUID(),
      events: [{ type: 'visit', domain: 'notion.so', at: '2026-11-05T09:00:00Z' }],
    };
    expect((await post(batch)).json()).toMatchObject({ accepted: 1, duplicate: false });
    const again = await post(batch);
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual({ batchId: batch.batchId, accepted: 0, ignored: 0, duplicate: true });
    await post({ ...batch, batchId: randomUUID() });
    const rows = (await activity('ann@acme.io')).filter((r) => r.app_name === 'Notion');
    expect(rows.map((r) => r.visits)).toEqual([2]);
  });

  it('ignores a personal address and domains of no published app, and counts an alias of the organisation', async () => {
    const response = await post({
      batchId: randomUUID(),
      events: [
        { type: 'sign_in', domain: 'zoom.us', email: 'ann.private@gmail.com', at: '2026-11-06T09:00:00Z' },
        { type: 'visit', domain: 'example.org', at: '2026-11-06T09:00:00Z' },
        { type: 'sign_in', domain: 'zoom.us', email: 'A.Smith@ACME.io', at: '2026-11-06T09:00:00Z' },
      ],
    });
    expect(response.json()).toMatchObject({ accepted: 1, ignored: 2 });
    expect(await activity('ann.private@gmail.com')).toEqual([]);
    expect((await activity('a.smith@acme.io')).map((r) => [r.app_name, r.sign_ins])).toEqual([['Zoom', 1]]);
    const stored = await ctx.roster.database.db
      .selectFrom('extension_activity')
      .select('app_name')
      .where('app_name', 'not in', ['Slack', 'Figma', 'Notion', 'Zoom'])
      .execute();
    expect(stored).toEqual([]);
  });

  it('refuses a bad batch whole, naming the field, and stores nothing of it', async () => {
    const before = await activity('ann@acme.io');
    const response = await post({
      batchId: randomUUID(),
      events: [
        { type: 'visit', domain: 'slack.com', at: '2026-11-07T09:00:00Z' },
        { type: 'visit', domain: 'slack.com', at: '2026-11-07T09:00:00Z' },
        { type: 'visit', domain: 'slack.com', at: '2026-11-07T09:00:00Z' },
        { type: 'visit', domain: 'https://slack.com/x', at: '2026-11-07T09:00:00Z' },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { field: 'events[3].domain', message: expect.any(String) },
    ]);
    expect(await activity('ann@acme.io')).toEqual(before);
    const badEmail = await post({
      batchId: randomUUID(),
      events: [{ type: 'visit', domain: 'slack.com', email: 'not an address', at: '2026-11-07T09:00:00Z' }],
    });
    expect(badEmail.json().error.details).toEqual([
      { field: 'events[0].email', message: expect.any(String) },
    ]);
    const noId = await post({ events: [{ type: 'visit', domain: 'slack.com', at: 'yesterday' }] });
    expect(
      noId
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['batchId', 'events[0].at']);
  });

  it('refuses more than 500 events and bodies over 256 KiB', async () => {
    const event = { type: 'visit', domain: 'slack.com', at: '2026-11-07T09:00:00Z' };
    const many = await post({ batchId: randomUUID(), events: Array.from({ length: 501 }, () => event) });
    expect(many.statusCode).toBe(400);
    expect(many.json().error.details[0].field).toBe('events');
    const padded = { ...event, domain: `${'a'.repeat(60)}.slack.com` };
    const large = await post({ batchId: randomUUID(), events: Array.from({ length: 3000 }, () => padded) });
    expect(large.statusCode).toBe(413);
  });

  it('takes only a live extension token: API tokens, revoked and unknown tokens are refused', async () => {
    const batch = {
      batchId: randomUUID(),
      events: [{ type: 'visit', domain: 'slack.com', at: '2026-11-07T09:00:00Z' }],
    };
    expect((await post(batch, ctx.server.tokens.admin)).statusCode).toBe(401);
    expect((await post(batch, 'rxt_unknown')).statusCode).toBe(401);
    const bob = await issueExtensionToken(ctx.roster, 'test', {
      kind: 'reporting',
      email: 'bob@acme.io',
      via: 'admin',
    });
    expect((await post(batch, bob.token)).statusCode).toBe(202);
    await revokeExtensionToken(ctx.roster, 'test', bob.id);
    expect((await post({ ...batch, batchId: randomUUID() }, bob.token)).statusCode).toBe(401);
    // An extension token opens nothing else.
    const other = await ctx.server.app.inject({
      url: '/api/apps',
      headers: { authorization: `Bearer ${ann}` },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toMatch(/extension/);
    expect(annId).toBeGreaterThan(0);
  });
});

describe('extension events rate limit', () => {
  const ctx = useTestServer(
    async ({ roster }) => {
      await updateSettings(roster, 'test', { domains: ['acme.io'] });
    },
    { env: { ROSTER_EXTENSION_BATCHES_PER_MINUTE: '2' } },
  );
  it('answers 429 with Retry-After past the token’s batches per minute', async () => {
    const { token } = await issueExtensionToken(ctx.roster, 'test', {
      kind: 'reporting',
      email: 'ann@acme.io',
      via: 'admin',
    });
    const send = () =>
      ctx.server.app.inject({
        method: 'POST',
        url: '/api/extension/events',
        headers: { authorization: `Bearer ${token}` },
        payload: {
          batchId: randomUUID(),
          events: [{ type: 'visit', domain: 'slack.com', at: '2026-11-07T09:00:00Z' }],
        },
      });
    expect((await send()).statusCode).toBe(202);
    expect((await send()).statusCode).toBe(202);
    const refused = await send();
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
