import { describe, expect, it } from 'vitest';
import type { MemberRole, Role } from '../../src/db/schema.js';
import { createSession, ensureMember } from '../../src/modules/auth/auth.repo.js';
import { issueExtensionToken } from '../../src/modules/extension/extension-tokens.js';
import { updateSettings } from '../../src/modules/settings/settings.service.js';
import { useTestServer } from '../support/http.js';
import { lanes } from '../support/test-roster.js';

const roles = ['admin', 'editor', 'read-only', 'app-owner', 'metrics'] as const;
/** Members sign in with these; `metrics` is a token-only role. */
const memberRoles = ['admin', 'editor', 'read-only', 'app-owner'] as const;

/**
 * Who may call each route, written out by hand (not read from src/http/permissions.ts, so a wrong entry
 * there fails this test). Columns: admin, editor, read-only, app-owner, metrics (tokens only); Y allowed,
 * N refused (403). `public`: the route authenticates its caller itself, is the console's files, or is a
 * health probe.
 */
type YN = 'Y' | 'N';
const expected: Record<string, 'public' | 'extension' | `${YN}${YN}${YN}${YN}${YN}`> = {
  // The browser extension's routes take an extension token and nothing else (below).
  'POST /api/extension/events': 'extension',
  'GET /api/extension/config': 'extension',
  'POST /api/extension/enroll': 'extension',
  'GET /extension/connect': 'public',
  'POST /extension/connect/email': 'public',
  'GET /extension/connect/link': 'public',
  'POST /extension/connect/link': 'public',
  'GET /extension/connect/sso': 'public',
  'GET /api/extension/status': 'YYYNN',
  'POST /api/extension/remind': 'YNNNN',
  'GET /api/extension/tokens': 'YNNNN',
  'POST /api/extension/tokens': 'YNNNN',
  'DELETE /api/extension/tokens/:id': 'YNNNN',
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
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /api/docs': 'public',
  'GET /api/docs/static/index.html': 'public',
  'GET /api/docs/static/swagger-initializer.js': 'public',
  'GET /api/docs/static/*': 'public',
  //                                     admin editor read-only app-owner metrics
  'GET /metrics': 'YNNNY',
  'GET /api/me': 'YYYYN',
  'POST /api/session/sign-out': 'YYYYN',
  'POST /api/session/sign-out-everywhere': 'YYYYN',
  'GET /api/openapi.json': 'YYYNN',
  'GET /api/docs/json': 'YYYNN',
  'GET /api/docs/yaml': 'YYYNN',
  'GET /api/settings': 'YYYNN',
  'PATCH /api/settings': 'YNNNN',
  'GET /api/backup': 'YNNNN',
  'GET /api/employees/source': 'YYYNN',
  'PUT /api/employees/source': 'YNNNN',
  'GET /api/source-kinds': 'YYYNN',
  'GET /api/sources': 'YYYNN',
  'POST /api/sources': 'YYNNN',
  'GET /api/sources/:ref': 'YYYNN',
  'DELETE /api/sources/:ref': 'YYNNN',
  'POST /api/sources/:ref/sync': 'YYNNN',
  'PUT /api/sources/:ref/removal-threshold': 'YYNNN',
  'POST /api/sources/:ref/held-run/confirm': 'YYNNN',
  'POST /api/sources/:ref/held-run/discard': 'YYNNN',
  'POST /api/imports/csv': 'YYNNN',
  'POST /api/imports/custom': 'YYNNN',
  'POST /api/imports/expenses': 'YYNNN',
  'POST /api/expenses/lines': 'YYNNN',
  'GET /api/expenses/sources/:ref/accounts': 'YYYNN',
  'POST /api/expenses/sources/:ref/accounts/exclude': 'YNNNN',
  'POST /api/expenses/sources/:ref/accounts/include': 'YNNNN',
  'POST /api/expenses/rates': 'YNNNN',
  'GET /api/sync-runs': 'YYYNN',
  'GET /api/sync-runs/:id': 'YYYNN',
  'GET /api/apps': 'YYYYN',
  'GET /api/apps.csv': 'YYYYN',
  'POST /api/apps': 'YYNNN',
  'GET /api/apps/:ref': 'YYYYN',
  'PATCH /api/apps/:ref': 'YYNNN',
  'PUT /api/apps/:ref/owners': 'YYNNN',
  'PUT /api/apps/:ref/domains': 'YYNNN',
  'GET /api/apps/:ref/users.csv': 'YYYYN',
  'GET /api/users': 'YYYNN',
  'GET /api/users.csv': 'YYYNN',
  'GET /api/users/:email': 'YYYNN',
  'GET /api/merge/preview': 'YYYNN',
  'GET /api/merge/preview.csv': 'YYYNN',
  'GET /api/merge/alias-fields': 'YYYNN',
  'PUT /api/merge/configuration': 'YNNNN',
  'POST /api/merge/apply': 'YNNNN',
  'POST /api/merge/revoke': 'YNNNN',
  'POST /api/merge/preview/email': 'YNNNN',
  'GET /api/licenses/inactive': 'YYYYN',
  'GET /api/licenses/inactive/summary': 'YYYYN',
  'GET /api/licenses/inactive.csv': 'YYYYN',
  'GET /api/explain/:what': 'YYYYN',
  'GET /api/catalog': 'YYYNN',
  'GET /api/expenses/rules': 'YYYNN',
  'POST /api/expenses/rules': 'YYNNN',
  'DELETE /api/expenses/rules/:id': 'YYNNN',
  'POST /api/expenses/rules/test': 'YYYNN',
  'PUT /api/expenses/lines/:id/app': 'YYNNN',
  'GET /api/tokens': 'YNNNN',
  'POST /api/tokens': 'YNNNN',
  'DELETE /api/tokens/:name': 'YNNNN',
  'GET /api/audit': 'YNNNN',
  'GET /api/audit.csv': 'YNNNN',
  'GET /api/members': 'YNNNN',
  'POST /api/members': 'YNNNN',
  'PATCH /api/members/:email': 'YNNNN',
  'POST /api/members/:email/sign-in-link': 'YNNNN',
  'POST /api/members/:email/password-link': 'YNNNN',
  'GET /api/overview': 'YYYNN',
  'GET /api/expenses/summary': 'YYYNN',
  'GET /api/expenses/apps/:app': 'YYYYN',
  'GET /api/expenses/lines': 'YYYNN',
  'GET /api/expenses/lines.csv': 'YYYNN',
  'PATCH /api/sources/:ref': 'YYNNN',
  'GET /api/offboarding/candidates': 'YYYNN',
  'GET /api/offboarding/drift': 'YYYNN',
  'GET /api/offboarding/methods': 'YYYNN',
  'PUT /api/offboarding/methods': 'YYNNN',
  'GET /api/offboardings': 'YYYNN',
  'POST /api/offboardings': 'YYNNN',
  'GET /api/offboardings/:id': 'YYYNN',
  'GET /api/offboardings/:id/task': 'YYYNN',
  'POST /api/offboardings/:id/complete': 'YYNNN',
  'POST /api/offboardings/:id/reopen': 'YYNNN',
  'POST /api/offboardings/:id/tasks/:taskId/done': 'YYNNN',
  'POST /api/offboardings/:id/tasks/:taskId/retry': 'YYNNN',
  'GET /api/workflows/schema': 'YYYNN',
  'GET /api/workflows/fields': 'YYYNN',
  'GET /api/workflows': 'YYYNN',
  'POST /api/workflows': 'YNNNN',
  'GET /api/workflows/:ref': 'YYYNN',
  'PUT /api/workflows/:ref': 'YNNNN',
  'GET /api/workflows/:ref/versions': 'YYYNN',
  'POST /api/workflows/:ref/enable': 'YNNNN',
  'POST /api/workflows/:ref/disable': 'YNNNN',
  'GET /api/workflows/:ref/runs': 'YYYNN',
  'GET /api/workflows/:ref/test': 'YYYNN',
  'POST /api/workflow-runs/:id/retry': 'YYNNN',
  'GET /api/workflow-credentials': 'YNNNN',
  'PUT /api/workflow-credentials/:type': 'YNNNN',
};

