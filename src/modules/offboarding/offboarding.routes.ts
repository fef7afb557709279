import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authenticate.js';
import { sendLinkPage } from '../../http/link-page.js';
import { pageOf, wholeList } from '../../http/schemas.js';
import { notFound } from '../../lib/errors.js';
import { hitRateLimit } from '../../lib/rate-limit.js';
import type { Roster } from '../../roster.js';
import {
  completeOffboarding,
  confirmOwnerTask,
  findTask,
  markTaskDone,
  reopenOffboarding,
  retryTask,
} from './offboarding-admin.js';
import { offboardingCandidates } from './offboarding-candidates.js';
import { listDrift } from './offboarding-drift.js';
import { queueOffboardingTasks } from './offboarding-jobs.js';
import { listOffboardingMethods, setOffboardingMethod } from './offboarding-method-settings.js';
import { offboardingMethods, taskStatuses } from './offboarding-methods.js';
import { dayOf } from './offboarding-person.js';
import { listOffboardings, offboardingOf, readOffboarding } from './offboarding-read.js';
import { runOffboardingTasks } from './offboarding-runner.js';
import { startOffboarding } from './offboarding-start.js';
import { ownerConfirmPage, ownerTokenPattern } from './owner-confirm-page.js';

const callSchema = z.object({
  at: z.string(),
  method: z.string(),
  url: z.string(),
  status: z.number().nullable(),
  detail: z.string().optional(),
});
const countsSchema = z.object(
  Object.fromEntries(taskStatuses.map((s) => [s, z.number()])) as Record<
    (typeof taskStatuses)[number],
    z.ZodNumber
  >,
);
const taskSchema = z.object({
  id: z.number(),
  app: z.string(),
  instance: z.string(),
  email: z.string(),
  accountStatus: z.string(),
  method: z.string(),
  source: z.string().nullable(),
  action: z.string(),
  status: z.enum(taskStatuses),
  note: z.string().nullable(),
  attempts: z.number(),
  doneBy: z.string().nullable(),
  doneAt: z.string().nullable(),
  ticketKey: z.string().nullable(),
  notifiedTo: z.string().nullable(),
  calls: z.array(callSchema),
});
const completion = {
  completedAt: z.string().nullable(),
  completedBy: z.string().nullable(),
  completedHow: z.enum(['manual', 'automatic']).nullable(),
};
const offboardingSchema = z
  .object({
    id: z.number(),
    primaryEmail: z.string(),
    emails: z.array(z.string()),
    status: z.enum(['in_progress', 'completed']),
    startedAt: z.string(),
    startedBy: z.string(),
    forced: z.object({ reason: z.string(), by: z.string() }).nullable(),
    ...completion,
    reopenedAt: z.string().nullable(),
    reopenedBy: z.string().nullable(),
    counts: countsSchema,
    tasks: z.array(taskSchema),
  })
  .meta({ id: 'Offboarding' });
const summarySchema = z
  .object({
    id: z.number(),
    primaryEmail: z.string(),
    status: z.enum(['in_progress', 'completed']),
    startedAt: z.string(),
    ...completion,
    counts: countsSchema,
  })
  .meta({ id: 'OffboardingSummary' });
/** A dry run's answer: what the API tells (no internal ids), which the CLI prints on its own data too. */
export const offboardingPreviewSchema = z
  .object({
    dryRun: z.literal(true),
    primaryEmail: z.string(),
    emails: z.array(z.string()),
    current: z.object({ email: z.string(), source: z.string() }).nullable(),
    tasks: z.array(
      z.object({
        app: z.string(),
        instance: z.string(),
        email: z.string(),
        accountStatus: z.string(),
        seenBy: z.array(
          z.object({ source: z.string(), status: z.string(), removedAt: z.string().nullable() }),
        ),
        method: z.enum(offboardingMethods),
        source: z.string().nullable(),
        action: z.string(),
        calls: z.array(z.object({ method: z.string(), url: z.string(), purpose: z.string() })),
      }),
    ),
  })
  .meta({ id: 'OffboardingPreview' });
export type OffboardingPreview = z.infer<typeof offboardingPreviewSchema>;
const methodSettingSchema = z
  .object({
    app: z.string(),
    instance: z.string().nullable(),
    method: z.enum(offboardingMethods),
    config: z.record(z.string(), z.unknown()),
    hasCredentials: z.boolean(),
    updatedBy: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'OffboardingMethod' });
