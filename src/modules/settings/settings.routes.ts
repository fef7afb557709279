import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authenticate.js';
import type { Roster } from '../../roster.js';
import { getSettings, updateSettings } from './settings.service.js';

const settingsSchema = z
  .object({
    name: z.string(),
    domains: z.array(z.string()),
    managedDomains: z.array(z.string()),
    stalenessDays: z.number(),
    inactivityDays: z.number(),
    autoOffboarding: z.boolean(),
    currency: z.string().describe('ISO 4217 code every expense figure is shown in'),
  })
  .meta({ id: 'Settings' });

export function settingsRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/settings',
      { schema: { summary: 'Organisation settings', response: { 200: settingsSchema } } },
      async () => getSettings(roster),
    );
    app.patch(
      '/api/settings',
      {
        schema: {
          summary: 'Change organisation settings (configured domains decide who is external)',
          body: z.strictObject({
            name: z.string().min(1).max(200).optional(),
            domains: z.array(z.string().min(1).max(253)).max(100).optional(),
            stalenessDays: z.number().int().min(1).max(365).optional(),
            inactivityDays: z.number().int().min(1).max(3650).optional(),
            autoOffboarding: z.boolean().optional(),
            currency: z
              .string()
              .regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code like USD or EUR')
              .optional()
              .describe(
                'ISO 4217 code every expense figure is shown in; lines in others convert through rates',
              ),
          }),
          response: { 200: settingsSchema },
        },
      },
      async (request) => updateSettings(roster, actorOf(request), request.body),
    );
  };
}
