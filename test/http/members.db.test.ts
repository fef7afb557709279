import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOneTimeToken } from '../../src/modules/auth/auth.repo.js';
import { testServer } from '../support/http.js';
import { openTestRoster, type TestRoster } from '../support/test-roster.js';

describe('admin members', () => {
  let roster: TestRoster;
  let server: Awaited<ReturnType<typeof testServer>>;
  beforeAll(async () => {
    roster = await openTestRoster('pglite');
    server = await testServer(roster);
  });
  afterAll(async () => {
    await server.app.close();
    await roster.close();
  });

  it('are added with a role, changed, disabled at once, and never leave Roster without an admin', async () => {
    const admin = server.as('admin');
    const added = await server.app.inject({
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
        await server.app.inject({
          method: 'POST',
          url: '/api/members',
          headers: admin,
          payload: { email: 'ann@acme.io', role: 'editor' },
        })
      ).statusCode,
    ).toBe(409);

    // Ann signs in; disabling her ends that session at once.
    const link = await createOneTimeToken(roster, 'sign_in', added.json().id);
    const cookie = String(
      (await server.app.inject({ url: `/auth/link?token=${link}` })).headers['set-cookie'],
    ).split(';')[0]!;
    expect((await server.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(200);

    const bob = await server.app.inject({
      method: 'POST',
      url: '/api/members',
      headers: admin,
      payload: { email: 'bob@acme.io', role: 'read-only' },
    });
    expect(bob.statusCode).toBe(201);
    const promoted = await server.app.inject({
      method: 'PATCH',
      url: '/api/members/bob@acme.io',
      headers: admin,
      payload: { role: 'editor' },
    });
    expect(promoted.json().role).toBe('editor');

    // Ann is the only admin: she can be neither demoted nor disabled.
    const demote = await server.app.inject({
      method: 'PATCH',
      url: '/api/members/ann@acme.io',
      headers: admin,
      payload: { role: 'read-only' },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.message).toMatch(/at least one active admin/);
    await server.app.inject({
      method: 'PATCH',
      url: '/api/members/bob@acme.io',
      headers: admin,
      payload: { role: 'admin' },
    });
    const disabled = await server.app.inject({
      method: 'PATCH',
      url: '/api/members/ann@acme.io',
      headers: admin,
      payload: { disabled: true },
    });
    expect(disabled.json().disabled).toBe(true);
    expect((await server.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);

    const audit = (
      await server.app.inject({ url: '/api/audit?action=member.update', headers: admin })
    ).json();
    expect(audit.items[0]).toMatchObject({
      before: { role: 'admin', disabled: false },
      after: { role: 'admin', disabled: true },
    });
    expect((await server.app.inject({ url: '/api/members', headers: server.as('editor') })).statusCode).toBe(
      403,
    );
  });
});
