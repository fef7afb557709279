import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cameVersioned } from '../../http/api-version.js';
import { actorOf } from '../../http/authenticate.js';
import { nameFilter, pageOf, wholeList, withName } from '../../http/schemas.js';
import { hitRateLimit } from '../../lib/rate-limit.js';
import type { Roster } from '../../roster.js';
import { createToken, listTokens, revokeToken, tokenRoles } from './tokens.service.js';

const tokenSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    role: z.enum(tokenRoles),
    createdBy: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    pushAppId: z.number().nullable(),
  })
  .meta({ id: 'Token' });

export function tokensRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/tokens',
      {
        schema: {
          summary: 'Active API tokens (never their secrets)',
          querystring: z.strictObject({ name: nameFilter }),
          response: { 200: pageOf(tokenSchema) },
        },
      },
      async (request) => wholeList(withName(await listTokens(roster), request.query.name)),
    );
    app.post(
      '/api/tokens',
      {
        schema: {
          summary: 'Create an API token; the secret is in this response only',
          body: z.strictObject({
            name: z.string().min(1).max(100),
            role: z.enum(tokenRoles).optional().describe('read-only when left out'),
            expiresAt: z.iso.datetime().nullish(),
            actsForEmail: z.string().max(320).nullish(),
            pushApp: z
              .string()
              .min(1)
              .max(200)
              .optional()
              .describe(
                "A push token: it may only push snapshots to this app's custom integration, and expires (90 days unless expiresAt says sooner)",
              ),
          }),
          response: { 201: tokenSchema.extend({ token: z.string() }) },
        },
      },
      async (request, reply) => {
        // A stolen admin session must not mint tokens by the thousand.
        await hitRateLimit(roster.database, `tokens:${actorOf(request)}`, 30, 3600);
        return reply.status(201).send(
          await createToken(roster, actorOf(request), {
            name: request.body.name,
            role: request.body.role,
            expiresAt: request.body.expiresAt ? new Date(request.body.expiresAt) : null,
            actsForEmail: request.body.actsForEmail ?? null,
            pushApp: request.body.pushApp ?? null,
            createdByMemberId: request.principal?.memberId ?? null,
          }),
        );
      },
    );
    app.delete(
      '/api/tokens/:name',
      {
        schema: {
          summary:
            'Revoke an API token (by id; the unprefixed path also takes its name); it stops working at once',
          params: z.strictObject({ name: z.string().min(1).max(100) }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const { name } = request.params;
        await revokeToken(roster, actorOf(request), cameVersioned(request) ? { id: Number(name) } : { name });
        return reply.status(204).send(null);
      },
    );
  };
}
