import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  type DateFormat,
  dateFormats,
  type ExpensePreset,
  expenseColumns,
  expensePresets,
} from '../../../connectors/expense-csv/presets.js';
import { expenseLinesBodySchema } from '../../../connectors/kit/expense-json.js';
import { actorOf } from '../../../http/authenticate.js';
import { idOrNameParams, syncResultSchema } from '../../../http/schemas.js';
import type { Roster } from '../../../roster.js';
import { errorOfFailedRun } from '../../../sync/result-error.js';
import { importExchangeRates } from './exchange-rates.service.js';
import { listExpenseAccounts, setExpenseAccountExcluded } from './expense-accounts.service.js';
import { importExpenses, pushExpenseLines } from './expense-import.service.js';

const expenseImportResultSchema = syncResultSchema
  .extend({
    source: z.object({ id: z.number(), name: z.string() }),
    message: z
      .string()
      .describe('What the import did, e.g. "Same file as the import of 2026-03-01; nothing changed"'),
  })
  .meta({ id: 'ExpenseImportResult' });

const expenseAccountSchema = z
  .object({
    account: z.string(),
    lines: z.number(),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
    excludedAt: z
      .string()
      .nullable()
      .describe('Set while the account is excluded: its lines count in no figure'),
    excludedBy: z.string().nullable(),
  })
  .meta({ id: 'ExpenseAccount' });

const accountsSchema = z
  .object({ source: z.object({ id: z.number(), name: z.string() }), accounts: z.array(expenseAccountSchema) })
  .meta({ id: 'ExpenseAccounts' });

const sourceName = z.string().min(1).max(200);

function bytesOf(body: unknown): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : '', 'utf8');
}

export function expenseImportRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    const mappingQuery = Object.fromEntries(
      expenseColumns.map((c) => [`map.${c}`, z.string().min(1).max(200).optional()]),
    );
    app.post(
      '/api/imports/expenses',
      {
        bodyLimit: roster.config.maxUploadBytes,
        schema: {
          summary: 'Import expense lines from a CSV or XLSX export (the whole file is applied, or nothing)',
          description:
            'Send the file as the body (text/csv, or an XLSX workbook as application/octet-stream). Lines are added ' +
            'to the named expense source (created on first use) and never removed; the same file uploaded again ' +
            `changes nothing. Canonical header: ${expenseColumns.join(',')}. Other headers: preset=<${expensePresets.join('|')}> ` +
            'or map.<field>=<header> query parameters.',
          querystring: z.strictObject({
            source: sourceName,
            preset: z.enum(expensePresets).optional(),
            dateFormat: z.enum(dateFormats).optional(),
            currency: z.string().min(3).max(3).optional(),
            countItems: z.enum(['lines', 'main']).optional(),
            fileName: z.string().min(1).max(255).optional(),
            ...mappingQuery,
          }),
          response: { 200: expenseImportResultSchema },
        },
      },
      async (request, reply) => {
        const { source, preset, dateFormat, currency, countItems, fileName, ...rest } =
          request.query as Record<string, string | undefined>;
        const mapping = Object.fromEntries(
          Object.entries(rest)
            .filter(([key, value]) => key.startsWith('map.') && value)
            .map(([key, value]) => [key.slice(4), value]),
        );
        const result = await importExpenses(roster, actorOf(request), {
          source: source ?? '',
          content: bytesOf(request.body),
          fileName,
          preset: preset as ExpensePreset | undefined,
          dateFormat: dateFormat as DateFormat | undefined,
          currency,
          countItems: countItems as 'lines' | 'main' | undefined,
          mapping,
        });
        const failure = errorOfFailedRun(result);
        if (failure) throw failure;
        return reply.send(result);
      },
    );

    app.post(
      '/api/expenses/lines',
      {
        bodyLimit: roster.config.maxUploadBytes,
        schema: {
          summary: 'Push expense lines from a finance system (all lines are applied, or none)',
          description:
            'Adds the lines to the named expense-push source (created on first use); lines are never removed, and ' +
            'lines pushed again (same id, or same fields) change nothing.',
          querystring: z.strictObject({ source: sourceName }),
          body: expenseLinesBodySchema.omit({ next: true }),
          response: { 200: expenseImportResultSchema },
        },
      },
      async (request, reply) => {
        const result = await pushExpenseLines(roster, actorOf(request), {
          source: request.query.source,
          body: request.body,
        });
        const failure = errorOfFailedRun(result);
        if (failure) throw failure;
        return reply.send(result);
      },
    );

    app.get(
      '/api/expenses/sources/:ref/accounts',
      {
        schema: {
          summary: 'The cards and GL accounts an expense source covers, excluded ones marked',
          params: idOrNameParams,
          response: { 200: accountsSchema },
        },
      },
      async (request) => listExpenseAccounts(roster, request.params.ref),
    );

    for (const action of ['exclude', 'include'] as const) {
      app.post(
        `/api/expenses/sources/:ref/accounts/${action}`,
        {
          schema: {
            summary:
              action === 'exclude'
                ? 'Exclude an account: its lines count in no figure (audited)'
                : 'Count an excluded account’s lines again (audited)',
            params: idOrNameParams,
            body: z.strictObject({ account: z.string().min(1).max(200) }),
            response: { 200: expenseAccountSchema },
          },
        },
        async (request) =>
          setExpenseAccountExcluded(
            roster,
            actorOf(request),
            request.params.ref,
            request.body.account,
            action === 'exclude',
          ),
      );
    }

    app.post(
      '/api/expenses/rates',
      {
        bodyLimit: roster.config.maxUploadBytes,
        schema: {
          summary: 'Import exchange rates (CSV date,currency,rate; the whole file is applied, or nothing)',
          description:
            'rate = units of the organisation’s currency per unit of currency, from that date; the latest rate on or ' +
            'before a line’s date converts it. Send the file as text/csv.',
          response: {
            200: z
              .object({ rates: z.number(), added: z.number(), updated: z.number() })
              .meta({ id: 'ExchangeRatesImport' }),
          },
        },
      },
      async (request) => importExchangeRates(roster, actorOf(request), bytesOf(request.body)),
    );
  };
}