const fill = (url: string) =>
  url.replace(/:(\w+)/g, (_m, name) =>
    name === 'id' ? '999' : name === 'what' ? 'app-users' : 'nothing-here',
  );
// Changing routes run after the reads, the token routes last so the tokens stay valid meanwhile.
const order = (r: { method: string; url: string }) =>
  r.method === 'GET' ? 0 : r.url.startsWith('/api/tokens') ? 2 : 1;

describe.each(lanes)('route permissions on %s', (lane) => {
  const members = {} as Record<MemberRole, number>;
  const ctx = useTestServer(
    async ({ roster }) => {
      for (const role of memberRoles)
        members[role] = (await ensureMember(roster, 'test', `${role}@acme.io`, role)).id;
      await updateSettings(roster, 'test', { domains: ['acme.io'] });
    },
    { lane },
  );
  const protectedRoutes = () =>
    [...ctx.server.app.registeredRoutes].filter((r) => !r.public).sort((a, b) => order(a) - order(b));
  /** A fresh browser session per request: sign-out routes end the one they are called with. */
  const session = async (role: MemberRole) =>
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
        ['public', 'extension'].includes(expected[`${route.method} ${route.url}`] ?? ''),
      );
  });

  it('opens the extension routes to extension tokens only, and nothing else to them', async () => {
    const extensionRoutes = ctx.server.app.registeredRoutes.filter(
      (r) => expected[`${r.method} ${r.url}`] === 'extension',
    );
    expect(extensionRoutes.length).toBe(3);
    for (const route of extensionRoutes) {
      for (const role of roles) {
        const response = await call(route, ctx.server.as(role));
        expect(response.statusCode, `${role} ${route.method} ${route.url}`).toBe(401);
      }
      const response = await call(route, { cookie: await session('admin'), 'x-roster-request': '1' });
      expect(response.statusCode, `session ${route.method} ${route.url}`).toBe(401);
    }
    const { token } = await issueExtensionToken(ctx.roster, 'test', {
      kind: 'reporting',
      email: 'ann@acme.io',
      via: 'admin',
    });
    const config = await call(
      { method: 'GET', url: '/api/extension/config' },
      { authorization: `Bearer ${token}` },
    );
    expect(config.statusCode).toBe(200);
    for (const route of protectedRoutes()) {
      const response = await call(route, { authorization: `Bearer ${token}` });
      expect(response.statusCode, `extension token ${route.method} ${route.url}`).toBe(403);
    }
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
      for (const role of memberRoles) {
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
