import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authenticate.js';
import { sendCsv } from '../../http/csv-response.js';
import { pageOf, wholeList } from '../../http/schemas.js';
import type { Roster } from '../../roster.js';
import { findVisibleAppId, type Viewer, visibleAppIds } from '../apps/app-owners.js';
import { auditInactiveLicensesExport } from './license-export-audit.js';
import { inactiveReasonCodes } from './license-states.js';
import {
  forEachInactiveLicense,
  type InactiveFilters,
  inactiveSummary,
  listInactiveLicenses,
} from './licenses.repo.js';

const filtersQuery = {
  app: z.string().min(1).max(200).optional(),
  licenseType: z.string().min(1).max(200).optional(),
  reason: z.enum(inactiveReasonCodes as [string, ...string[]]).optional(),
  user: z.string().min(1).max(320).optional(),
};

const inactiveLicenseSchema = z
  .object({
    user: z.string().nullable(),
    personEmail: z.string(),
    email: z.string(),
    app: z.string(),
    licenseType: z.string(),
    lastUsedAt: z.string().nullable(),
    usageSource: z.string().nullable(),
    usageStale: z.boolean(),
    futureDate: z.boolean(),
    reason: z.enum(inactiveReasonCodes as [string, ...string[]]),
    reasonText: z.string(),
    thresholdDays: z.number(),
  })
  .meta({ id: 'InactiveLicense' });

export const inactiveCsvColumns = [
  'user',
  'email',
  'app',
  'licenseType',
  'lastUsedAt',
  'usageSource',
  'usageStale',
  'reason',
  'reasonText',
] as const;

async function toFilters(
  roster: Roster,
  viewer: Viewer | null,
  query: { app?: string; licenseType?: string; reason?: string; user?: string },
): Promise<InactiveFilters> {
  return {
    appIds: await visibleAppIds(roster, viewer),
    ...(query.app ? { appId: await findVisibleAppId(roster, viewer, query.app) } : {}),
    ...(query.licenseType ? { licenseType: query.licenseType } : {}),
    ...(query.reason ? { reason: query.reason as InactiveFilters['reason'] } : {}),
    ...(query.user ? { user: query.user } : {}),
  };
}

export function licensesRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/licenses/inactive',
      {
        schema: {
          summary:
            'Inactive licenses with their reason (who, which email, app, license type, last used and its source)',
          querystring: z.strictObject({
            ...filtersQuery,
            cursor: z.string().max(2000).optional(),
            limit: z.coerce.number().int().min(1).max(1000).optional(),
          }),
          response: {
            200: pageOf(inactiveLicenseSchema),
          },
        },
      },
      async (request) => {
        const { cursor, limit, ...rest } = request.query;
        return listInactiveLicenses(roster, await toFilters(roster, request.principal, rest), {
          cursor,
          limit,
        });
      },
    );
    app.get(
      '/api/licenses/inactive/summary',
      {
        schema: {
          summary: 'Inactive and usage-unknown license counts per app, by reason',
          response: {
            200: pageOf(
              z.object({
                app: z.string(),
                appId: z.number(),
                inactive: z.number(),
                usageUnknown: z.number(),
                byReason: z.record(z.string(), z.number()),
              }),
            ),
          },
        },
      },
      async (request) =>
        wholeList(await inactiveSummary(roster, new Date(), await visibleAppIds(roster, request.principal))),
    );
    app.get(
      '/api/licenses/inactive.csv',
      {
        schema: {
          summary: 'All inactive licenses as CSV (streamed; cells safe from spreadsheet formulas)',
          querystring: z.strictObject(filtersQuery),
        },
      },
      async (request, reply) => {
        const filters = await toFilters(roster, request.principal, request.query);
        await auditInactiveLicensesExport(roster, actorOf(request), filters);
        return sendCsv(reply, {
          filename: 'inactive-licenses.csv',
          columns: inactiveCsvColumns,
          fill: (write, signal) =>
            forEachInactiveLicense(
              roster,
              filters,
              async (batch) => {
                for (const row of batch) await write(row);
              },
              { signal },
            ),
        });
      },
    );
  };
}
