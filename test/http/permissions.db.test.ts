import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/db/schema.js';
import { createSession, ensureMember } from '../../src/modules/auth/auth.repo.js';
import { useTestServer } from '../support/http.js';
import { lanes } from '../support/test-roster.js';

const roles = ['admin', 'editor', 'read-only', 'app-owner'] as const;

/**
 * Who may call each route, written out by hand (not read from src/http/permissions.ts, so a wrong entry
 * there fails this test). Columns: admin, editor, read-only, app-owner; Y allowed, N refused (403).
 * `public`: the route authenticates its caller itself, or is the console's files.
 */
const expected: Record<string, 'public' | `${'Y' | 'N'}${'Y' | 'N'}${'Y' | 'N'}${'Y' | 'N'}`> = {
  'GET /': 'public',
  'GET /*': 'public',
  'POST /api/setup': 'public',
  'GET /auth/link': 'public',
  'POST /auth/link': 'public',
  'GET /auth/oidc/start': 'public',
  'GET /auth/oidc/callback': 'public',
  'POST /api/session/sign-in': 'public',
  'POST /api/session/password': 'public',
  'GET /offboarding/confirm': 'public',
  'POST /offboarding/confirm': 'public',
  //                                     admin editor read-only app-owner
  'GET /api/me': 'YYYY',
  'POST /api/session/sign-out': 'YYYY',
  'POST /api/session/sign-out-everywhere': 'YYYY',
  'GET /api/openapi.json': 'YYYN',
  'GET /api/settings': 'YYYN',
  'PATCH /api/settings': 'YNNN',
  'GET /api/employees/source': 'YYYN',
  'PUT /api/employees/source': 'YNNN',
  'GET /api/source-kinds': 'YYYN',
  'GET /api/sources': 'YYYN',
  'POST /api/sources': 'YYNN',
  'GET /api/sources/:ref': 'YYYN',
  'PATCH /api/sources/:ref': 'YYNN',
  'DELETE /api/sources/:ref': 'YYNN',
  'POST /api/sources/:ref/sync': 'YYNN',
  'PUT /api/sources/:ref/removal-threshold': 'YYNN',
  'POST /api/sources/:ref/held-run/confirm': 'YYNN',
  'POST /api/sources/:ref/held-run/discard': 'YYNN',
  'POST /api/imports/csv': 'YYNN',
  'POST /api/imports/custom': 'YYNN',
  'GET /api/sync-runs': 'YYYN',
  'GET /api/sync-runs/:id': 'YYYN',
  'GET /api/apps': 'YYYY',
  'POST /api/apps': 'YYNN',
  'GET /api/apps/:ref': 'YYYY',
  'PATCH /api/apps/:ref': 'YYNN',
  'PUT /api/apps/:ref/owners': 'YYNN',
  'GET /api/users': 'YYYN',
  'GET /api/users/:email': 'YYYN',
  'GET /api/merge/preview': 'YYYN',
  'GET /api/merge/alias-fields': 'YYYN',
  'PUT /api/merge/configuration': 'YNNN',
  'POST /api/merge/apply': 'YNNN',
  'POST /api/merge/revoke': 'YNNN',
  'POST /api/merge/preview/email': 'YNNN',
  'GET /api/licenses/inactive': 'YYYY',
  'GET /api/licenses/inactive/summary': 'YYYY',
  'GET /api/licenses/inactive.csv': 'YYYY',
  'GET /api/explain/:what': 'YYYY',
  'GET /api/catalog': 'YYYN',
  'GET /api/tokens': 'YNNN',
  'POST /api/tokens': 'YNNN',
  'DELETE /api/tokens/:name': 'YNNN',
  'GET /api/audit': 'YNNN',
  'GET /api/members': 'YNNN',
  'POST /api/members': 'YNNN',
  'PATCH /api/members/:email': 'YNNN',
  'GET /api/overview': 'YYYN',
  'GET /api/offboarding/candidates': 'YYYN',
  'GET /api/offboarding/drift': 'YYYN',
  'GET /api/offboarding/methods': 'YYYN',
  'PUT /api/offboarding/methods': 'YYNN',
  'GET /api/offboardings': 'YYYN',
  'POST /api/offboardings': 'YYNN',
  'GET /api/offboardings/:id': 'YYYN',
  'POST /api/offboardings/:id/complete': 'YYNN',
  'POST /api/offboardings/:id/reopen': 'YYNN',
  'POST /api/offboardings/:id/tasks/:taskId/done': 'YYNN',
  'POST /api/offboardings/:id/tasks/:taskId/retry': 'YYNN',
};

