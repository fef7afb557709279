import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureMember } from '../../src/modules/auth/auth.repo.js';
import { updateSettings } from '../../src/modules/settings/settings.service.js';
import { testServer } from '../support/http.js';
import { lanes, openTestRoster, type TestRoster } from '../support/test-roster.js';

const rosterUrl = 'http://127.0.0.1:18080';

/**
 * A real OpenID Connect provider on loopback whose users sign in with any login (their email). Its
 * signing key is ours, so a test can have it answer an ID token that was tampered with and re-signed.
 */
type Tamper = null | 'audience' | 'expired';
async function startProvider(): Promise<{ issuer: string; server: Server; tamper: (mode: Tamper) => void }> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'roster',
        client_secret: 'roster-client-secret',
        redirect_uris: [`${rosterUrl}/auth/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk] },
    // The login is the email, optionally with `#another-subject` (a second account claiming the same
    // email) or `!unverified` / `!missing` (email_verified false, or no such claim).
    findAccount: async (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: async () => ({
        sub: id,
        email: id.replace(/[#!].*$/, ''),
        ...(id.endsWith('!missing') ? {} : { email_verified: !id.endsWith('!unverified') }),
      }),
    }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
  });
  let mode: Tamper = null;
  const handle = provider.callback();
  server.on('request', (req, res) => {
    if (mode && req.method === 'POST' && req.url?.startsWith('/token')) {
      const end = res.end.bind(res) as (chunk?: unknown) => void;
      (res as unknown as { end: (chunk?: unknown) => void }).end = (chunk?: unknown) => {
        const body = JSON.parse(String(chunk));
        const payload = decodeJwt(body.id_token);
        if (mode === 'audience') payload.aud = 'another-client';
        if (mode === 'expired')
          Object.assign(payload, { iat: payload.iat! - 7200, exp: Math.floor(Date.now() / 1000) - 3600 });
        new SignJWT(payload)
          .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
          .sign(privateKey)
          .then((idToken) => {
            const text = JSON.stringify({ ...body, id_token: idToken });
            res.setHeader('content-length', Buffer.byteLength(text));
            end(text);
          });
      };
    }
    handle(req, res);
  });
  return { issuer, server, tamper: (m) => (mode = m) };
}

/** A browser: follows the provider's redirects and forms, keeping its cookies. */
async function signInAtProvider(authorizationUrl: string, login: string): Promise<string> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers ?? {}), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  };
  let url = authorizationUrl;
  for (let step = 0; step < 12; step++) {
    if (url.startsWith(rosterUrl)) return url;
    const response = await send(url);
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location')!, url).href;
      continue;
    }
    // An interaction page: the login form first, then the consent form.
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`No form at ${url}: ${html.slice(0, 200)}`);
    const body = new URLSearchParams();
    for (const input of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*>/g)) {
      const name = input[1]!;
      const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
      body.set(name, name === 'login' ? login : name === 'password' ? 'any' : value);
    }
    const posted = await send(new URL(action, url).href, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    url = new URL(posted.headers.get('location')!, url).href;
  }
  throw new Error('The provider did not send the browser back to Roster');
}

