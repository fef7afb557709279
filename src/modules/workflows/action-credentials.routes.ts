import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authenticate.js';
import { pageOf, wholeList } from '../../http/schemas.js';
import type { Roster } from '../../roster.js';
import { listActionCredentials, setActionCredentials } from './action-credentials.js';
import { workflowActions } from './workflow-actions.js';

const stateSchema = z
  .object({
    type: z.string(),
    set: z.boolean(),
    updatedBy: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'ActionCredentialsState' });

/**
 * The provider credentials of workflow actions (a Slack bot token, Jira site credentials): set sealed,
 * listed as set or not, never answered back.
 */
export const actionCredentialsRoutes =
  (roster: Roster): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/workflow-credentials',
      {
        schema: {
          summary: 'The action types that take credentials, and whether they are set (never their values)',
          response: { 200: pageOf(stateSchema) },
        },
      },
      async () => wholeList(await listActionCredentials(roster, workflowActions(roster))),
    );
    app.put(
      '/api/workflow-credentials/:type',
      {
        schema: {
          summary: "Set an action type's credentials (kept encrypted; replaces the ones set before)",
          params: z.object({ type: z.string().min(1).max(100) }),
          body: z.record(z.string(), z.unknown()).meta({
            description:
              'The credentials, as the action describes them (slack.message: {"botToken": "xoxb-…"})',
          }),
          response: { 200: stateSchema },
        },
      },
      async (request) =>
        setActionCredentials(
          roster,
          actorOf(request),
          request.params.type,
          request.body,
          workflowActions(roster),
        ),
    );
  };
