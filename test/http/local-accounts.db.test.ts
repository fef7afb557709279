import { describe, expect, it } from 'vitest';
import { createOneTimeToken, ensureMember } from '../../src/modules/auth/auth.repo.js';
import { useTestServer } from '../support/http.js';

describe('local accounts', () => {
  let memberId: number;
  const ctx = useTestServer(async ({ roster }) => {
    memberId = (await ensureMember(roster, 'test', 'ann@acme.io', 'editor')).id;
  });

  const signIn = (password: string, remoteAddress = '10.0.0.1') =>
    ctx.server.app.inject({
      method: 'POST',
      url: '/api/session/sign-in',
      payload: { email: 'Ann@acme.io', password },
      remoteAddress,
    });

  it('has no password until one is set through a one-time link, stored as argon2id', async () => {
    expect((await signIn('anything-at-all-1')).statusCode).toBe(401);
    const token = await createOneTimeToken(ctx.roster, 'password', memberId);
    const short = await ctx.server.app.inject({
      method: 'POST',
      url: '/api/session/password',
      payload: { token, password: 'short' },
    });
    expect(short.statusCode).toBe(400);
    const set = await ctx.server.app.inject({
      method: 'POST',
      url: '/api/session/password',
      payload: { token, password: 'correct horse battery' },
    });
    expect(set.statusCode, set.body).toBe(200);
    const again = await ctx.server.app.inject({
      method: 'POST',
      url: '/api/session/password',
      payload: { token, password: 'another long password' },
    });
    expect(again.statusCode).toBe(401);
    const row = await ctx.roster.database.db
      .selectFrom('admin_members')
      .select('password_hash')
      .where('id', '=', memberId)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain('correct horse');
  });

  it('signs in with the right password into a session with the member’s own role', async () => {
    const response = await signIn('correct horse battery');
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers['set-cookie']).split(';')[0]!;
    const me = await ctx.server.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ actor: 'member:ann@acme.io', role: 'editor', kind: 'session' });
  });

  it('locks the account after five wrong passwords, even for the right one', async () => {
    for (let i = 0; i < 5; i++)
      expect((await signIn(`wrong password ${i}`, '10.0.0.2')).statusCode).toBe(401);
    const locked = await signIn('correct horse battery', '10.0.0.3');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(/locked until/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    await ctx.roster.database.db
      .updateTable('admin_members')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('id', '=', memberId)
      .execute();
    expect((await signIn('correct horse battery', '10.0.0.3')).statusCode).toBe(200);
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const unknown = await ctx.server.app.inject({
      method: 'POST',
      url: '/api/session/sign-in',
      payload: { email: 'nobody@acme.io', password: 'whatever-long' },
      remoteAddress: '10.0.0.4',
    });
    const wrong = await signIn('not the password', '10.0.0.4');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
  });
});