describe.each(lanes)('single sign-on through OpenID Connect on %s', (lane) => {
  let roster: TestRoster;
  let server: Awaited<ReturnType<typeof testServer>>;
  let provider: Awaited<ReturnType<typeof startProvider>>;

  beforeAll(async () => {
    provider = await startProvider();
    roster = await openTestRoster(lane, {
      ROSTER_PUBLIC_URL: rosterUrl,
      ROSTER_OIDC_ISSUER: provider.issuer,
      ROSTER_OIDC_CLIENT_ID: 'roster',
      ROSTER_OIDC_CLIENT_SECRET: 'roster-client-secret',
    });
    server = await testServer(roster);
    await ensureMember(roster, 'test', 'ann@acme.io', 'read-only');
    await ensureMember(roster, 'test', 'vic@acme.io', 'read-only');
  });
  afterAll(async () => {
    await server.app.close();
    await roster.close();
    provider.server.close();
  });

  const start = async () => {
    const response = await server.app.inject({ url: '/auth/oidc/start' });
    expect(response.statusCode).toBe(302);
    const authorizationUrl = String(response.headers.location);
    expect(authorizationUrl).toContain('code_challenge_method=S256');
    expect(authorizationUrl).toContain('nonce=');
    const browser = String(response.headers['set-cookie']).split(';')[0]!;
    return { authorizationUrl, browser };
  };
  const auditOf = (action: string) =>
    roster.database.db
      .selectFrom('audit_log')
      .select(['actor', 'after'])
      .where('action', '=', action)
      .execute();
  const callback = (url: string, cookie?: string) =>
    server.app.inject({ url: url.slice(rosterUrl.length), headers: cookie ? { cookie } : {} });

  it('signs a member in with the role of the email the provider verified', async () => {
    const { authorizationUrl, browser } = await start();
    const back = await signInAtProvider(authorizationUrl, 'Ann@acme.io');
    const response = await callback(back, browser);
    expect(response.statusCode, response.body).toBe(302);
    const session = String(response.headers['set-cookie']).match(/roster_session=[^;]+/)![0];
    const me = await server.app.inject({ url: '/api/me', headers: { cookie: session } });
    expect(me.json()).toMatchObject({ actor: 'member:ann@acme.io', role: 'read-only', kind: 'session' });
    expect(await auditOf('session.sign-in')).toContainEqual(
      expect.objectContaining({
        actor: 'member:ann@acme.io',
        after: expect.objectContaining({ method: 'oidc' }),
      }),
    );

    // The same answer again: the state was used once.
    const replay = await callback(back, browser);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.message).toMatch(/already used/);
  });

  it('connects the browser extension of an employee who is no member, handing the token to the extension', async () => {
    await updateSettings(roster, 'test', { domains: ['acme.io'] });
    const returnTo = `chrome-extension://${'a'.repeat(32)}/connected.html`;
    const started = await server.app.inject({
      url: `/extension/connect/sso?return_to=${encodeURIComponent(returnTo)}&state=state-1234`,
    });
    expect(started.statusCode).toBe(302);
    const browser = String(started.headers['set-cookie']).split(';')[0]!;
    const back = await signInAtProvider(String(started.headers.location), 'eve@acme.io');
    const response = await callback(back, browser);
    expect(response.statusCode, response.body).toBe(303);
    expect(String(response.headers['set-cookie'] ?? '')).not.toMatch(/roster_session/);
    const target = new URL(String(response.headers.location));
    expect(
      `${target.origin === 'null' ? `chrome-extension://${target.host}` : target.origin}${target.pathname}`,
    ).toBe(returnTo);
    const handed = new URLSearchParams(target.hash.slice(1));
    expect(handed.get('email')).toBe('eve@acme.io');
    expect(handed.get('state')).toBe('state-1234');
    const config = await server.app.inject({
      url: '/api/extension/config',
      headers: { authorization: `Bearer ${handed.get('token')}` },
    });
    expect(config.json()).toMatchObject({ email: 'eve@acme.io', orgDomains: ['acme.io'] });
    const member = await roster.database.db
      .selectFrom('admin_members')
      .select('id')
      .where('email', '=', 'eve@acme.io')
      .executeTakeFirst();
    expect(member).toBeUndefined();

    // An address outside the organisation's domains gets no token.
    const other = await server.app.inject({
      url: `/extension/connect/sso?return_to=${encodeURIComponent(returnTo)}&state=state-5678`,
    });
    const otherBack = await signInAtProvider(String(other.headers.location), 'eve@elsewhere.example');
    const refused = await callback(otherBack, String(other.headers['set-cookie']).split(';')[0]!);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers.location).toBeUndefined();
    // A page the employee reads in the tab the extension opened, saying why.
    expect(refused.headers['content-type']).toMatch(/^text\/html/);
    expect(refused.body).toContain('organisation');
  });

  it('refuses a callback from another browser, a forged state, and people who are not members', async () => {
    const first = await start();
    const back = await signInAtProvider(first.authorizationUrl, 'ann@acme.io');
    expect((await callback(back)).statusCode).toBe(401);
    expect((await callback(back, 'roster_oidc=rso_someone-else')).statusCode).toBe(401);
    const forged = new URL(back);
    forged.searchParams.set('state', 'forged-state');
    expect((await callback(forged.href, first.browser)).statusCode).toBe(401);

    const stranger = await start();
    const strangerBack = await signInAtProvider(stranger.authorizationUrl, 'mallory@evil.example');
    const refused = await callback(strangerBack, stranger.browser);
    expect(refused.statusCode).toBe(403);
  });

  it('refuses a code that was already redeemed', async () => {
    const { authorizationUrl, browser } = await start();
    // Ann's provider account (its subject is her login as first typed).
    const back = await signInAtProvider(authorizationUrl, 'Ann@acme.io');
    // Start a second sign-in in the same browser, and send it the first sign-in's code.
    const second = await start();
    const secondBack = new URL(await signInAtProvider(second.authorizationUrl, 'ann@acme.io'));
    secondBack.searchParams.set('code', new URL(back).searchParams.get('code')!);
    expect((await callback(back, browser)).statusCode).toBe(302);
    const reused = await callback(secondBack.href, second.browser);
    expect(reused.statusCode).toBe(401);
  });

  for (const mode of ['audience', 'expired'] as const) {
    it(`refuses an ID token with ${mode === 'audience' ? 'another audience' : 'an expiry in the past'}`, async () => {
      const { authorizationUrl, browser } = await start();
      const back = await signInAtProvider(authorizationUrl, 'ann@acme.io');
      provider.tamper(mode);
      try {
        const response = await callback(back, browser);
        expect(response.statusCode).toBe(401);
        expect(response.json().error.message).toMatch(mode === 'audience' ? /aud/ : /exp|expired|timestamp/i);
      } finally {
        provider.tamper(null);
      }
    });
  }

  it('refuses an email the provider does not say is verified, whether false or missing', async () => {
    for (const login of ['vic@acme.io!unverified', 'vic@acme.io!missing']) {
      const { authorizationUrl, browser } = await start();
      const response = await callback(await signInAtProvider(authorizationUrl, login), browser);
      expect(response.statusCode, login).toBe(401);
      expect(response.json().error.message, login).toMatch(/verified/);
    }
    const failures = await auditOf('session.sign-in-failed');
    expect(
      failures.filter((f) => /verified/.test(String((f.after as { reason: string }).reason))),
    ).toHaveLength(2);
  });

  it('binds a member to the provider subject of their first sign-in and refuses any other', async () => {
    const first = await start();
    const signedIn = await callback(
      await signInAtProvider(first.authorizationUrl, 'vic@acme.io'),
      first.browser,
    );
    expect(signedIn.statusCode, signedIn.body).toBe(302);
    const bound = await roster.database.db
      .selectFrom('admin_members')
      .select(['oidc_issuer', 'oidc_subject'])
      .where('email', '=', 'vic@acme.io')
      .executeTakeFirstOrThrow();
    expect(bound).toEqual({ oidc_issuer: `${provider.issuer}`, oidc_subject: 'vic@acme.io' });

    // Another account at the provider now claims the same, verified email.
    const other = await start();
    const refused = await callback(
      await signInAtProvider(other.authorizationUrl, 'vic@acme.io#recycled'),
      other.browser,
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/bound to another account/);

    const again = await start();
    expect(
      (await callback(await signInAtProvider(again.authorizationUrl, 'vic@acme.io'), again.browser))
        .statusCode,
    ).toBe(302);
  });

  it('binds a new account once an admin forgets the old one, and then refuses the old one', async () => {
    const signIn = async (login: string) => {
      const flow = await start();
      return callback(await signInAtProvider(flow.authorizationUrl, login), flow.browser);
    };
    // vic@ is bound to the account of the test above; the person has moved to another account.
    expect((await signIn('vic@acme.io#moved')).statusCode).toBe(403);
    const forget = await server.app.inject({
      method: 'PATCH',
      url: '/api/members/vic@acme.io',
      headers: server.as('admin'),
      payload: { forgetSingleSignOn: true },
    });
    expect(forget.statusCode, forget.body).toBe(200);
    expect(forget.json()).toMatchObject({ email: 'vic@acme.io', singleSignOnBound: false });
    // Only an admin may do it.
    const byEditor = await server.app.inject({
      method: 'PATCH',
      url: '/api/members/vic@acme.io',
      headers: server.as('editor'),
      payload: { forgetSingleSignOn: true },
    });
    expect(byEditor.statusCode).toBe(403);
    expect((await signIn('vic@acme.io#moved')).statusCode).toBe(302);
    expect((await signIn('vic@acme.io')).statusCode).toBe(403);
    const audit = await roster.database.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'member.update')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ before: { singleSignOnBound: true }, after: { singleSignOnBound: false } });
  });

  it('limits how often one address starts a sign-in', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push(
        (await server.app.inject({ url: '/auth/oidc/start', remoteAddress: '10.7.7.7' })).statusCode,
      );
    expect(statuses.slice(0, 20).every((s) => s === 302)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect((await server.app.inject({ url: '/auth/oidc/start', remoteAddress: '10.7.7.8' })).statusCode).toBe(
      302,
    );
  });
});
