import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Roster } from '../../roster.js';

const entrySchema = z
  .object({
    id: z.number(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

export function auditRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit',
      {
        schema: {
          summary: 'The audit log, newest first',
          querystring: z.strictObject({
            action: z.string().max(100).optional(),
            actor: z.string().max(400).optional(),
            cursor: z.coerce.number().int().positive().optional(),
            limit: z.coerce.number().int().min(1).max(500).optional(),
          }),
          response: { 200: z.object({ items: z.array(entrySchema), nextCursor: z.string().nullable() }) },
        },
      },
      async (request) => {
        const { action, actor, cursor } = request.query;
        const limit = request.query.limit ?? 100;
        const rows = await roster.database.db
          .selectFrom('audit_log')
          .select([
            'id',
            'at',
            'actor',
            'action',
            'target_type as targetType',
            'target_id as targetId',
            'before',
            'after',
          ])
          .$if(Boolean(action), (q) => q.where('action', '=', action ?? ''))
          .$if(Boolean(actor), (q) => q.where('actor', '=', actor ?? ''))
          .$if(Boolean(cursor), (q) => q.where('id', '<', cursor ?? 0))
          .orderBy('id', 'desc')
          .limit(limit + 1)
          .execute();
        const items = rows.slice(0, limit).map((r) => ({ ...r, at: r.at.toISOString() }));
        const last = items[items.length - 1];
        return { items, nextCursor: rows.length > limit && last ? String(last.id) : null };
      },
    );
  };
}