const idParams = z.object({ id: z.coerce.number().int().positive() });
/**
 * `wait=true`: act on the tasks within the request and answer the offboarding once they ended, as the CLI
 * does on its own data; else they are queued for the job worker and the answer comes at once.
 */
const waitQuery = z.strictObject({ wait: z.enum(['true', 'false']).optional() });
const waits = (query: { wait?: 'true' | 'false' }) => query.wait === 'true';
const taskParams = idParams.extend({ taskId: z.coerce.number().int().positive() });

export function offboardingRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/offboarding/candidates',
      {
        schema: {
          summary: 'People who became past in the employee source of truth and are not offboarded yet',
          response: {
            200: pageOf(
              z.object({
                primaryEmail: z.string(),
                reason: z.string(),
                source: z.string(),
                accounts: z.number(),
                activeAccounts: z.number(),
              }),
            ),
          },
        },
      },
      async () => wholeList(await offboardingCandidates(roster.database.db, dayOf(new Date()))),
    );
    app.get(
      '/api/offboarding/drift',
      {
        schema: {
          summary: 'Accounts active again after their person was offboarded (needs attention)',
          response: {
            200: pageOf(
              z.object({
                primaryEmail: z.string(),
                app: z.string(),
                instance: z.string(),
                email: z.string(),
                source: z.string(),
                detectedAt: z.string(),
                offboardingCompletedAt: z.string(),
              }),
            ),
          },
        },
      },
      async () => wholeList(await listDrift(roster.database.db)),
    );
    app.get(
      '/api/offboarding/methods',
      {
        schema: {
          summary:
            'How apps are offboarded, where an admin chose (other apps: automatic where possible, else manual)',
          response: { 200: pageOf(methodSettingSchema) },
        },
      },
      async () => wholeList(await listOffboardingMethods(roster)),
    );
    app.put(
      '/api/offboarding/methods',
      {
        schema: {
          summary: "Set an app's (or one instance's) offboarding method",
          body: z.strictObject({
            app: z.string().trim().min(1).max(200),
            instance: z.string().trim().min(1).max(200).optional(),
            method: z.string(),
            config: z.record(z.string(), z.unknown()).optional(),
            credentials: z.record(z.string(), z.unknown()).optional(),
          }),
          response: { 200: methodSettingSchema },
        },
      },
      async (request) => setOffboardingMethod(roster, actorOf(request), request.body),
    );
    app.get(
      '/api/offboardings',
      {
        schema: {
          summary: 'Offboardings, newest first; `email` finds the one of a person (any of their emails)',
          querystring: z.strictObject({
            status: z.enum(['in_progress', 'completed']).optional(),
            email: z.string().trim().min(3).max(320).optional(),
          }),
          response: { 200: pageOf(summarySchema) },
        },
      },
      async (request) => {
        const { email, status } = request.query;
        if (email) {
          const found = await offboardingOf(roster.database.db, email);
          return wholeList(status && found.status !== status ? [] : [found]);
        }
        return wholeList(await listOffboardings(roster.database.db, status ? { status } : {}));
      },
    );
    app.post(
      '/api/offboardings',
      {
        schema: {
          summary:
            'Start offboarding a person: one task per account of every email, in every app, any status. ' +
            '`dryRun` lists the tasks and every request automatic ones would make, and changes nothing; ' +
            '`wait=true` answers (201) once Roster acted on the tasks, else (202) they are queued',
          querystring: waitQuery,
          body: z.strictObject({
            email: z.string().trim().min(3).max(320),
            dryRun: z.boolean().optional(),
            force: z.strictObject({ reason: z.string().max(1000) }).optional(),
          }),
          response: { 200: offboardingPreviewSchema, 201: offboardingSchema, 202: offboardingSchema },
        },
      },
      async (request, reply) => {
        const started = await startOffboarding(roster, actorOf(request), request.body);
        if (started.dryRun) return reply.status(200).send(started);
        if (waits(request.query)) {
          await runOffboardingTasks(roster, started.id);
          return reply.status(201).send(await readOffboarding(roster.database.db, started.id));
        }
        // The tasks run in the job worker; the answer is the offboarding as it starts.
        await queueOffboardingTasks(roster, started.id);
        return reply.status(202).send(await readOffboarding(roster.database.db, started.id));
      },
    );
    app.get(
      '/api/offboardings/:id',
      {
        schema: {
          summary: 'One offboarding with its tasks',
          params: idParams,
          response: { 200: offboardingSchema },
        },
      },
      async (request) => readOffboarding(roster.database.db, request.params.id),
    );
    app.post(
      '/api/offboardings/:id/complete',
      {
        schema: {
          summary: 'Mark the offboarding done (tasks that finish later are still recorded)',
          params: idParams,
          response: { 200: offboardingSchema },
        },
      },
      async (request) => {
        const view = await readOffboarding(roster.database.db, request.params.id);
        await completeOffboarding(roster, actorOf(request), view.primaryEmail);
        return readOffboarding(roster.database.db, view.id);
      },
    );
    app.post(
      '/api/offboardings/:id/reopen',
      {
        schema: {
          summary: 'Re-open a completed offboarding',
          params: idParams,
          response: { 200: offboardingSchema },
        },
      },
      async (request) => {
        const view = await readOffboarding(roster.database.db, request.params.id);
        await reopenOffboarding(roster, actorOf(request), view.primaryEmail);
        return readOffboarding(roster.database.db, view.id);
      },
    );
    app.get(
      '/api/offboardings/:id/task',
      {
        schema: {
          summary:
            'Find one task by app, and instance or email when the person has several accounts in it (ambiguity lists the choices)',
          params: idParams,
          querystring: z.strictObject({
            app: z.string().trim().min(1).max(200),
            instance: z.string().trim().min(1).max(200).optional(),
            email: z.string().trim().min(3).max(320).optional(),
          }),
          response: { 200: z.object({ id: z.number() }).meta({ id: 'OffboardingTaskRef' }) },
        },
      },
      async (request) => {
        const view = await readOffboarding(roster.database.db, request.params.id);
        const task = await findTask(roster, view.primaryEmail, request.query);
        if (task.offboarding_id !== view.id) throw notFound(`No such task in this offboarding`);
        return { id: task.id };
      },
    );
    for (const action of ['done', 'retry'] as const)
      app.post(
        `/api/offboardings/:id/tasks/:taskId/${action}`,
        {
          schema: {
            summary:
              action === 'done'
                ? 'Mark one task done'
                : 'Retry a failed task (`wait=true`: answers once Roster acted on it, else it is queued)',
            params: taskParams,
            querystring: waitQuery,
            response: { 200: offboardingSchema },
          },
        },
        async (request) => {
          const view = await readOffboarding(roster.database.db, request.params.id);
          const task = view.tasks.find((t) => t.id === request.params.taskId);
          if (!task) throw notFound(`No task ${request.params.taskId} in this offboarding`);
          const ref = { app: task.app, instance: task.instance, email: task.email };
          if (action === 'done') await markTaskDone(roster, actorOf(request), view.primaryEmail, ref);
          else {
            await retryTask(roster, actorOf(request), view.primaryEmail, ref);
            if (waits(request.query)) await runOffboardingTasks(roster, view.id);
            else await queueOffboardingTasks(roster, view.id);
          }
          return readOffboarding(roster.database.db, view.id);
        },
      );

    // The link an app owner is emailed: opening it shows a button; only the button's POST marks the task.
    app.get(
      '/offboarding/confirm',
      {
        schema: {
          summary: "The page of an app owner's confirmation link (its button confirms; opening it does not)",
          querystring: z.strictObject({ token: z.string().max(200).optional() }),
        },
      },
      async (request, reply) => sendLinkPage(reply, ownerConfirmPage(request.query.token)),
    );
    app.post(
      '/offboarding/confirm',
      {
        schema: {
          summary: "An app owner confirms the account is removed (the link's page posts its token)",
          body: z.strictObject({ token: z.string().regex(ownerTokenPattern) }),
        },
      },
      async (request, reply) => {
        await hitRateLimit(roster.database, `owner-confirm:${request.ip}`, 20, 60);
        await confirmOwnerTask(roster, request.body.token);
        return sendLinkPage(reply, ownerConfirmPage(undefined, 'confirmed'));
      },
    );
  };
}
