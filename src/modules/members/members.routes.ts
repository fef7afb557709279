import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authenticate.js';
import { pageOf, wholeList } from '../../http/schemas.js';
import type { Roster } from '../../roster.js';
import { createPasswordLink, createSignInLink } from '../auth/member-links.js';
import { roles } from '../tokens/tokens.service.js';
import { addMember, listMembers, updateMember } from './members.service.js';

const memberSchema = z
  .object({
    id: z.number(),
    email: z.string(),
    role: z.enum(roles),
    hasPassword: z.boolean(),
    singleSignOnBound: z.boolean(),
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'AdminMember' });

export function membersRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/members',
      {
        schema: {
          summary: 'Admin members and their roles',
          response: { 200: pageOf(memberSchema) },
        },
      },
      async () => wholeList(await listMembers(roster)),
    );
    app.post(
      '/api/members',
      {
        schema: {
          summary: 'Add an admin member with a role',
          body: z.strictObject({ email: z.string().max(320), role: z.enum(roles) }),
          response: { 201: memberSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addMember(roster, actorOf(request), request.body)),
    );
    app.patch(
      '/api/members/:email',
      {
        schema: {
          summary:
            "Change a member's role, disable them (their sessions end and the tokens they created are revoked, at once), or forget the single sign-on account they are bound to (their next SSO sign-in binds one again)",
          params: z.strictObject({ email: z.string().max(320) }),
          body: z.strictObject({
            role: z.enum(roles).optional(),
            disabled: z.boolean().optional(),
            forgetSingleSignOn: z.literal(true).optional(),
          }),
          response: { 200: memberSchema },
        },
      },
      async (request) => updateMember(roster, actorOf(request), request.params.email, request.body),
    );
    app.post(
      '/api/members/:email/sign-in-link',
      {
        schema: {
          summary:
            'A one-time sign-in link (30 minutes) for an admin member; on an installation without an admin, it makes this email the first admin (audited)',
          params: z.strictObject({ email: z.string().max(320) }),
          response: { 201: z.object({ url: z.string() }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createSignInLink(roster, actorOf(request), request.params.email)),
    );
    app.post(
      '/api/members/:email/password-link',
      {
        schema: {
          summary:
            'A one-time token (30 minutes) with which an admin member sets or resets a local password, and setPasswordUrl: the console page that spends it (audited)',
          params: z.strictObject({ email: z.string().max(320) }),
          response: { 201: z.object({ token: z.string(), setPasswordUrl: z.string() }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createPasswordLink(roster, actorOf(request), request.params.email)),
    );
  };
}
