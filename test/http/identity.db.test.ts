import { describe, expect, it, vi } from 'vitest';
import { JobWorker } from '../../src/jobs/job-worker.js';
import { jobHandlers } from '../../src/jobs/start-worker.js';
import { hashToken } from '../../src/lib/tokens.js';
import { addApp } from '../../src/modules/apps/apps.service.js';
import { createOneTimeToken, createSession, ensureMember } from '../../src/modules/auth/auth.repo.js';
import {
  deleteExpiredSignInRows,
  scheduleSignInCleanup,
  signInCleanupJobKind,
} from '../../src/modules/auth/sign-in-cleanup.js';
import { createToken } from '../../src/modules/tokens/tokens.service.js';
import { signInWithLinkToken, useTestServer } from '../support/http.js';
import { lanes } from '../support/test-roster.js';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const snapshot = { users: [{ email: 'ann@acme.io', status: 'active' }] };

describe.each(lanes)('identity and access on %s', (lane) => {
  const ctx = useTestServer(
    async ({ roster }) => {
      await addApp(roster, 'test', { name: 'Warehouse Scanner' });
      await addApp(roster, 'test', { name: 'Badge Printer' });
      // Roster keeps at least one active admin: this one stays while others are disabled.
      await ensureMember(roster, 'test', 'root@acme.io', 'admin');
    },
    { lane },
  );
  const audit = (action: string) =>
    ctx.roster.database.db
      .selectFrom('audit_log')
      .select(['actor', 'after'])
      .where('action', '=', action)
      .orderBy('id')
      .execute();

  it('gives a token created without a role read-only access', async () => {
    const created = await ctx.server.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: ctx.server.as('admin'),
      payload: { name: 'no-role-given' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().role).toBe('read-only');
    const token = created.json().token as string;
    expect((await ctx.server.app.inject({ url: '/api/apps', headers: bearer(token) })).statusCode).toBe(200);
    const write = await ctx.server.app.inject({
      method: 'POST',
      url: '/api/apps',
      headers: bearer(token),
      payload: { name: 'Sneaky' },
    });
    expect(write.statusCode).toBe(403);
  });

  it('lets a push token push to its own app only, and nothing else, until it expires', async () => {
    const created = await ctx.server.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: ctx.server.as('admin'),
      payload: { name: 'push-warehouse', pushApp: 'warehouse scanner' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { token, expiresAt, pushAppId } = created.json();
    expect(pushAppId).toEqual(expect.any(Number));
    // It expires even though no expiry was asked for.
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
    const push = (app: string) =>
      ctx.server.app.inject({
        method: 'POST',
        url: `/api/imports/custom?app=${encodeURIComponent(app)}`,
        headers: bearer(token),
        payload: snapshot,
      });
    const own = await push('Warehouse Scanner');
    expect(own.statusCode, own.body).toBe(200);
    const other = await push('Badge Printer');
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('forbidden');
    for (const [method, url] of [
      ['GET', '/api/apps'],
      ['GET', '/api/me'],
      ['GET', '/api/users'],
      ['POST', '/api/imports/csv?app=Warehouse%20Scanner'],
      ['POST', '/api/tokens'],
    ] as const) {
      const response = await ctx.server.app.inject({
        method,
        url,
        headers: bearer(token),
        ...(method === 'POST' ? { payload: {} } : {}),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(403);
    }
    // Its expiry passes (a token verified a moment ago is remembered, but never past its expiry).
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(expiresAt).getTime() + 1000);
      expect((await push('Warehouse Scanner')).statusCode).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a push token for an unknown app, with another role, or expiring after a year', async () => {
    for (const [payload, field] of [
      [{ name: 'push-nothing', pushApp: 'No Such App' }, 'pushApp'],
      [{ name: 'push-admin', pushApp: 'Badge Printer', role: 'admin' }, 'role'],
      [
        {
          name: 'push-forever',
          pushApp: 'Badge Printer',
          expiresAt: new Date(Date.now() + 400 * 86_400_000).toISOString(),
        },
        'expiresAt',
      ],
    ] as const) {
      const response = await ctx.server.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: ctx.server.as('admin'),
        payload,
      });
      expect(response.statusCode, payload.name).toBe(400);
      expect(response.json().error.details[0].field, payload.name).toBe(field);
    }
    const tokens = await ctx.roster.database.db.selectFrom('api_tokens').select('name').execute();
    expect(tokens.map((t) => t.name)).not.toContain('push-admin');
  });

  it("revokes the tokens a member created when the member is disabled, and no one else's", async () => {
    const dana = await ensureMember(ctx.roster, 'test', 'dana@acme.io', 'admin');
    const session = await createSession(ctx.roster, dana.id);
    const created = await ctx.server.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie: `roster_session=${session.token}`, 'x-roster-request': '1' },
      payload: { name: 'dana-script', role: 'editor' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const danas = created.json().token as string;
    const others = (await createToken(ctx.roster, 'cli:ops', { name: 'ops-script', role: 'editor' })).token;
    expect((await ctx.server.app.inject({ url: '/api/apps', headers: bearer(danas) })).statusCode).toBe(200);
    const disabled = await ctx.server.app.inject({
      method: 'PATCH',
      url: '/api/members/dana@acme.io',
      headers: ctx.server.as('admin'),
      payload: { disabled: true },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect((await ctx.server.app.inject({ url: '/api/apps', headers: bearer(danas) })).statusCode).toBe(401);
    expect((await ctx.server.app.inject({ url: '/api/apps', headers: bearer(others) })).statusCode).toBe(200);
    const [entry] = (await audit('member.update')).slice(-1);
    expect(entry?.after).toMatchObject({ disabled: true, revokedTokens: 1 });
  });

  it('shows a sign-in link without using it, and signs in only when the page posts it', async () => {
    const member = await ensureMember(ctx.roster, 'test', 'lee@acme.io', 'editor');
    const token = await createOneTimeToken(ctx.roster, 'sign_in', member.id);
    // A chat or mail preview fetches the link, perhaps more than once.
    for (let i = 0; i < 3; i++) {
      const page = await ctx.server.app.inject({ url: `/auth/link?token=${token}` });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['set-cookie']).toBeUndefined();
      expect(page.body).toContain('<form method="post" action="/auth/link">');
      expect(page.body).toContain(`value="${token}"`);
    }
    const used = await ctx.roster.database.db
      .selectFrom('one_time_tokens')
      .select('used_at')
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirstOrThrow();
    expect(used.used_at).toBeNull();
    const signedIn = await signInWithLinkToken(ctx.server.app, token);
    expect(signedIn.statusCode).toBe(303);
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
    const me = await ctx.server.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ actor: 'member:lee@acme.io', kind: 'session' });
    expect((await signInWithLinkToken(ctx.server.app, token)).statusCode).toBe(401);
    // Anything that is not a token's characters is not put in the page.
    const odd = await ctx.server.app.inject({
      url: '/auth/link?token=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    });
    expect(odd.body).not.toContain('<script');
    expect(odd.body).not.toContain('<form');
  });

  it('locks an account after exactly five wrong passwords, even when they arrive at once', async () => {
    const member = await ensureMember(ctx.roster, 'test', 'kim@acme.io', 'editor');
    const link = await createOneTimeToken(ctx.roster, 'password', member.id);
    const set = await ctx.server.app.inject({
      method: 'POST',
      url: '/api/session/password',
      payload: { token: link, password: 'kims correct password' },
    });
    expect(set.statusCode, set.body).toBe(200);
    const attempt = (password: string, i: number) =>
      ctx.server.app.inject({
        method: 'POST',
        url: '/api/session/sign-in',
        payload: { email: 'kim@acme.io', password },
        remoteAddress: `10.20.0.${i}`,
      });
    const failures = () =>
      ctx.roster.database.db
        .selectFrom('admin_members')
        .select(['failed_sign_ins', 'locked_until'])
        .where('id', '=', member.id)
        .executeTakeFirstOrThrow();
    const four = await Promise.all([1, 2, 3, 4].map((i) => attempt(`wrong ${i}`, i)));
    expect(four.map((r) => r.statusCode)).toEqual([401, 401, 401, 401]);
    expect(await failures()).toEqual({ failed_sign_ins: 4, locked_until: null });
    const more = await Promise.all([5, 6, 7].map((i) => attempt(`wrong ${i}`, i)));
    expect(more.every((r) => r.statusCode === 401 || r.statusCode === 429)).toBe(true);
    expect((await failures()).locked_until).not.toBeNull();
    const right = await attempt('kims correct password', 8);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.message).toMatch(/locked until/);

    expect(await audit('member.lock')).toEqual([
      expect.objectContaining({
        actor: 'member:kim@acme.io',
        after: expect.objectContaining({ failures: 5 }),
      }),
    ]);
    const failed = (await audit('session.sign-in-failed')).filter((a) => a.actor === 'member:kim@acme.io');
    expect(failed.length).toBe(8);
    expect(failed.at(-1)?.after).toMatchObject({ method: 'password', code: 'rate_limited' });
  });

  it('audits a password sign-in and signing out everywhere', async () => {
    const member = await ensureMember(ctx.roster, 'test', 'pat@acme.io', 'read-only');
    const link = await createOneTimeToken(ctx.roster, 'password', member.id);
    await ctx.server.app.inject({
      method: 'POST',
      url: '/api/session/password',
      payload: { token: link, password: 'pats long password' },
    });
    const signedIn = await ctx.server.app.inject({
      method: 'POST',
      url: '/api/session/sign-in',
      payload: { email: 'pat@acme.io', password: 'pats long password' },
      remoteAddress: '10.30.0.1',
    });
    expect(signedIn.statusCode).toBe(200);
    expect(await audit('session.sign-in')).toContainEqual({
      actor: 'member:pat@acme.io',
      after: { method: 'password', ip: '10.30.0.1' },
    });
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
    const everywhere = await ctx.server.app.inject({
      method: 'POST',
      url: '/api/session/sign-out-everywhere',
      headers: { cookie, 'x-roster-request': '1' },
    });
    expect(everywhere.statusCode).toBe(200);
    expect(await audit('session.sign-out-everywhere')).toEqual([
      { actor: 'member:pat@acme.io', after: { ended: 1 } },
    ]);
  });

  it('audits every export of the inactive licenses', async () => {
    const csv = await ctx.server.app.inject({
      url: '/api/licenses/inactive.csv?licenseType=Editor',
      headers: ctx.server.as('read-only'),
    });
    expect(csv.statusCode).toBe(200);
    expect(await audit('licenses.export')).toEqual([
      { actor: 'token:test-read-only', after: { format: 'csv', filters: { licenseType: 'Editor' } } },
    ]);
  });

  it('deletes sign-in rows that can no longer be used and keeps the live ones', async () => {
    const { db } = ctx.roster.database;
    const member = await ensureMember(ctx.roster, 'test', 'sam@acme.io', 'read-only');
    const now = new Date();
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    const inHours = (h: number) => new Date(now.getTime() + h * 3_600_000);
    await db.deleteFrom('sessions').execute();
    await db.deleteFrom('one_time_tokens').execute();
    await db.deleteFrom('oidc_logins').execute();
    await db.deleteFrom('rate_limits').execute();
    await db
      .insertInto('sessions')
      .values([
        { token_hash: 'live', member_id: member.id, expires_at: inHours(5), last_seen_at: now },
        { token_hash: 'expired', member_id: member.id, expires_at: hoursAgo(1), last_seen_at: hoursAgo(2) },
        { token_hash: 'idle', member_id: member.id, expires_at: inHours(5), last_seen_at: hoursAgo(3) },
      ])
      .execute();
    await db
      .insertInto('one_time_tokens')
      .values([
        { token_hash: 'live', purpose: 'sign_in', member_id: member.id, expires_at: inHours(0.25) },
        { token_hash: 'expired', purpose: 'sign_in', member_id: member.id, expires_at: hoursAgo(1) },
        {
          token_hash: 'used',
          purpose: 'password',
          member_id: member.id,
          expires_at: inHours(0.25),
          used_at: now,
        },
      ])
      .execute();
    const login = { browser_hash: 'b', code_verifier: 'v', nonce: 'n' };
    await db
      .insertInto('oidc_logins')
      .values([
        { ...login, state_hash: 'live', created_at: new Date(now.getTime() - 60_000) },
        { ...login, state_hash: 'old', created_at: hoursAgo(1) },
      ])
      .execute();
    await db
      .insertInto('rate_limits')
      .values([
        { key: 'live', window_started_at: hoursAgo(1), hits: 3 },
        { key: 'old', window_started_at: hoursAgo(25), hits: 3 },
      ])
      .execute();

    expect(await deleteExpiredSignInRows(ctx.roster.database, now)).toEqual({
      sessions: 2,
      oneTimeTokens: 2,
      oidcLogins: 1,
      rateLimits: 1,
    });
    const keys = async (table: 'sessions' | 'one_time_tokens') =>
      (await db.selectFrom(table).select('token_hash').execute()).map((r) => r.token_hash);
    expect(await keys('sessions')).toEqual(['live']);
    expect(await keys('one_time_tokens')).toEqual(['live']);
    expect(
      (await db.selectFrom('oidc_logins').select('state_hash').execute()).map((r) => r.state_hash),
    ).toEqual(['live']);
    expect((await db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key)).toEqual(['live']);

    // A day later, nothing of today is usable any more.
    expect(await deleteExpiredSignInRows(ctx.roster.database, inHours(26))).toEqual({
      sessions: 1,
      oneTimeTokens: 1,
      oidcLogins: 1,
      rateLimits: 1,
    });
  });
});

