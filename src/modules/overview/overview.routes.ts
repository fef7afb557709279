import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Roster } from '../../roster.js';
import { overviewFigures } from './overview-figures.js';

const overviewSchema = z
  .object({
    apps: z.number().describe('Apps in use (those seen only at sign-up are counted apart)'),
    appsSeenOnlyAtSignUp: z
      .number()
      .describe(
        'Apps the browser extension saw only sign-ups on, no visit or sign-in: not counted as in use',
      ),
    people: z.number(),
    licenses: z.number(),
    inactiveLicenses: z.number(),
    usageUnknownLicenses: z.number(),
    annualLicenseCost: z.number().nullable(),
    spend: z.number().nullable().describe("annual spend from expense lines, in the organisation's currency"),
    spendFrom: z.enum(['trailing-12-months', 'extrapolated']).nullable(),
    currency: z.string(),
    utilisation: z.array(
      z.object({
        app: z.string(),
        appId: z.number(),
        purchased: z.number().nullable(),
        assigned: z.number(),
        active: z.number(),
        inactive: z.number(),
        usageUnknown: z.number(),
      }),
    ),
    inactiveByReason: z.record(z.string(), z.number()),
    discovered: z.array(z.object({ month: z.string(), apps: z.number() })),
  })
  .meta({ id: 'Overview' });

export function overviewRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/overview',
      {
        schema: {
          summary:
            'Organisation-wide counts (apps, people, licenses, inactive licenses, spend), license use per app (the 12 with most licenses), inactive licenses by reason, apps discovered per month',
          response: { 200: overviewSchema },
        },
      },
      async () => overviewFigures(roster),
    );
  };
}
