import { describe, expect, it } from 'vitest';
import { addApp } from '../../src/modules/apps/apps.service.js';
import { addSource } from '../../src/modules/sources/sources.service.js';
import { useTestServer } from '../support/http.js';
import { lanes } from '../support/test-roster.js';

type Operation = {
  parameters?: { in: string; name: string; schema: { type?: string } }[];
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
};
type Schema = { $ref?: string; type?: string; properties?: Record<string, unknown> };

for (const lane of lanes) {
  describe(`/api/v1 and the unprefixed paths (${lane})`, () => {
    const ctx = useTestServer(
      async ({ roster }) => {
        await addApp(roster, 'test', { name: 'Notion' });
        await addApp(roster, 'test', { name: 'Notion Calendar' });
        await addSource(roster, 'test', { kind: 'hr-csv', name: 'People HR', config: { file: 'hr.csv' } });
      },
      { lane },
    );
    const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH', url: string, payload?: unknown) =>
      ctx.server.app.inject({
        method,
        url,
        headers: { ...ctx.server.as('admin'), 'x-roster-request': '1' },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    const appId = async (name: string) => {
      const found = (await call('GET', `/api/v1/apps?name=${encodeURIComponent(name)}`)).json();
      expect(found.items).toHaveLength(1);
      return found.items[0].id as number;
    };

    it('serves the same answer under /api/v1; the unprefixed path is marked deprecated with its successor', async () => {
      const versioned = await call('GET', '/api/v1/apps?limit=10');
      const unprefixed = await call('GET', '/api/apps?limit=10');
      expect(versioned.statusCode).toBe(200);
      expect(unprefixed.json()).toEqual(versioned.json());
      expect(versioned.headers.deprecation).toBeUndefined();
      expect(unprefixed.headers.deprecation).toMatch(/^@\d+$/);
      expect(unprefixed.headers.link).toBe('</api/v1/apps>; rel="successor-version"');
      // Not an API operation: no versioned form, nothing deprecated.
      expect((await call('GET', '/healthz')).headers.deprecation).toBeUndefined();
    });

    it('asks for authentication before anything else under /api/v1', async () => {
      const response = await ctx.server.app.inject({ url: '/api/v1/apps/Notion' });
      expect(response.statusCode).toBe(401);
    });

    it('takes ids in /api/v1 paths and answers a name with the filter to use, naming the field', async () => {
      const id = await appId('notion');
      const byId = await call('GET', `/api/v1/apps/${id}`);
      expect(byId.statusCode).toBe(200);
      expect(byId.json().name).toBe('Notion');

      const byName = await call('GET', '/api/v1/apps/Notion');
      expect(byName.statusCode).toBe(400);
      const error = byName.json().error;
      expect(error.code).toBe('invalid_input');
      expect(error.details).toEqual([
        { field: 'path.ref', message: '"Notion" is not an id: find it with GET /api/v1/apps?name=…' },
      ]);
      // A change through a name under /api/v1 is refused before anything is applied.
      const patch = await call('PATCH', '/api/v1/apps/Notion', { inactivityDays: 30 });
      expect(patch.statusCode).toBe(400);
      expect((await call('GET', `/api/v1/apps/${id}`)).json().inactivityDays).toBeNull();

      // The unprefixed alias keeps taking names for this release.
      expect((await call('GET', '/api/apps/Notion')).json().id).toBe(id);
    });

    it('finds by exact name (any case) in the list filters, not by substring', async () => {
      const notion = await call('GET', '/api/v1/apps?name=NOTION');
      expect(notion.json().items.map((a: { name: string }) => a.name)).toEqual(['Notion']);
      expect((await call('GET', '/api/v1/apps?name=Notio')).json().items).toEqual([]);

      const sources = (await call('GET', '/api/v1/sources?name=people%20hr')).json();
      expect(sources.items.map((s: { name: string }) => s.name)).toEqual(['People HR']);
      expect(sources.nextCursor).toBeNull();
      const sourceId = sources.items[0].id;
      expect((await call('GET', `/api/v1/sources/${sourceId}`)).json().name).toBe('People HR');
      expect((await call('GET', '/api/v1/sources/People%20HR')).statusCode).toBe(400);
    });

    it('revokes a token by id under /api/v1 and by name on the unprefixed path', async () => {
      const created = (
        await call('POST', '/api/v1/tokens', { name: 'nightly export', role: 'read-only' })
      ).json();
      const listed = (await call('GET', '/api/v1/tokens?name=Nightly%20Export')).json();
      expect(listed.items.map((t: { id: number }) => t.id)).toEqual([created.id]);
      expect((await call('DELETE', '/api/v1/tokens/nightly%20export')).statusCode).toBe(400);
      expect((await call('DELETE', `/api/v1/tokens/${created.id}`)).statusCode).toBe(204);
      expect((await call('GET', '/api/v1/tokens?name=nightly%20export')).json().items).toEqual([]);
      expect(
        (
          await ctx.server.app.inject({
            url: '/api/v1/apps',
            headers: { authorization: `Bearer ${created.token}` },
          })
        ).statusCode,
      ).toBe(401);

      const other = (await call('POST', '/api/tokens', { name: 'legacy', role: 'read-only' })).json();
      expect((await call('DELETE', '/api/tokens/legacy')).statusCode).toBe(204);
      expect(
        (await call('GET', '/api/v1/tokens')).json().items.map((t: { id: number }) => t.id),
      ).not.toContain(other.id);
    });

    it('finds a workflow by name and addresses it by id', async () => {
      const document = {
        name: 'Offboard leavers',
        trigger: { type: 'matches', entity: 'person' },
        conditions: { all: [{ field: 'person.status', op: 'equals', value: 'past' }] },
        actions: [{ id: 'start', type: 'offboarding.start' }],
      };
      expect((await call('POST', '/api/v1/workflows', document)).statusCode).toBe(201);
      const found = (await call('GET', '/api/v1/workflows?name=offboard%20leavers')).json();
      expect(found.items).toHaveLength(1);
      const shown = await call('GET', `/api/v1/workflows/${found.items[0].id}`);
      expect(shown.json().name).toBe('Offboard leavers');
      expect((await call('GET', '/api/v1/workflows/Offboard%20leavers')).statusCode).toBe(400);
    });

    it('links a sync started under /api/v1 to its run under /api/v1', async () => {
      const sourceId = (await call('GET', '/api/v1/sources?name=People%20HR')).json().items[0].id;
      const started = await call('POST', `/api/v1/sources/${sourceId}/sync`);
      expect(started.statusCode).toBe(202);
      expect(started.headers.location).toMatch(/^\/api\/v1\/sync-runs\/\d+$/);
      expect((await call('GET', String(started.headers.location))).statusCode).toBe(200);
    });

    it('documents only /api/v1 paths, ids as integers, and one envelope for every list', async () => {
      const doc = (await call('GET', '/api/openapi.json')).json();
      const paths = Object.keys(doc.paths);
      expect(paths.filter((p) => p.startsWith('/api/') && !p.startsWith('/api/v1/'))).toEqual([]);
      expect(paths.filter((p) => /\{(ref|app|name)\}/.test(p))).toEqual([]);
      const idParameter = (doc.paths['/api/v1/apps/{id}'].get as Operation).parameters?.find(
        (p) => p.in === 'path',
      );
      expect(idParameter).toMatchObject({ name: 'id', schema: { type: 'integer' } });

      const resolve = (schema: Schema): Schema =>
        schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop() ?? ''] : schema;
      const lists: string[] = [];
      for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
        const schema = item.get?.responses['200']?.content?.['application/json']?.schema;
        if (!schema) continue;
        const body = resolve(schema);
        expect(body.type, `GET ${path} answers an object`).toBe('object');
        if (!body.properties?.items) continue;
        lists.push(path);
        expect(Object.keys(body.properties), `GET ${path}`).toEqual(
          expect.arrayContaining(['items', 'nextCursor']),
        );
      }
      expect(lists).toEqual(
        expect.arrayContaining(['/api/v1/source-kinds', '/api/v1/tokens', '/api/v1/catalog']),
      );
    });

    it('pages the catalog with a cursor like every other list', async () => {
      const first = (await call('GET', '/api/v1/catalog?limit=2')).json();
      expect(first.items).toHaveLength(2);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = (await call('GET', `/api/v1/catalog?limit=2&cursor=${first.nextCursor}`)).json();
      const all = (await call('GET', '/api/v1/catalog?limit=4')).json();
      expect([...first.items, ...second.items]).toEqual(all.items);
    });
  });
}
