import { describe, expect, it } from 'vitest';
import { permissions } from '../../src/http/permissions.js';
import { type Access, mayAccess } from '../../src/http/principal.js';
import { useTestServer } from '../support/http.js';

const roles = ['admin', 'editor', 'read-only', 'app-owner'] as const;

/** Every registered route × every role, against the one permissions map. */
describe('route permissions', () => {
  const ctx = useTestServer();

  it('has an entry for every route, and no entry without a route', () => {
    const registered = new Set(ctx.server.app.registeredRoutes.map((r) => `${r.method} ${r.url}`));
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
    const routes = [...ctx.server.app.registeredRoutes]
      .filter((r) => !r.public)
      .sort((a, b) => order(a) - order(b));
    for (const route of routes) {
      const permission = permissions[`${route.method} ${route.url}`];
      for (const role of roles) {
        const response = await ctx.server.app.inject({
          method: route.method as 'GET',
          url: fill(route.url),
          headers: ctx.server.as(role),
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
