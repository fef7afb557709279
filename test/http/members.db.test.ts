import { describe, expect, it } from 'vitest';
import { createOneTimeToken } from '../../src/modules/auth/auth.repo.js';
import { signInWithLinkToken, useTestServer } from '../support/http.js';

describe('admin members', () => {
  const ctx = useTestServer();

  it('are added with a role, changed, disabled at once, and never leave Roster without an admin', async () => {
    const admin = ctx.server.as('admin');
    const added = await ctx.server.app.inject({
      method: 'POST',
      url: '/api/members',
      headers: admin,
      payload: { email: 'Ann@acme.io', role: 'admin' },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      email: 'ann@acme.io',
      role: 'admin',
      hasPassword: false,
      disabled: false,
    });
    expect(
      (
        await ctx.server.app.inject({
          method: 'POST',
          url: '/api/members',
          headers: admin,
          payload: { email: 'ann@acme.io', role: 'editor' },
        })
      ).statusCode,
    ).toBe(409);

    // Ann signs in; disabling her ends that session at once.
    const link = await createOneTimeToken(ctx.roster, 'sign_in', added.json().id);
    const cookie = String((await signInWithLinkToken(ctx.server.app, link)).headers['set-cookie']).split(
      ';',
    )[0]!;
    expect((await ctx.server.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(200);

    const bob = await ctx.server.app.inject({
      method: 'POST',
      url: '/api/members',
      headers: admin,
      payload: { email: 'bob@acme.io', role: 'read-only' },
    });
    expect(bob.statusCode).toBe(201);
    const promoted = await ctx.server.app.inject({
      method: 'PATCH',
      url: '/api/members/bob@acme.io',
      headers: admin,
      payload: { role: 'editor' },
    });
    expect(promoted.json().role).toBe('editor');

    // Ann is the only admin: she can be neither demoted nor disabled.
    const demote = await ctx.server.app.inject({
      method: 'PATCH',
      url: '/api/members/ann@acme.io',
      headers: admin,
      payload: { role: 'read-only' },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.message).toMatch(/at least one active admin/);
    await ctx.server.app.inject({
      method: 'PATCH',
      url: '/api/members/bob@acme.io',
      headers: admin,
      payload: { role: 'admin' },
    });
    const disabled = await ctx.server.app.inject({
      method: 'PATCH',
      url: '/api/members/ann@acme.io',
      headers: admin,
      payload: { disabled: true },
    });
    expect(disabled.json().disabled).toBe(true);
    expect((await ctx.server.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);

    const audit = (
      await ctx.server.app.inject({ url: '/api/audit?action=member.update', headers: admin })
    ).json();
    expect(audit.items[0]).toMatchObject({
      before: { role: 'admin', disabled: false },
      after: { role: 'admin', disabled: true },
    });
    expect(
      (await ctx.server.app.inject({ url: '/api/members', headers: ctx.server.as('editor') })).statusCode,
    ).toBe(403);
  });
});
