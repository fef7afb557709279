import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Roster } from '../../roster.js';
import { listAudit } from './audit.repo.js';

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
      async (request) => listAudit(roster, request.query),
    );
  };
}
