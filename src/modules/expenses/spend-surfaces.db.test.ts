import { describe, expect, it } from 'vitest';
import { insertExpenseLines, insertExpenseSource } from '../../../test/support/expense-figures-lines.js';
import { useTestServer } from '../../../test/support/http.js';
import { lanes } from '../../../test/support/test-roster.js';

describe.each(lanes)('spend on the Overview and on a person on %s', (lane) => {
  const ctx = useTestServer(
    async ({ roster }) => {
      const { db } = roster.database;
      const card = await insertExpenseSource(roster, 'Card');
      const ann = await db
        .insertInto('users')
        .values({ email: 'ann@acme.io', domain: 'acme.io' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const alias = await db
        .insertInto('users')
        .values({ email: 'ann.lee@acme.io', domain: 'acme.io' })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Merge Users linked Ann's second address to her.
      await db
        .insertInto('person_links')
        .values({
          user_id: alias.id,
          primary_user_id: ann.id,
          source_id: card,
          field: 'proxyAddresses',
          raw_value: 'smtp:ann.lee@acme.io',
        })
        .execute();
      await db.insertInto('users').values({ email: 'bob@acme.io', domain: 'acme.io' }).execute();
      await insertExpenseLines(roster, [
        {
          source: card,
          date: '2026-01-01',
          amount: 100,
          vendor: 'FIGMA',
          app: 'Figma',
          email: 'ann@acme.io',
        },
        { source: card, date: '2026-01-15', amount: 50, vendor: 'TAXI 42', email: 'Ann.Lee@acme.io' },
        // Not hers to count: a duplicate, and someone else's line.
        {
          source: card,
          date: '2026-01-20',
          amount: 100,
          vendor: 'FIGMA',
          app: 'Figma',
          email: 'ann.lee@acme.io',
          duplicateOf: 1,
        },
        {
          source: card,
          date: '2026-01-31',
          amount: 215,
          vendor: 'NOTION',
          app: 'Notion',
          email: 'bob@acme.io',
        },
      ]);
    },
    { lane },
  );

  it('shows the annual spend on the Overview beside the license cost', async () => {
    const response = await ctx.server.app.inject({
      url: '/api/overview',
      headers: ctx.server.as('read-only'),
    });
    // 365 over 31 days, scaled to a year.
    expect(response.json()).toMatchObject({
      spend: 4297.58,
      spendFrom: 'extrapolated',
      currency: 'USD',
      annualLicenseCost: null,
    });
  });

  it("counts a person's spend across every email merged into them, apart from their license cost", async () => {
    for (const email of ['ann@acme.io', 'ann.lee@acme.io']) {
      const response = await ctx.server.app.inject({
        url: `/api/users/${email}`,
        headers: ctx.server.as('read-only'),
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        email: 'ann@acme.io',
        annualCost: null,
        expenseSpend: {
          total: 150,
          lines: 2,
          annualisedFrom: 'extrapolated',
          apps: [
            { app: 'Figma', total: 100, lines: 1 },
            { app: null, total: 50, lines: 1 },
          ],
        },
      });
    }
    const bob = await ctx.server.app.inject({
      url: '/api/users/bob@acme.io',
      headers: ctx.server.as('read-only'),
    });
    expect(bob.json().expenseSpend).toMatchObject({ total: 215, lines: 1 });
  });
});
