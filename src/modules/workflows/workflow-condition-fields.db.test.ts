import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../../test/support/http.js';
import { lanes } from '../../../test/support/test-roster.js';

describe.each(lanes)('GET /api/workflows/fields on %s', (lane) => {
  const ctx = useTestServer(
    async ({ roster }) => {
      await roster.database.db
        .insertInto('sources')
        .values({ kind: 'scripted', name: 'HR', config: JSON.stringify({ fields: ['cost_center'] }) })
        .execute();
    },
    { lane },
  );

  it('lists the fixed fields, the extra HR fields a source syncs, and what each entity can read', async () => {
    const response = await ctx.server.app.inject({
      method: 'GET',
      url: '/api/workflows/fields',
      headers: ctx.server.as('read-only'),
    });
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      items: { name: string; type: string; description: string }[];
      readable: Record<string, string[]>;
    };
    expect(body.items).toContainEqual({
      name: 'account.last_used_at',
      type: 'date',
      description: 'The last use any source reported',
    });
    expect(body.items).toContainEqual(
      expect.objectContaining({ name: 'person.fields.cost_center', type: 'text' }),
    );
    expect(body.readable.account).toEqual(['account', 'person', 'app']);
    expect(body.readable.person).toEqual(['person']);
  });

  it('is refused without a token', async () => {
    const response = await ctx.server.app.inject({ method: 'GET', url: '/api/workflows/fields' });
    expect(response.statusCode).toBe(401);
  });
});
