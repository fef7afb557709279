import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendCsv } from '../../http/csv-response.js';
import { pageOf } from '../../http/schemas.js';
import type { Roster } from '../../roster.js';
import { findVisibleAppId } from '../apps/app-owners.js';
import { findAppId } from '../apps/apps.service.js';
import { type ExpenseLineFilters, forEachExpenseLine, listExpenseLines } from './expense-lines.repo.js';
import { expenseCsvColumns, expenseLineSchema, expenseStatuses } from './expense-lines.schemas.js';
import { appSpendDetailSchema, expenseSummarySchema } from './summary.schemas.js';
import { loadAppSpend, loadExpenseSummary } from './summary.service.js';

const filtersQuery = {
  status: z.enum(expenseStatuses).optional(),
  app: z.string().min(1).max(200).optional(),
};

/** What expenses show: the summary, one app's spend, and the lines (paged, or as a CSV download). */
export function expenseFiguresRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    const toFilters = async (query: { status?: ExpenseLineFilters['status']; app?: string }) => ({
      ...(query.status ? { status: query.status } : {}),
      ...(query.app ? { appId: await findAppId(roster, query.app) } : {}),
    });

    app.get(
      '/api/expenses/summary',
      {
        schema: {
          summary:
            "Expenses in the organisation's currency: total, matched, unmatched, ignored, excluded, duplicates, itemised, unconverted lines, the matching rate, and spend per app with its annualised figure and license cost",
          response: { 200: expenseSummarySchema },
        },
      },
      async () => loadExpenseSummary(roster),
    );

    app.get(
      '/api/expenses/apps/:app',
      {
        schema: {
          summary: "One app's spend: total, lines, annualised, license cost, month by month",
          params: z.strictObject({ app: z.string().min(1).max(200) }),
          response: { 200: appSpendDetailSchema },
        },
      },
      async (request) =>
        loadAppSpend(roster, await findVisibleAppId(roster, request.principal, request.params.app)),
    );

    app.get(
      '/api/expenses/lines',
      {
        schema: {
          summary:
            'Expense lines, newest first (unmatched: biggest first, with suggestions and the rule that would catch them)',
          querystring: z.strictObject({
            ...filtersQuery,
            cursor: z.string().max(500).optional(),
            limit: z.coerce.number().int().min(1).max(500).optional(),
          }),
          response: {
            200: pageOf(expenseLineSchema),
          },
        },
      },
      async (request) => {
        const { cursor, limit, ...query } = request.query;
        return listExpenseLines(roster, await toFilters(query), { cursor, limit });
      },
    );

    app.get(
      '/api/expenses/lines.csv',
      {
        schema: {
          summary: 'Expense lines as CSV (streamed; cells safe from spreadsheet formulas)',
          querystring: z.strictObject(filtersQuery),
        },
      },
      async (request, reply) => {
        const filters = await toFilters(request.query);
        return sendCsv(reply, {
          filename: `expenses${filters.status ? `-${filters.status}` : ''}.csv`,
          columns: expenseCsvColumns,
          fill: (write, signal) =>
            forEachExpenseLine(
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
