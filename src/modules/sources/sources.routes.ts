import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capabilityNames } from '../../connectors/kit/capabilities.js';
import { publishedSettings } from '../../connectors/kit/settings-schema.js';
import { sourceKinds } from '../../connectors/registry.js';
import { cameVersioned, versionedPath } from '../../http/api-version.js';
import { actorOf } from '../../http/authenticate.js';
import {
  idOrNameParams,
  nameFilter,
  pageOf,
  syncResultSchema,
  wholeList,
  withName,
} from '../../http/schemas.js';
import type { Roster } from '../../roster.js';
import { removalThresholdSchema } from '../../sync/removal-threshold.js';
import { errorOfFailedRun } from '../../sync/result-error.js';
import { listSyncRuns } from '../sync-runs/sync-runs.repo.js';
import { syncRunSchema } from '../sync-runs/sync-runs.routes.js';
import { BackgroundSyncs } from './background-syncs.js';
import { confirmHeldRemovals, discardHeldRemovals, setRemovalThreshold } from './held-runs.service.js';
import { updateSource } from './source-update.service.js';
import { addSource, getSource, listSources, removeSource } from './sources.service.js';

/** A kind's settings as JSON Schema: what the console builds its forms from. */
const jsonSchemaDocument = z.record(z.string(), z.unknown());

