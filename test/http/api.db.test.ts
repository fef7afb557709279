import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renameableParams, versionedPath } from '../../src/http/api-version.js';
import { permissions } from '../../src/http/permissions.js';
import { testServer } from '../support/http.js';
import { lanes, openTestRoster, type TestRoster } from '../support/test-roster.js';

type Operation = {
  operationId: string;
  tags?: string[];
  security?: unknown[];
  // biome-ignore lint/suspicious/noExplicitAny: the document is JSON read back
  responses: Record<string, any>;
};

/** `/api/apps/:ref` → `/api/v1/apps/{id}`: how the document shows a route (ids in the versioned paths). */
const documentedPath = (url: string) => {
  const path = url.replace(/:(\w+)/g, '{$1}');
  const versioned = versionedPath(path);
  if (versioned === path) return path;
  return versioned.replace(/\{(\w+)\}/g, (whole, name) => (renameableParams.includes(name) ? '{id}' : whole));
};

const csv = (rows: string[]) => `email,name,status,role,license_types,last_used_at\n${rows.join('\n')}\n`;

describe.each(lanes)('HTTP API on %s', (lane) => {
  let roster: TestRoster;
  let server: Awaited<ReturnType<typeof testServer>>;

  beforeAll(async () => {
    roster = await openTestRoster(lane, { ROSTER_MAX_UPLOAD_BYTES: '20000' });
    server = await testServer(roster);
  });
  afterAll(async () => {
    await server.app.close();
    await roster.close();
  });

  const fill = (url: string) => url.replace(/:(\w+)/g, (_m, name) => (name === 'id' ? '1' : 'x'));

  it('answers 401 on every registered route without credentials', async () => {
    const routes = server.app.registeredRoutes;
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      // Routes that check a one-time token themselves get a well-formed but wrong one.
      const wrongToken = 'rsu_not-a-real-one-time-token';
      const url = fill(route.url) + (route.public && route.method === 'GET' ? `?token=${wrongToken}` : '');
      const publicBodies: Record<string, object> = {
        '/api/setup': { token: wrongToken, email: 'a@acme.io' },
        '/api/session/password': { token: wrongToken, password: 'a-long-enough-password' },
        '/api/session/sign-in': { email: 'nobody@acme.io', password: 'wrong-password' },
        '/auth/link': { token: wrongToken },
        '/offboarding/confirm': { token: wrongToken },
      };
      const payload = route.method === 'GET' ? undefined : route.public ? publicBodies[route.url] : {};
      const response = await server.app.inject({ method: route.method as 'GET', url, payload });
      if (permissions[`${route.method} ${route.url}`] === 'console') {
        // The console's page loads before sign-in and carries no data: every figure comes from the API.
        expect(response.statusCode, route.url).toBe(200);
        expect(response.headers['content-type'], route.url).toMatch(/^text\/(html|plain)/);
        continue;
      }
      if (permissions[`${route.method} ${route.url}`] === 'probe') {
        // Health probes answer load balancers, which carry no token: up (200) or not ready (503), no data.
        expect([200, 503], route.url).toContain(response.statusCode);
        expect(Object.keys(response.json()).sort(), route.url).toEqual(
          route.url === '/healthz' ? ['status'] : ['checks', 'notReady', 'status'],
        );
        continue;
      }
      if (permissions[`${route.method} ${route.url}`] === 'api-reference') {
        // The API reference's page and files hold no data; the document it loads needs access (checked below).
        // (The files' wildcard route is asked for a file that is not there.)
        expect(route.url.endsWith('*') ? [404] : [200, 302], route.url).toContain(response.statusCode);
        expect(response.headers['set-cookie'], route.url).toBeUndefined();
        continue;
      }
      if (route.url.startsWith('/extension/connect') && route.url !== '/extension/connect/link') {
        // The extension's connect pages need the return address the extension opens them with: refused here.
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(400);
        expect(response.headers['set-cookie'], route.url).toBeUndefined();
        expect(response.headers.location, route.url).toBeUndefined();
        continue;
      }
      if (route.url === '/extension/connect/link') {
        // A connect link's page only shows its button; the POST refuses a link that is none.
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(route.method === 'GET' ? 200 : 400);
        expect(response.headers.location, route.url).toBeUndefined();
        continue;
      }
      if (route.method === 'GET' && (route.url === '/auth/link' || route.url === '/offboarding/confirm')) {
        // A one-time link's page: only its button (the POST, checked below) uses the token.
        expect(response.statusCode, route.url).toBe(200);
        expect(response.headers['set-cookie'], route.url).toBeUndefined();
        continue;
      }
      if (route.url.startsWith('/auth/oidc/')) {
        // Single sign-on needs no credentials and returns no data: a redirect, or "not configured" here.
        expect([302, 404], route.url).toContain(response.statusCode);
        continue;
      }
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.json().error.code, `${route.method} ${route.url}`).toBe('unauthenticated');
    }
  });

  it('answers 401 for an unknown, revoked or malformed token', async () => {
    for (const authorization of ['Bearer rst_nope', 'Basic abc', 'Bearer']) {
      const response = await server.app.inject({ url: '/api/apps', headers: { authorization } });
      expect(response.statusCode).toBe(401);
    }
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: server.as('admin'),
      payload: { name: 'short-lived' },
    });
    const { token } = created.json();
    expect(
      (await server.app.inject({ url: '/api/apps', headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await server.app.inject({
          method: 'DELETE',
          url: '/api/tokens/short-lived',
          headers: server.as('admin'),
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await server.app.inject({ url: '/api/apps', headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(401);
  });

  it('documents every route in OpenAPI 3.1 with its security requirement', async () => {
    const response = await server.app.inject({ url: '/api/openapi.json', headers: server.as('read-only') });
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.security).toEqual([{ bearerToken: [] }, { sessionCookie: [] }]);
    for (const route of server.app.registeredRoutes.filter(
      (r) =>
        r.url.startsWith('/api/') &&
        r.url !== '/api/openapi.json' &&
        // The reference's own page, files and copy of this document are not operations of the API.
        !r.url.startsWith('/api/docs'),
    )) {
      const path = documentedPath(route.url);
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
    // Every operation: a unique id, a tag, the error shape on its errors; public ones say they need nothing.
    const ids = new Set<string>();
    const publicRoutes = new Set(
      server.app.registeredRoutes.filter((r) => r.public).map((r) => `${r.method} ${documentedPath(r.url)}`),
    );
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
      for (const [method, operation] of Object.entries(item)) {
        const where = `${method} ${path}`;
        expect(operation.operationId, where).toMatch(/^[a-z]+[A-Za-z0-9]*$/);
        expect(ids.has(operation.operationId), where).toBe(false);
        ids.add(operation.operationId);
        expect(operation.tags?.length, where).toBe(1);
        expect(operation.responses.default?.content['application/json'].schema, where).toEqual({
          $ref: '#/components/schemas/Error',
        });
        if (publicRoutes.has(`${method.toUpperCase()} ${path}`))
          expect(operation.security, where).toEqual([]);
        else expect(operation.responses['401'], where).toBeDefined();
      }
    }
    expect(doc.components.schemas.Error.properties.error).toBeDefined();
    expect(doc.paths['/api/v1/licenses/inactive.csv'].get.responses['200'].content['text/csv']).toBeDefined();
    expect(doc.paths['/api/v1/imports/csv'].post.requestBody.content['text/csv']).toBeDefined();
    expect(doc.paths['/api/v1/apps/{id}'].get.operationId).toBe('getAppsById');
  });

  it('lets read-only tokens read but not change anything', async () => {
    expect(
      (await server.app.inject({ url: '/api/sources', headers: server.as('read-only') })).statusCode,
    ).toBe(200);
    const attempt = await server.app.inject({
      method: 'POST',
      url: '/api/apps',
      headers: server.as('read-only'),
      payload: { name: 'Nope' },
    });
    expect(attempt.statusCode).toBe(403);
    expect(attempt.json().error.code).toBe('forbidden');
    const tokens = await server.app.inject({ url: '/api/tokens', headers: server.as('editor') });
    expect(tokens.statusCode).toBe(403);
  });

  it('imports a CSV and finds users by any email or name, page by page', async () => {
    const body = csv([
      'Zed@Acme.io,Zed Zulu,active,,Pro,2026-11-01',
      'amy@acme.io,Amy Able,active,,,',
      'bob@acme.io,,suspended,,,',
    ]);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/imports/csv?app=Slack',
      headers: { ...server.as('editor'), 'content-type': 'text/csv' },
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'succeeded', counters: { added: 3 } });

    const byName = await server.app.inject({
      url: '/api/users?search=zulu',
      headers: server.as('read-only'),
    });
    expect(byName.json().items.map((u: { email: string }) => u.email)).toEqual(['zed@acme.io']);
    const byEmail = await server.app.inject({
      url: '/api/users?search=AMY@',
      headers: server.as('read-only'),
    });
    expect(byEmail.json().items.map((u: { email: string }) => u.email)).toEqual(['amy@acme.io']);

    const first = (
      await server.app.inject({ url: '/api/users?limit=2', headers: server.as('read-only') })
    ).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await server.app.inject({
        url: `/api/users?limit=2&cursor=${first.nextCursor}`,
        headers: server.as('read-only'),
      })
    ).json();
    expect([...first.items, ...second.items].map((u: { email: string }) => u.email)).toEqual([
      'amy@acme.io',
      'bob@acme.io',
      'zed@acme.io',
    ]);
    expect(second.nextCursor).toBeNull();

    const user = await server.app.inject({ url: '/api/users/ZED@acme.io', headers: server.as('read-only') });
    expect(user.json().accounts[0]).toMatchObject({
      app: 'Slack',
      nameInApp: 'Zed Zulu',
      licenseTypes: ['Pro'],
    });
  });

  it('rejects a CSV with bad rows whole, with row-numbered details in the one error shape', async () => {
    const before = (
      await server.app.inject({ url: '/api/apps/slack', headers: server.as('read-only') })
    ).json();
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/imports/csv?app=Slack',
      headers: { ...server.as('editor'), 'content-type': 'text/csv' },
      payload: csv([
        'new@acme.io,New,active,,,',
        'broken,Bad,active,,,',
        'late@acme.io,,active,,,31/12/2026',
      ]),
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error).toMatchObject({ code: 'invalid_input', requestId: expect.any(String) });
    expect(error.details).toEqual(
      expect.arrayContaining([
        { row: 3, field: 'email', message: expect.any(String) },
        { row: 4, field: 'last_used_at', message: expect.any(String) },
      ]),
    );
    const after = (
      await server.app.inject({ url: '/api/apps/slack', headers: server.as('read-only') })
    ).json();
    expect(after.accounts).toEqual(before.accounts);
  });

  it('answers 413 for a body over the configured limit and 400 for unknown fields', async () => {
    const big = csv(Array.from({ length: 1000 }, (_, i) => `user${i}@acme.io,,active,,,`));
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/imports/csv?app=Slack',
      headers: { ...server.as('editor'), 'content-type': 'text/csv' },
      payload: big,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
    const unknown = await server.app.inject({
      method: 'POST',
      url: '/api/apps',
      headers: server.as('admin'),
      payload: { name: 'X', colour: 'red' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('invalid_input');
  });

  it('stores injection attempts as plain text', async () => {
    const name = `Robert'); drop table users;-- <script>alert(1)</script>`;
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/apps',
      headers: server.as('admin'),
      payload: { name },
    });
    expect(created.statusCode).toBe(201);
    const found = await server.app.inject({
      url: `/api/apps?search=${encodeURIComponent("'); drop")}`,
      headers: server.as('read-only'),
    });
    expect(found.json().items.map((a: { name: string }) => a.name)).toEqual([name]);
    const percent = await server.app.inject({ url: '/api/apps?search=%25', headers: server.as('read-only') });
    expect(percent.json().items).toEqual([]);
  });

  it('answers unknown apps and sources with 404 and an unknown import app with 400', async () => {
    expect(
      (await server.app.inject({ url: '/api/apps/nothing-here', headers: server.as('admin') })).statusCode,
    ).toBe(404);
    expect(
      (await server.app.inject({ url: '/api/sources/nothing-here', headers: server.as('admin') })).statusCode,
    ).toBe(404);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/imports/custom?app=Definitely%20Not%20An%20App',
      headers: server.as('admin'),
      payload: { users: [] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('app');
  });
});