describe.each(lanes)('the job worker on %s', (lane) => {
  const ctx = useTestServer(undefined, { lane });
  it('runs the sign-in cleanup it keeps scheduled', async () => {
    const member = await ensureMember(ctx.roster, 'test', 'ivy@acme.io', 'read-only');
    const { db } = ctx.roster.database;
    await db
      .insertInto('sessions')
      .values({ token_hash: 'ended', member_id: member.id, expires_at: new Date(Date.now() - 60_000) })
      .execute();
    // Scheduled two hours ago, so due an hour ago; scheduling again is a no-op while it waits.
    await scheduleSignInCleanup(ctx.roster.database, new Date(Date.now() - 2 * 3_600_000));
    await scheduleSignInCleanup(ctx.roster.database);
    const worker = new JobWorker({ database: ctx.roster.database, handlers: jobHandlers(ctx.roster) });
    expect(await worker.drain()).toBe(1);
    expect(
      await db.selectFrom('sessions').select('token_hash').where('token_hash', '=', 'ended').execute(),
    ).toEqual([]);
    const job = await db
      .selectFrom('jobs')
      .select(['status', 'last_error'])
      .where('kind', '=', signInCleanupJobKind)
      .executeTakeFirstOrThrow();
    expect(job).toEqual({ status: 'succeeded', last_error: null });
  });
});

