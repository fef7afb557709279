import { describe, expect, it, vi } from 'vitest';
import { hashToken } from '../../src/lib/tokens.js';
import { createOneTimeToken, ensureMember } from '../../src/modules/auth/auth.repo.js';
import { createToken } from '../../src/modules/tokens/tokens.service.js';
import { signInWithLinkToken, useTestServer } from '../support/http.js';

describe('sessions and tokens', () => {
  let memberId: number;
  const ctx = useTestServer(async ({ roster }) => {
    memberId = (await ensureMember(roster, 'test', 'admin@acme.io', 'admin')).id;
  });

  const signIn = async (cookie?: string) => {
    const token = await createOneTimeToken(ctx.roster, 'sign_in', memberId);
    const response = await signInWithLinkToken(ctx.server.app, token, cookie);
    expect(response.statusCode).toBe(303);
    return String(response.headers['set-cookie']).split(';')[0]!;
  };
  const me = (cookie: string) => ctx.server.app.inject({ url: '/api/me', headers: { cookie } });
  const sessionToken = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);

  it('starts a new session at every sign-in and ends the one it replaces', async () => {
    const first = await signIn();
    expect((await me(first)).statusCode).toBe(200);
    const second = await signIn(first);
    expect(second).not.toBe(first);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);
  });

  it('ends sessions after two idle hours and after twelve hours in all', async () => {
    const idle = await signIn();
    await ctx.roster.database.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 3 * 3_600_000) })
      .where('token_hash', '=', hashToken(sessionToken(idle)))
      .execute();
    expect((await me(idle)).statusCode).toBe(401);
    const old = await signIn();
    await ctx.roster.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '=', hashToken(sessionToken(old)))
      .execute();
    expect((await me(old)).statusCode).toBe(401);
  });

  it('signs out everywhere', async () => {
    const laptop = await signIn();
    const phone = await signIn();
    const response = await ctx.server.app.inject({
      method: 'POST',
      url: '/api/session/sign-out-everywhere',
      headers: { cookie: laptop, 'x-roster-request': '1' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().ended).toBeGreaterThanOrEqual(2);
    expect((await me(laptop)).statusCode).toBe(401);
    expect((await me(phone)).statusCode).toBe(401);
  });

  it('refuses an API token once it has expired', async () => {
    const { token } = await createToken(ctx.roster, 'test', {
      name: 'short',
      role: 'read-only',
      expiresAt: new Date(Date.now() + 60_000),
    });
    expect(
      (await ctx.server.app.inject({ url: '/api/apps', headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(200);
    // A minute passes: the token verified a moment ago is remembered, but never past its expiry.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 61_000);
      expect(
        (await ctx.server.app.inject({ url: '/api/apps', headers: { authorization: `Bearer ${token}` } }))
          .statusCode,
      ).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });
});
