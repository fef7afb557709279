import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authenticate.js';
import { sendCsv } from '../../http/csv-response.js';
import { idOrNameParams, nameFilter, pageOf, pageQuery } from '../../http/schemas.js';
import { sortParam } from '../../lib/list-sort.js';
import { forEachPage } from '../../lib/page-batches.js';
import type { Roster } from '../../roster.js';
import { accountFactsSchema } from '../accounts/account-facts.js';
import { auditExport } from '../audit/export-audit.js';
import { setAppDomains } from './app-domains.js';
import { findVisibleAppId, setAppOwners, visibleAppIds } from './app-owners.js';
import { appAccounts, appSortFields, listApps, showApp } from './apps.repo.js';
import { addApp, setInactivityThreshold } from './apps.service.js';
import { appsCsvColumns, appsCsvRow, appUsersCsvColumns, appUsersCsvRow } from './apps-csv.js';

const appSummarySchema = z
  .object({
    id: z.number(),
    name: z.string(),
    catalogId: z.string().nullable(),
    category: z.string().nullable(),
    vendor: z.string().nullable(),
    origin: z.enum(['catalog', 'custom']),
    users: z.number(),
    activeAccounts: z.number(),
    licenseTypes: z.number(),
    sources: z.array(z.string()),
  })
  .meta({ id: 'AppSummary' });

const appDetailSchema = appSummarySchema
  .extend({
    sources: z.array(z.object({ id: z.number(), name: z.string(), kind: z.string() })),
    instances: z.array(z.object({ name: z.string(), managed: z.boolean(), accounts: z.number() })),
    inactivityDays: z
      .number()
      .nullable()
      .describe(
        "The app's own inactivity threshold in days; null when it follows the organisation's default",
      ),
    owners: z.array(z.string()),
    domains: z
      .array(z.string())
      .describe(
        "Domains the organisation gave this app, published to the browser extension beside the catalog's",
      ),
    licenseTypesDetail: z.array(
      z.object({
        name: z.string(),
        source: z.string(),
        purchased: z.number().nullable(),
        assigned: z.number(),
        unassigned: z.number().nullable(),
        active: z.number(),
        inactive: z.number(),
        usageUnknown: z.number(),
        pricePerUserCents: z.number().nullable(),
      }),
    ),
    usage: z.object({
      covered: z.boolean(),
      sources: z.array(z.object({ name: z.string(), stale: z.boolean() })),
      wouldFill: z.array(z.string()),
    }),
    seenOnlyAtSignUp: z
      .boolean()
      .describe(
        'The browser extension saw only sign-ups on this app, no visit or sign-in: not counted as in use',
      ),
    accounts: pageOf(accountFactsSchema.extend({ email: z.string(), firstSeenAt: z.string() })),
  })
  .meta({ id: 'AppDetail' });

