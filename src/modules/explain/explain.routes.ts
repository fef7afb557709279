import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Roster } from '../../roster.js';
import { findVisibleAppId, requireOrganisationView } from '../apps/app-owners.js';
import { explain, explainWhats, organisationFigures, personFigures } from './explain.service.js';

const explanationSchema = z
  .object({
    what: z.string(),
    subject: z.string().nullable(),
    figure: z.record(z.string(), z.number().nullable()),
    computation: z.string(),
    sources: z.array(
      z.object({
        name: z.string(),
        kind: z.string(),
        coverage: z.enum(['full', 'partial']),
        freshness: z.string(),
        lastSuccessAt: z.string().nullable(),
        capabilities: z.array(z.string()),
        unavailable: z.array(z.object({ capability: z.string(), reason: z.string() })),
      }),
    ),
    causes: z.array(z.object({ code: z.string(), text: z.string(), count: z.number().optional() })),
    excluded: z.array(z.object({ what: z.string(), count: z.number(), why: z.string() })),
    toImprove: z.array(z.string()),
  })
  .meta({ id: 'Explanation' });

export function explainRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/explain/:what',
      {
        schema: {
          summary: 'Why a figure is what it is: how it was computed, from which sources, what is missing',
          params: z.strictObject({ what: z.enum(explainWhats) }),
          querystring: z.strictObject({
            app: z.string().min(1).max(200).optional(),
            email: z.string().min(3).max(320).optional(),
          }),
          response: { 200: explanationSchema },
        },
      },
      async (request) => {
        // An app owner may ask about their own apps only, and not about the whole organisation.
        const aboutPerson = personFigures.includes(request.params.what);
        if (organisationFigures.includes(request.params.what) || aboutPerson)
          requireOrganisationView(request.principal);
        else if (request.query.app) await findVisibleAppId(roster, request.principal, request.query.app);
        return explain(roster, request.params.what, aboutPerson ? request.query.email : request.query.app);
      },
    );
  };
}
