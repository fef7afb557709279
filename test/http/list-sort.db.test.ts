import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/http.js';
import { listOrder } from '../support/list-order.js';

const csv = (rows: string[]) => `email,name,status,role,license_types,last_used_at\n${rows.join('\n')}\n`;

describe('The sort parameter of the API lists', () => {
  const ctx = useTestServer(async ({ server }) => {
    // Three apps with 3, 1 and 2 users.
    for (const [app, emails] of [
      ['Asana', ['amy@acme.io', 'bob@acme.io', 'cat@acme.io']],
      ['Box', ['amy@acme.io']],
      ['Coda', ['bob@acme.io', 'cat@acme.io']],
    ] as const) {
      const response = await server.app.inject({
        method: 'POST',
        url: `/api/imports/csv?app=${app}`,
        headers: { ...server.as('editor'), 'content-type': 'text/csv' },
        payload: csv(emails.map((e) => `${e},,active,,,`)),
      });
      expect(response.statusCode, response.body).toBe(200);
    }
  });
  const get = (url: string) => ctx.server.app.inject({ url, headers: ctx.server.as('read-only') });

  it('orders apps and people by the field, "-" first for descending, page after page', async () => {
    const all = (await get('/api/apps')).json().items as { name: string; id: number; users: number }[];
    expect(all.map((a) => a.users)).toEqual([3, 1, 2]);
    const first = (await get('/api/apps?sort=-users&limit=2')).json();
    const second = (await get(`/api/apps?sort=-users&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items]).toEqual(
      [...all].sort(listOrder((a) => a.users, true, [(a) => a.name.toLowerCase(), (a) => a.id])),
    );
    const people = (await get('/api/users?sort=-apps&search=acme')).json();
    expect(people.items.map((u: { email: string; apps: number }) => `${u.email} ${u.apps}`)).toEqual([
      'amy@acme.io 2',
      'bob@acme.io 2',
      'cat@acme.io 2',
    ]);
    expect(people.total).toBe(3);
  });

  it('answers 400 naming sort for a field it cannot sort by', async () => {
    for (const url of [
      '/api/apps?sort=sources',
      '/api/apps?sort=--users',
      '/api/users?sort=-additionalEmails',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(
        response.json().error.details.map((d: { field: string }) => d.field),
        url,
      ).toEqual(['querystring.sort']);
    }
  });

  it('answers 400 naming cursor for a cursor made for another sort', async () => {
    for (const [list, made, used] of [
      ['apps', 'users', '-users'],
      ['users', 'apps', 'email'],
    ] as const) {
      const page = (await get(`/api/${list}?sort=${made}&limit=1`)).json();
      expect(page.nextCursor, list).toEqual(expect.any(String));
      const response = await get(`/api/${list}?sort=${used}&limit=1&cursor=${page.nextCursor}`);
      expect(response.statusCode, list).toBe(400);
      expect(
        response.json().error.details.map((d: { field: string }) => d.field),
        list,
      ).toEqual(['cursor']);
    }
  });

  it('documents the sort fields in OpenAPI', async () => {
    const doc = (await get('/api/openapi.json')).json();
    const sortOf = (path: string) =>
      doc.paths[path].get.parameters.find((p: { name: string }) => p.name === 'sort').schema.enum;
    expect(sortOf('/api/v1/apps')).toContain('-activeAccounts');
    expect(sortOf('/api/v1/users')).toContain('-annualCost');
  });
});
