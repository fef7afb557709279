import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authenticate.js';
import { sendCsv } from '../../http/csv-response.js';
import { pageOf, pageQuery } from '../../http/schemas.js';
import { sortParam } from '../../lib/list-sort.js';
import { forEachPage } from '../../lib/page-batches.js';
import type { Roster } from '../../roster.js';
import { accountFactsSchema } from '../accounts/account-facts.js';
import { auditExport } from '../audit/export-audit.js';
import { peopleCsvColumns, peopleCsvRow } from './people-csv.js';
import { userSortFields } from './people-order.js';
import { listUsers, showUser } from './users.repo.js';

const userSummarySchema = z
  .object({
    id: z.number(),
    email: z.string(),
    name: z.string().nullable(),
    nameSource: z.enum(['employee_record', 'apps']).nullable(),
    type: z.enum(['employee', 'past_employee', 'external', 'service', 'unknown']),
    typeRule: z.string(),
    status: z.enum(['current', 'past']),
    apps: z.number(),
    additionalEmails: z.array(z.string()),
    annualCost: z.number().nullable(),
  })
  .meta({ id: 'UserSummary' });

const userDetailSchema = userSummarySchema
  .extend({
    domain: z.string(),
    employee: z
      .object({
        source: z.string(),
        status: z.string(),
        terminationDate: z.string().nullable(),
        department: z.string().nullable(),
        managerEmail: z.string().nullable(),
        attributes: z.record(z.string(), z.unknown()),
      })
      .nullable(),
    primaryEmail: z.string(),
    emails: z.array(
      z.object({
        email: z.string(),
        primary: z.boolean(),
        linkedBy: z.object({ source: z.string(), field: z.string(), value: z.string() }).nullable(),
      }),
    ),
    accounts: z.array(accountFactsSchema.extend({ app: z.string(), email: z.string() })),
    expenseSpend: z
      .object({
        currency: z.string(),
        total: z.number(),
        lines: z.number(),
        annualised: z.number().nullable(),
        annualisedFrom: z.enum(['trailing-12-months', 'extrapolated']).nullable(),
        apps: z.array(z.object({ app: z.string().nullable(), total: z.number(), lines: z.number() })),
      })
      .nullable()
      .describe(
        "expense lines paid by any of the person's emails, in the organisation's currency; beside annualCost (licenses), not in it",
      ),
  })
  .meta({ id: 'UserDetail' });

export function usersRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/users',
      {
        schema: {
          summary: 'List users (search by any email or name, sort by a column, cursor pagination)',
          querystring: pageQuery.extend({ sort: sortParam(userSortFields, 'email') }),
          response: { 200: pageOf(userSummarySchema).extend({ total: z.number() }) },
        },
      },
      async (request) => listUsers(roster, request.query),
    );
    app.get(
      '/api/users.csv',
      {
        schema: {
          summary:
            'The people list as CSV, searched and sorted as the list (streamed; cells safe from spreadsheet formulas)',
          querystring: z.strictObject({
            search: pageQuery.shape.search,
            sort: sortParam(userSortFields, 'email'),
          }),
        },
      },
      async (request, reply) => {
        await auditExport(roster, actorOf(request), 'people', { filters: request.query });
        return sendCsv(reply, {
          filename: 'people.csv',
          columns: peopleCsvColumns,
          fill: (write, signal) =>
            forEachPage(
              (cursor) => listUsers(roster, { ...request.query, cursor, limit: 500, countTotal: false }),
              async (batch) => {
                for (const row of batch) await write(peopleCsvRow(row));
              },
              signal,
            ),
        });
      },
    );
    app.get(
      '/api/users/:email',
      {
        schema: {
          summary:
            'One person by any of their emails, with every account of every email (active and removed)',
          params: z.strictObject({ email: z.string().min(3).max(320) }),
          response: { 200: userDetailSchema },
        },
      },
      async (request) => showUser(roster, request.params.email),
    );
  };
}
