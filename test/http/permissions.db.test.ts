import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissions } from '../../src/http/permissions.js';
import { type Access, mayAccess } from '../../src/http/principal.js';
import { testServer } from '../support/http.js';
import { openTestRoster, type TestRoster } from '../support/test-roster.js';

const roles = ['admin', 'editor', 'read-only', 'app-owner'] as const;

/** Every registered route × every role, against the one permissions map. */
describe('route permissions', () => {
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

  it('has an entry for every route, and no entry without a route', () => {
    const registered = new Set(server.app.registeredRoutes.map((r) => `${r.method} ${r.url}`));
    expect([...registered].sort()).toEqual(Object.keys(permissions).sort());
  });

  it('allows and refuses each role exactly as the map says', async () => {
    const fill = (url: string) =>
      url.replace(/:(\w+)/g, (_m, name) =>
        name === 'id' ? '999' : name === 'what' ? 'app-users' : 'nothing-here',
      );
    // Changing routes run last, the token routes at the very end so the tokens stay valid meanwhile.
    const order = (r: { method: string; url: string }) =>
      r.method === 'GET' ? 0 : r.url.startsWith('/api/tokens') ? 2 : 1;
    const routes = [...server.app.registeredRoutes]
      .filter((r) => !r.public)
      .sort((a, b) => order(a) - order(b));
    for (const route of routes) {
      const permission = permissions[`${route.method} ${route.url}`];
      for (const role of roles) {
        const response = await server.app.inject({
          method: route.method as 'GET',
          url: fill(route.url),
          headers: server.as(role),
          ...(route.method === 'GET' ? {} : { payload: {} }),
        });
        const label = `${role} ${route.method} ${route.url} → ${response.statusCode}`;
        if (mayAccess(role, permission as Access)) {
          expect(response.statusCode, label).not.toBe(403);
          expect(response.statusCode, label).not.toBe(401);
        } else {
          expect(response.statusCode, label).toBe(403);
          expect(response.json().error.code, label).toBe('forbidden');
        }
      }
    }
  });
});