const sourceSchema = z
  .object({
    id: z.number(),
    kind: z.string(),
    name: z.string(),
    mode: z.enum(['push', 'pull']),
    app: z.string().nullable(),
    config: z.unknown(),
    hasCredentials: z.boolean(),
    schedule: z.string().nullable(),
    capabilities: z.record(z.string(), z.boolean()).nullable(),
    unavailable: z.array(z.object({ capability: z.string(), reason: z.string() })),
    health: z.object({
      status: z.string(),
      reason: z.string().nullable(),
      message: z.string().nullable(),
      fix: z.string().nullable(),
    }),
    lastRunStatus: z.string().nullable(),
    heldRemovals: z.number().nullable().describe('removals of a sync run held for confirmation'),
    removalThreshold: removalThresholdSchema
      .nullable()
      .describe("null: Roster's default (held past 10% and 10 removals, or all)"),
    credentialExpiresAt: z
      .string()
      .nullable()
      .describe('when the credential the source signs in with expires, as its provider last told'),
    lastSyncAt: z.string().nullable(),
    lastSuccessAt: z.string().nullable(),
    stalenessDays: z.number(),
    disconnectedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Source' });

export function sourcesRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    const syncs = new BackgroundSyncs(roster, (error) =>
      app.log.error({ err: error }, 'A sync started over the API failed after its run ended'),
    );
    app.addHook('onClose', () => syncs.stop());

    app.get(
      '/api/source-kinds',
      {
        schema: {
          summary: 'Source kinds and what each can tell (the capability matrix)',
          response: {
            200: pageOf(
              z.object({
                kind: z.string(),
                title: z.string(),
                description: z.string(),
                mode: z.enum(['push', 'pull']),
                needsCredentials: z.boolean(),
                capabilities: z.record(z.enum(capabilityNames), z.boolean()),
                configSchema: jsonSchemaDocument.describe(
                  'JSON Schema (2020-12) of the config a source of this kind takes',
                ),
                credentialsSchema: jsonSchemaDocument
                  .nullable()
                  .describe(
                    'JSON Schema of its credentials (secret fields are writeOnly); null when it takes none',
                  ),
              }),
            ),
          },
        },
      },
      async () =>
        wholeList(
          sourceKinds.map((k) => ({
            kind: k.kind,
            title: k.title,
            description: k.description,
            mode: k.mode,
            needsCredentials: k.credentialsSchema !== undefined,
            capabilities: k.capabilities,
            ...publishedSettings(k),
          })),
        ),
    );

    app.get(
      '/api/sources',
      {
        schema: {
          summary: 'List sources with health ("needs attention" and why)',
          querystring: z.strictObject({
            includeDisconnected: z.enum(['true', 'false']).optional(),
            name: nameFilter,
          }),
          response: { 200: pageOf(sourceSchema) },
        },
      },
      async (request) =>
        wholeList(
          withName(
            await listSources(roster, { includeDisconnected: request.query.includeDisconnected === 'true' }),
            request.query.name,
          ),
        ),
    );

    app.post(
      '/api/sources',
      {
        schema: {
          summary: 'Add a source',
          body: z.strictObject({
            kind: z.string().min(1).max(50),
            name: z.string().min(1).max(200),
            config: z.record(z.string(), z.unknown()).default({}),
            credentials: z.record(z.string(), z.unknown()).optional(),
            stalenessDays: z.number().int().min(1).max(365).nullish(),
            schedule: z.string().max(10).nullish(),
            removalThreshold: removalThresholdSchema.nullish(),
          }),
          response: { 201: sourceSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addSource(roster, actorOf(request), request.body)),
    );

    app.get(
      '/api/sources/:ref',
      {
        schema: {
          summary: 'One source, by id or name',
          params: idOrNameParams,
          response: { 200: sourceSchema },
        },
      },
      async (request) => getSource(roster, request.params.ref),
    );

    app.patch(
      '/api/sources/:ref',
      {
        schema: {
          summary: "Change a source's name, config, credentials or schedule (audited)",
          description:
            'config replaces the whole config. credentials are merged field by field over the stored ones: a ' +
            'field left out or empty keeps its stored value. The answer tells only whether credentials are set.',
          params: idOrNameParams,
          body: z.strictObject({
            name: z.string().max(200).optional(),
            config: z.record(z.string(), z.unknown()).optional(),
            credentials: z
              .record(z.string(), z.unknown())
              .optional()
              .describe('fields to set; an absent or empty field keeps its stored value'),
            schedule: z
              .string()
              .max(10)
              .nullable()
              .optional()
              .describe('sync interval of a pull source (30m, 6h, 1d); null for manual syncs only'),
            kind: z.string().max(50).optional().describe('refused unless it is the source’s own kind'),
          }),
          response: { 200: sourceSchema },
        },
      },
      async (request) => updateSource(roster, actorOf(request), request.params.ref, request.body),
    );

    app.delete(
      '/api/sources/:ref',
      {
        schema: {
          summary: 'Remove (disconnect) a source; what it reported is kept',
          params: idOrNameParams,
          response: { 200: sourceSchema },
        },
      },
      async (request) => removeSource(roster, actorOf(request), request.params.ref),
    );

    app.post(
      '/api/sources/:ref/sync',
      {
        schema: {
          summary: 'Start a sync of a pull source now; answers at once with the running run to follow',
          description:
            'The sync runs in the server after the answer (202). Follow it at links.run (its Location): ' +
            'pages and records while it runs, then its status (succeeded, held, failed or cancelled), ' +
            'counters and error. A source that is unknown (404), fed by imports (400) or already syncing (409) ' +
            'answers at once with the error.',
          params: idOrNameParams,
          response: {
            202: syncRunSchema.extend({
              links: z.object({ run: z.string().describe('GET this run to follow it') }),
            }),
          },
        },
      },
      async (request, reply) => {
        const runId = await syncs.start(actorOf(request), request.params.ref);
        const run = (await listSyncRuns(roster, { id: runId, limit: 1 })).items[0];
        if (!run) throw new Error(`Sync run ${runId} vanished as it started`);
        // The link is the form the sync was asked in: versioned for /api/v1 callers.
        const runPath = `/api/sync-runs/${runId}`;
        const link = cameVersioned(request) ? versionedPath(runPath) : runPath;
        return reply
          .status(202)
          .header('location', link)
          .send({ ...run, links: { run: link } });
      },
    );

    app.put(
      '/api/sources/:ref/removal-threshold',
      {
        schema: {
          summary: 'Set how many removals a sync of this source may make before it is held for confirmation',
          params: idOrNameParams,
          body: z.strictObject({
            removalThreshold: removalThresholdSchema
              .nullable()
              .describe("null restores Roster's default: more than 10% and more than 10, or all"),
          }),
          response: { 200: sourceSchema },
        },
      },
      async (request) =>
        setRemovalThreshold(roster, actorOf(request), request.params.ref, request.body.removalThreshold),
    );

    app.post(
      '/api/sources/:ref/held-run/confirm',
      {
        schema: {
          summary: "Apply the source's held sync run, removals included, exactly as it was fetched",
          params: idOrNameParams,
          response: { 200: syncResultSchema },
        },
      },
      async (request) => {
        const result = await confirmHeldRemovals(roster, actorOf(request), request.params.ref);
        const failure = errorOfFailedRun(result);
        if (failure) throw failure;
        return result;
      },
    );

    app.post(
      '/api/sources/:ref/held-run/discard',
      {
        schema: {
          summary: "Discard the source's held sync run; nothing of it is applied",
          params: idOrNameParams,
          response: {
            200: z.object({ runId: z.number(), sourceId: z.number(), status: z.literal('discarded') }),
          },
        },
      },
      async (request) => discardHeldRemovals(roster, actorOf(request), request.params.ref),
    );
  };
}
