import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { heldRemovalsSchema, pageOf, runStatusSchema } from '../../http/schemas.js';
import { notFound } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import { listSyncRuns } from './sync-runs.repo.js';

export const syncRunSchema = z
  .object({
    id: z.number(),
    sourceId: z.number(),
    source: z.string(),
    status: runStatusSchema,
    trigger: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    heartbeatAt: z
      .string()
      .nullable()
      .describe('The last sign of life of the process running the sync: its latest page or lease renewal'),
    pages: z.number(),
    records: z.number(),
    added: z.number(),
    updated: z.number(),
    removed: z.number(),
    unchanged: z.number(),
    rejected: z.number(),
    counters: z.unknown(),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
    errorDetails: z.unknown(),
    held: heldRemovalsSchema.nullable(),
  })
  .meta({ id: 'SyncRun' });

export function syncRunsRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/sync-runs',
      {
        schema: {
          summary: 'Sync runs, newest first',
          querystring: z.strictObject({
            source: z.string().max(200).optional(),
            limit: z.coerce.number().int().min(1).max(500).optional(),
            cursor: z.coerce.number().int().positive().optional(),
          }),
          response: { 200: pageOf(syncRunSchema) },
        },
      },
      async (request) => listSyncRuns(roster, request.query),
    );
    app.get(
      '/api/sync-runs/:id',
      {
        schema: {
          summary: 'One sync run with its counters and errors',
          params: z.strictObject({ id: z.coerce.number().int().positive() }),
          response: { 200: syncRunSchema },
        },
      },
      async (request) => {
        const page = await listSyncRuns(roster, { id: request.params.id, limit: 1 });
        const run = page.items[0];
        if (!run) throw notFound(`No sync run ${request.params.id}`);
        return run;
      },
    );
  };
}
