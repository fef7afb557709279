import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authenticate.js';
import { pageOf, wholeList } from '../../http/schemas.js';
import { hitRateLimit } from '../../lib/rate-limit.js';
import type { Roster } from '../../roster.js';
import { eventBatchSchema, eventsBodyLimitBytes, parseEventBatch } from './event-batch.js';
import { extensionCallerOf } from './extension-caller.js';
import { extensionConfig } from './extension-config.js';
import { reminderEveryDays, remindNotReporting } from './extension-reminders.js';
import { extensionStatus } from './extension-status.js';
import {
  type ExtensionCaller,
  type ExtensionTokenKind,
  issueExtensionToken,
  listExtensionTokens,
  revokeExtensionToken,
} from './extension-tokens.js';
import { ingestEvents } from './ingest-events.js';

const extensionTokenSchema = z
  .object({
    id: z.number(),
    kind: z.enum(['reporting', 'enrollment']),
    email: z.string().nullable(),
    issuedVia: z.enum(['admin', 'link', 'sso', 'enrollment']),
    createdBy: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'ExtensionToken' });

const extensionStatusSchema = z
  .object({
    days: z.number(),
    tokensByMode: z.object({
      authenticated: z.number(),
      unauthenticated: z.number(),
      issuedByAdmin: z.number(),
    }),
    peopleReporting: z.number(),
    notReporting: z.array(
      z.object({
        email: z.string(),
        name: z.string().nullable(),
        lastReportedAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'ExtensionStatus' });

const extensionSecurity = [{ extensionToken: [] }];

/**
 * The caller of an extension route, authenticated before the body is read or checked (so a stranger learns
 * nothing from validation errors): a reporting token for reporting, an enrollment token for enrolling.
 */
function extensionAuth(roster: Roster, kind: ExtensionTokenKind) {
  const callers = new WeakMap<FastifyRequest, ExtensionCaller>();
  return {
    onRequest: async (request: FastifyRequest) => {
      callers.set(request, await extensionCallerOf(roster, request, kind));
    },
    callerOf: (request: FastifyRequest) => callers.get(request) as ExtensionCaller,
  };
}

export function extensionRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    const reporter = extensionAuth(roster, 'reporting');
    const enroller = extensionAuth(roster, 'enrollment');
    app.post(
      '/api/extension/events',
      {
        onRequest: reporter.onRequest,
        bodyLimit: eventsBodyLimitBytes,
        // The batch is checked by parseEventBatch so a refusal names fields as `events[3].domain`.
        attachValidation: true,
        schema: {
          summary:
            'Report browser activity (the extension, or any other reporter holding an extension token): visits, sign-ins and sign-ups on app domains',
          security: extensionSecurity,
          body: eventBatchSchema,
          response: {
            202: z.object({
              batchId: z.string(),
              accepted: z.number(),
              ignored: z.number(),
              duplicate: z.boolean(),
            }),
          },
        },
      },
      async (request, reply) => {
        const caller = reporter.callerOf(request);
        await hitRateLimit(
          roster.database,
          `extension-events:${caller.tokenId}`,
          roster.config.extensionBatchesPerMinute,
          60,
        );
        const batch = parseEventBatch(request.body, new Date());
        const result = await ingestEvents(roster, { tokenId: caller.tokenId, email: caller.email! }, batch);
        return reply.status(202).send(result);
      },
    );

    app.get(
      '/api/extension/config',
      {
        onRequest: reporter.onRequest,
        schema: {
          summary:
            'What the extension matches against: its person, the organisation’s domains and the app domains',
          security: extensionSecurity,
          response: {
            200: z.object({
              email: z.string(),
              orgDomains: z.array(z.string()),
              apps: z.array(z.object({ app: z.string(), domains: z.array(z.string()) })),
              version: z.string(),
            }),
          },
        },
      },
      async (request) => {
        const caller = reporter.callerOf(request);
        return extensionConfig(roster, caller.email!);
      },
    );

    app.post(
      '/api/extension/enroll',
      {
        onRequest: enroller.onRequest,
        schema: {
          summary:
            'Unauthenticated mode: exchange the enrollment token and the browser profile’s email for a reporting token',
          security: extensionSecurity,
          body: z.strictObject({ email: z.string().min(3).max(320) }),
          response: { 200: z.object({ token: z.string(), email: z.string() }) },
        },
      },
      async (request) => {
        const caller = enroller.callerOf(request);
        // One enrollment token sits in every managed browser: bound how fast it can mint tokens.
        await hitRateLimit(roster.database, `extension-enroll:${caller.tokenId}`, 600, 60);
        const issued = await issueExtensionToken(roster, `extension-enrollment:${caller.tokenId}`, {
          kind: 'reporting',
          email: request.body.email,
          via: 'enrollment',
        });
        return { token: issued.token, email: issued.email! };
      },
    );

    app.get(
      '/api/extension/status',
      {
        schema: {
          summary:
            'Who the browser extension reports for: tokens per mode, people reporting, employees not reporting for N days',
          querystring: z.strictObject({ days: z.coerce.number().int().min(1).max(365).default(14) }),
          response: {
            200: extensionStatusSchema,
          },
        },
      },
      async (request) => extensionStatus(roster, request.query.days),
    );

    app.post(
      '/api/extension/remind',
      {
        schema: {
          summary: `Email every employee whose extension has not reported for N days a reminder to connect it (at most once in ${reminderEveryDays} days each)`,
          body: z.strictObject({ days: z.number().int().min(1).max(365).default(14) }),
          response: { 200: z.object({ sent: z.array(z.string()), skipped: z.array(z.string()) }) },
        },
      },
      async (request) => {
        await hitRateLimit(roster.database, `extension-remind:${actorOf(request)}`, 10, 3600);
        return remindNotReporting(roster, actorOf(request), request.body.days);
      },
    );

    app.get(
      '/api/extension/tokens',
      {
        schema: {
          summary: 'Active browser extension tokens (never their secrets)',
          response: { 200: pageOf(extensionTokenSchema) },
        },
      },
      async () => wholeList(await listExtensionTokens(roster)),
    );
    app.post(
      '/api/extension/tokens',
      {
        schema: {
          summary:
            'Issue a browser extension token: a reporting token for one person’s email, or an enrollment token; the secret is in this response only',
          body: z.union([
            z.strictObject({ email: z.string().min(3).max(320) }),
            z.strictObject({ enrollment: z.literal(true) }),
          ]),
          response: { 201: extensionTokenSchema.extend({ token: z.string() }) },
        },
      },
      async (request, reply) => {
        await hitRateLimit(roster.database, `extension-tokens:${actorOf(request)}`, 60, 3600);
        const body = request.body;
        const issued = await issueExtensionToken(
          roster,
          actorOf(request),
          'email' in body ? { kind: 'reporting', email: body.email, via: 'admin' } : { kind: 'enrollment' },
        );
        return reply.status(201).send(issued);
      },
    );
    app.delete(
      '/api/extension/tokens/:id',
      {
        schema: {
          summary: 'Revoke a browser extension token; it stops working at once',
          params: z.strictObject({ id: z.coerce.number().int().positive() }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await revokeExtensionToken(roster, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
