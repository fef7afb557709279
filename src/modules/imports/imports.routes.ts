import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canonicalColumns, presets } from '../../connectors/csv/columns.js';
import { actorOf } from '../../http/authenticate.js';
import { syncResultSchema } from '../../http/schemas.js';
import type { Roster } from '../../roster.js';
import { errorOfFailedRun } from '../../sync/result-error.js';
import { checkPushApp } from '../tokens/push-scope.js';
import { importCsv, importCustom } from './imports.service.js';

const importResultSchema = syncResultSchema
  .extend({ source: z.object({ id: z.number(), name: z.string() }) })
  .meta({ id: 'ImportResult' });

export function importsRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    const mappingQuery = Object.fromEntries(
      canonicalColumns.map((c) => [`map.${c}`, z.string().min(1).max(200).optional()]),
    );
    app.post(
      '/api/imports/csv',
      {
        bodyLimit: roster.config.maxUploadBytes,
        schema: {
          summary: "Replace one app's users with a CSV file (the whole file is applied, or nothing)",
          description:
            "The file replaces the app's list from earlier uploads: users it does not list are marked removed. " +
            'An upload past the removal threshold answers status `held` and applies nothing until confirmed ' +
            '(POST /api/sources/{ref}/held-run/confirm). ' +
            'Send the file as the body (text/csv). Canonical header: email,name,status,role,license_types,last_used_at. ' +
            'Other headers are mapped with map.<column>=<header> query parameters or preset=auto.',
          querystring: z.strictObject({
            app: z.string().min(1).max(200),
            preset: z.enum(presets).optional(),
            ...mappingQuery,
          }),
          response: { 200: importResultSchema },
        },
      },
      async (request, reply) => {
        const { app: appName, preset, ...rest } = request.query as Record<string, string | undefined>;
        const mapping = Object.fromEntries(
          Object.entries(rest)
            .filter(([key, value]) => key.startsWith('map.') && value)
            .map(([key, value]) => [key.slice(4), value]),
        );
        const body = request.body;
        const content = Buffer.isBuffer(body)
          ? body
          : Buffer.from(typeof body === 'string' ? body : '', 'utf8');
        const result = await importCsv(roster, actorOf(request), {
          app: appName ?? '',
          content,
          preset: preset as (typeof presets)[number] | undefined,
          mapping,
        });
        const failure = errorOfFailedRun(result);
        if (failure) throw failure;
        return reply.send(result);
      },
    );

    app.post(
      '/api/imports/custom',
      {
        bodyLimit: roster.config.maxUploadBytes,
        schema: {
          summary:
            "Push a full snapshot of a custom app's users and licenses (Roster's or Torii's JSON shape)",
          querystring: z.strictObject({ app: z.string().min(1).max(200) }),
          body: z.record(z.string(), z.unknown()),
          response: { 200: importResultSchema },
        },
      },
      async (request, reply) => {
        await checkPushApp(roster, request.principal, request.query.app);
        const result = await importCustom(roster, actorOf(request), {
          app: request.query.app,
          snapshot: request.body,
        });
        const failure = errorOfFailedRun(result);
        if (failure) throw failure;
        return reply.send(result);
      },
    );
  };
}