const fill = (url: string) =>
  url.replace(/:(\w+)/g, (_m, name) =>
    name === 'id' ? '999' : name === 'what' ? 'app-users' : 'nothing-here',
  );
// Changing routes run after the reads, the token routes last so the tokens stay valid meanwhile.
const order = (r: { method: string; url: string }) =>
  r.method === 'GET' ? 0 : r.url.startsWith('/api/tokens') ? 2 : 1;

describe.each(lanes)('route permissions on %s', (lane) => {
  const members = {} as Record<Role, number>;
  const ctx = useTestServer(
    async ({ roster }) => {
      for (const role of roles)
        members[role] = (await ensureMember(roster, 'test', `${role}@acme.io`, role)).id;
    },
    { lane },
  );
  const protectedRoutes = () =>
    [...ctx.server.app.registeredRoutes].filter((r) => !r.public).sort((a, b) => order(a) - order(b));
  /** A fresh browser session per request: sign-out routes end the one they are called with. */
  const session = async (role: Role) =>
    `roster_session=${(await createSession(ctx.roster, members[role])).token}`;

  const call = (route: { method: string; url: string }, headers: Record<string, string>) =>
    ctx.server.app.inject({
      method: route.method as 'GET',
      url: fill(route.url),
      headers,
      ...(route.method === 'GET' ? {} : { payload: {} }),
    });

  const check = (route: { method: string; url: string }, role: Role, statusCode: number, body: string) => {
    const rule = expected[`${route.method} ${route.url}`];
    const label = `${role} ${route.method} ${route.url} → ${statusCode}`;
    if (rule?.[roles.indexOf(role)] === 'Y') {
      expect(statusCode, label).not.toBe(403);
      expect(statusCode, label).not.toBe(401);
    } else {
      expect(statusCode, label).toBe(403);
      expect(JSON.parse(body).error.code, label).toBe('forbidden');
    }
  };

  it('lists every registered route, public or not, and no other', () => {
    const registered = ctx.server.app.registeredRoutes.map((r) => `${r.method} ${r.url}`);
    expect(registered.sort()).toEqual(Object.keys(expected).sort());
    for (const route of ctx.server.app.registeredRoutes)
      expect(route.public, `${route.method} ${route.url}`).toBe(
        expected[`${route.method} ${route.url}`] === 'public',
      );
  });

  it('allows and refuses each API token role as written above', async () => {
    for (const route of protectedRoutes()) {
      for (const role of roles) {
        const response = await call(route, ctx.server.as(role));
        check(route, role, response.statusCode, response.body);
      }
    }
  });

  it('allows and refuses each signed-in member role as written above', async () => {
    for (const route of protectedRoutes()) {
      for (const role of roles) {
        const response = await call(route, { cookie: await session(role), 'x-roster-request': '1' });
        check(route, role, response.statusCode, response.body);
      }
    }
  });

  it('refuses every change from a browser session that lacks the request header', async () => {
    const changes = protectedRoutes().filter((r) => r.method !== 'GET');
    expect(changes.length).toBeGreaterThan(15);
    for (const route of changes) {
      const response = await call(route, { cookie: await session('admin') });
      const label = `${route.method} ${route.url}`;
      expect(response.statusCode, label).toBe(403);
      expect(response.json().error.message, label).toMatch(/x-roster-request/);
    }
    // The refused sign-out left the session alive: nothing was changed.
    const cookie = await session('admin');
    await call({ method: 'POST', url: '/api/session/sign-out' }, { cookie });
    expect((await ctx.server.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
  });
});