export function appsRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/apps',
      {
        schema: {
          summary: 'List apps (search by name, sort by a column, cursor pagination)',
          querystring: pageQuery.extend({ name: nameFilter, sort: sortParam(appSortFields, 'name') }),
          response: { 200: pageOf(appSummarySchema) },
        },
      },
      async (request) =>
        listApps(roster, { ...request.query, appIds: await visibleAppIds(roster, request.principal) }),
    );
    app.get(
      '/api/apps.csv',
      {
        schema: {
          summary:
            'The apps list as CSV, searched and sorted as the list (streamed; cells safe from spreadsheet formulas)',
          querystring: z.strictObject({
            search: pageQuery.shape.search,
            sort: sortParam(appSortFields, 'name'),
          }),
        },
      },
      async (request, reply) => {
        const appIds = await visibleAppIds(roster, request.principal);
        await auditExport(roster, actorOf(request), 'apps', { filters: request.query });
        return sendCsv(reply, {
          filename: 'apps.csv',
          columns: appsCsvColumns,
          fill: (write, signal) =>
            forEachPage(
              (cursor) => listApps(roster, { ...request.query, appIds, cursor, limit: 500 }),
              async (batch) => {
                for (const row of batch) await write(appsCsvRow(row));
              },
              signal,
            ),
        });
      },
    );
    app.get(
      '/api/apps/:ref/users.csv',
      {
        schema: {
          summary: "An app's users (its accounts) as CSV (streamed; cells safe from spreadsheet formulas)",
          params: idOrNameParams,
          querystring: z.strictObject({ includeRemoved: z.enum(['true', 'false']).optional() }),
        },
      },
      async (request, reply) => {
        const appId = await findVisibleAppId(roster, request.principal, request.params.ref);
        const includeRemoved = request.query.includeRemoved === 'true';
        await auditExport(roster, actorOf(request), 'app-users', {
          targetId: appId,
          filters: { includeRemoved },
        });
        return sendCsv(reply, {
          filename: 'app-users.csv',
          columns: appUsersCsvColumns,
          fill: (write, signal) =>
            forEachPage(
              (cursor) => appAccounts(roster, appId, { cursor, limit: 1000, includeRemoved }),
              async (batch) => {
                for (const row of batch) await write(appUsersCsvRow(row));
              },
              signal,
            ),
        });
      },
    );
    app.post(
      '/api/apps',
      {
        schema: {
          summary: 'Add an app by hand (linked to the catalog when the name matches, else a custom app)',
          body: z.strictObject({ name: z.string().min(1).max(200) }),
          response: { 201: z.object({ id: z.number(), name: z.string(), catalogId: z.string().nullable() }) },
        },
      },
      async (request, reply) => reply.status(201).send(await addApp(roster, actorOf(request), request.body)),
    );
    app.patch(
      '/api/apps/:ref',
      {
        schema: {
          summary:
            "Change an app's inactivity threshold (days without use; null for the organisation default)",
          params: idOrNameParams,
          body: z.strictObject({ inactivityDays: z.number().int().min(1).max(3650).nullable() }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await setInactivityThreshold(
          roster,
          actorOf(request),
          request.params.ref,
          request.body.inactivityDays,
        );
        return reply.status(204).send(null);
      },
    );
    app.put(
      '/api/apps/:ref/owners',
      {
        schema: {
          summary: "Set an app's owners (emails); app-owner members and tokens for these emails see this app",
          params: idOrNameParams,
          body: z.strictObject({ emails: z.array(z.string().max(320)).max(50) }),
          response: { 200: z.object({ owners: z.array(z.string()) }) },
        },
      },
      async (request) => ({
        owners: await setAppOwners(roster, actorOf(request), request.params.ref, request.body.emails),
      }),
    );
    app.put(
      '/api/apps/:ref/domains',
      {
        schema: {
          summary:
            'Set the domains the organisation gives an app (an intranet, an app the catalog lacks): the browser extension reports visits to them',
          params: idOrNameParams,
          body: z.strictObject({ domains: z.array(z.string().max(253)).max(50) }),
          response: { 200: z.object({ domains: z.array(z.string()) }) },
        },
      },
      async (request) => ({
        domains: await setAppDomains(roster, actorOf(request), request.params.ref, request.body.domains),
      }),
    );
    app.get(
      '/api/apps/:ref',
      {
        schema: {
          summary: 'One app with its license types and accounts (each account as the app names it)',
          params: idOrNameParams,
          querystring: z.strictObject({
            cursor: z.string().max(1000).optional(),
            limit: z.coerce.number().int().min(1).max(1000).optional(),
            includeRemoved: z.enum(['true', 'false']).optional(),
          }),
          response: { 200: appDetailSchema },
        },
      },
      async (request) =>
        showApp(roster, request.params.ref, {
          ...request.query,
          includeRemoved: request.query.includeRemoved === 'true',
          appId: await findVisibleAppId(roster, request.principal, request.params.ref),
        }),
    );
  };
}