describe.each(lanes)('rate limits behind a reverse proxy on %s', (lane) => {
  const guess = (app: ReturnType<typeof useTestServer>, client: string) =>
    app.server.app.inject({
      method: 'POST',
      url: '/auth/link',
      payload: { token: 'rsi_not-a-real-link' },
      remoteAddress: '192.0.2.10',
      headers: { 'x-forwarded-for': client },
    });

  describe('with ROSTER_TRUST_PROXY', () => {
    const proxied = useTestServer(undefined, { lane, env: { ROSTER_TRUST_PROXY: '192.0.2.10' } });
    it('counts each client the proxy forwards for on its own', async () => {
      for (let i = 0; i < 10; i++) expect((await guess(proxied, '203.0.113.1')).statusCode).toBe(401);
      expect((await guess(proxied, '203.0.113.1')).statusCode).toBe(429);
      // Another client behind the same proxy is not limited by the first one's guesses.
      expect((await guess(proxied, '203.0.113.2')).statusCode).toBe(401);
    });
  });

  describe('without it', () => {
    const direct = useTestServer(undefined, { lane });
    it('counts by the connecting address, whatever X-Forwarded-For claims', async () => {
      for (let i = 0; i < 10; i++) expect((await guess(direct, `203.0.113.${i}`)).statusCode).toBe(401);
      expect((await guess(direct, '203.0.113.99')).statusCode).toBe(429);
    });
  });
});
