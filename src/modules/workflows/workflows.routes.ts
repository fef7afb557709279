import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authenticate.js';
import { nameFilter, pageOf, wholeList, withName } from '../../http/schemas.js';
import type { Roster } from '../../roster.js';
import { workflowActions } from './workflow-actions.js';
import { conditionFields } from './workflow-condition-fields.js';
import { entityKinds } from './workflow-fields.js';
import { workflowJsonSchema } from './workflow-json-schema.js';
import { previewWorkflow } from './workflow-preview.js';
import { retryRun } from './workflow-runner.js';
import { listWorkflowRuns } from './workflow-runs-read.js';
import {
  exportWorkflow,
  listWorkflows,
  saveWorkflow,
  setWorkflowEnabled,
  workflowVersions,
} from './workflows.service.js';

const documentSchema = z.record(z.string(), z.unknown()).meta({
  id: 'WorkflowDocument',
  description: 'A workflow document; its JSON Schema is at GET /api/workflows/schema',
});
const summarySchema = z
  .object({
    id: z.number(),
    name: z.string(),
    enabled: z.boolean(),
    version: z.number(),
    trigger: z.string(),
    mode: z.enum(['new_matches', 'every_match']),
    lastRun: z.object({ id: z.number(), status: z.string(), at: z.string() }).nullable(),
  })
  .meta({ id: 'WorkflowSummary' });
const requestSchema = z.object({
  method: z.string(),
  url: z.string(),
  status: z.number().nullable(),
  detail: z.string().optional(),
});
const runSchema = z
  .object({
    id: z.number(),
    workflow: z.string(),
    version: z.number(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    trigger: z.record(z.string(), z.unknown()),
    entity: z.record(z.string(), z.unknown()),
    steps: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        status: z.enum(['succeeded', 'failed']),
        requests: z.array(requestSchema),
        output: z.record(z.string(), z.unknown()).optional(),
        error: z.string().optional(),
        retryable: z.boolean().optional(),
        startedAt: z.string(),
        durationMs: z.number(),
      }),
    ),
    error: z.string().nullable(),
    attempts: z.number(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'WorkflowRun' });
const savedSchema = z.object({ id: z.number(), version: z.number(), document: documentSchema });
const ref = z.object({ ref: z.string().min(1).max(200) });

export const workflowsRoutes =
  (roster: Roster): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/workflows/schema',
      {
        schema: {
          summary: 'The JSON Schema of workflow documents',
          response: { 200: z.record(z.string(), z.unknown()) },
        },
      },
      async () => workflowJsonSchema(workflowActions(roster)),
    );
    app.get(
      '/api/workflows/fields',
      {
        schema: {
          summary: 'The fields conditions may name, and which of them a trigger of each entity can read',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  name: z.string(),
                  type: z.enum(['text', 'number', 'date', 'boolean']),
                  description: z.string(),
                }),
              ),
              nextCursor: z.string().nullable(),
              readable: z.record(z.enum(entityKinds), z.array(z.enum(entityKinds))),
            }),
          },
        },
      },
      async () => ({ ...(await conditionFields(roster.database)), nextCursor: null }),
    );
    app.get(
      '/api/workflows',
      {
        schema: {
          summary: 'Workflows with their last run',
          querystring: z.strictObject({ name: nameFilter }),
          response: { 200: pageOf(summarySchema) },
        },
      },
      async (request) => wholeList(withName(await listWorkflows(roster), request.query.name)),
    );
    app.post(
      '/api/workflows',
      {
        schema: {
          summary: 'Create a workflow from its document',
          body: documentSchema,
          response: { 201: savedSchema },
        },
      },
      async (request, reply) => {
        const saved = await saveWorkflow(roster, actorOf(request), request.body, 'create', {
          actions: workflowActions(roster),
        });
        return reply.code(201).send(saved as unknown as z.infer<typeof savedSchema>);
      },
    );
    app.put(
      '/api/workflows/:ref',
      {
        schema: {
          summary: 'Save a new version of a workflow (the document names it)',
          params: ref,
          body: documentSchema,
          response: { 200: savedSchema },
        },
      },
      async (request) => {
        const body = { ...request.body, name: request.body.name ?? request.params.ref };
        const saved = await saveWorkflow(roster, actorOf(request), body, 'update', {
          actions: workflowActions(roster),
        });
        return saved as unknown as z.infer<typeof savedSchema>;
      },
    );
    app.get(
      '/api/workflows/:ref',
      {
        schema: {
          summary: 'A workflow document as saved (secrets as "(kept)"), to export or edit',
          params: ref,
          response: { 200: documentSchema },
        },
      },
      async (request) =>
        (await exportWorkflow(roster, request.params.ref)) as unknown as Record<string, unknown>,
    );
    app.get(
      '/api/workflows/:ref/versions',
      {
        schema: {
          summary: "Every saved version of a workflow's document, newest first",
          params: ref,
          response: {
            200: pageOf(
              z.object({
                version: z.number(),
                document: z.unknown(),
                savedBy: z.string(),
                savedAt: z.string(),
              }),
            ),
          },
        },
      },
      async (request) =>
        wholeList(
          (await workflowVersions(roster, request.params.ref)).map((v) => ({
            ...v,
            savedAt: new Date(v.savedAt).toISOString(),
          })),
        ),
    );
    for (const enabled of [true, false]) {
      app.post(
        `/api/workflows/:ref/${enabled ? 'enable' : 'disable'}`,
        {
          schema: {
            summary: enabled ? 'Turn a workflow on' : 'Turn a workflow off',
            params: ref,
            response: { 200: z.object({ name: z.string(), enabled: z.boolean() }) },
          },
        },
        async (request) => setWorkflowEnabled(roster, actorOf(request), request.params.ref, enabled),
      );
    }
    app.get(
      '/api/workflows/:ref/runs',
      {
        schema: {
          summary: "A workflow's run log, newest first",
          params: ref,
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).optional() }),
          response: { 200: pageOf(runSchema) },
        },
      },
      async (request) =>
        wholeList(
          (await listWorkflowRuns(roster, request.params.ref, request.query.limit)) as z.infer<
            typeof runSchema
          >[],
        ),
    );
    app.get(
      '/api/workflows/:ref/test',
      {
        schema: {
          summary: 'Who matches now and what each action would do; nothing is sent or written',
          params: ref,
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).optional() }),
          response: {
            200: z.object({
              workflow: z.string(),
              matching: z.number(),
              items: z.array(
                z.object({
                  entity: z.record(z.string(), z.unknown()),
                  actions: z.array(
                    z.object({
                      id: z.string(),
                      type: z.string(),
                      summary: z.string(),
                      requests: z.array(requestSchema),
                    }),
                  ),
                }),
              ),
              // `limit` caps the preview; `matching` counts every match.
              nextCursor: z.string().nullable(),
            }),
          },
        },
      },
      async (request) => ({
        ...(await previewWorkflow(roster, request.params.ref, workflowActions(roster), {
          limit: request.query.limit,
        })),
        nextCursor: null,
      }),
    );
    app.post(
      '/api/workflow-runs/:id/retry',
      {
        schema: {
          summary: 'Run a failed run again from its failed action',
          params: z.object({ id: z.coerce.number().int().min(1) }),
          response: { 202: z.object({ id: z.number(), status: z.literal('queued') }) },
        },
      },
      async (request, reply) => {
        await retryRun(roster, actorOf(request), request.params.id);
        return reply.code(202).send({ id: request.params.id, status: 'queued' as const });
      },
    );
  };
