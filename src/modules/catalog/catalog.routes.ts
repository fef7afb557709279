import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { pageOf } from '../../http/schemas.js';
import { likePattern } from '../../lib/cursor.js';
import type { Roster } from '../../roster.js';

const entrySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    vendor: z.string(),
    category: z.string(),
    domains: z.array(z.string()),
    expenseAliases: z.array(z.string()),
  })
  .meta({ id: 'CatalogEntry' });

export function catalogRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/catalog',
      {
        schema: {
          summary: "Roster's catalog of known SaaS apps",
          querystring: z.strictObject({
            search: z.string().max(200).optional(),
            limit: z.coerce.number().int().min(1).max(1000).optional(),
            // The catalog changes only when Roster is upgraded: a position in its order is a stable cursor.
            cursor: z
              .string()
              .regex(/^\d{1,6}$/, 'a cursor from nextCursor')
              .optional(),
          }),
          response: { 200: pageOf(entrySchema) },
        },
      },
      async (request) => {
        const search = request.query.search?.trim();
        const limit = request.query.limit ?? 1000;
        const offset = Number(request.query.cursor ?? 0);
        const rows = await roster.database.db
          .selectFrom('catalog_apps')
          .select(['id', 'name', 'vendor', 'category', 'domains', 'expense_aliases as expenseAliases'])
          .$if(Boolean(search), (q) =>
            q.where((eb) =>
              eb.or([
                eb('name', 'ilike', likePattern(search ?? '')),
                eb(sql<string>`array_to_string(domains, ' ')`, 'ilike', likePattern(search ?? '')),
              ]),
            ),
          )
          .orderBy(sql`lower(name)`)
          .orderBy('id')
          .offset(offset)
          .limit(limit + 1)
          .execute();
        const items = rows.slice(0, limit);
        return { items, nextCursor: rows.length > limit ? String(offset + limit) : null };
      },
    );
  };
}
