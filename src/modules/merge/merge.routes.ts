import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authenticate.js';
import { sendCsv } from '../../http/csv-response.js';
import { pageOf, wholeList } from '../../http/schemas.js';
import { emailField } from '../../lib/email.js';
import { invalidInput } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import { auditExport } from '../audit/export-audit.js';
import { aliasFields } from './alias-fields.js';
import { applyMerge, configureMerge, previewMerge, revokeMerge } from './merge.service.js';
import { mergeReportCsvColumns, mergeReportCsvRows } from './merge-report-csv.js';
import { emailMergeReport } from './merge-report-email.js';

const provenanceSchema = z.object({
  sourceId: z.number(),
  source: z.string(),
  field: z.string(),
  value: z.string(),
});
const reportSchema = z
  .object({
    enabled: z.boolean(),
    configuration: z.array(
      z.object({ source: z.string(), sourceId: z.number(), fields: z.array(z.string()) }),
    ),
    usersBefore: z.number(),
    usersAfter: z.number(),
    merges: z.array(
      z.object({
        primary: z.string(),
        aliases: z.array(z.string()),
        provenance: z.array(z.object({ email: z.string(), via: z.array(provenanceSchema) })),
        apps: z.number(),
        licenses: z.number(),
        annualCost: z.number().nullable(),
        status: z.enum(['current', 'past']),
      }),
    ),
    skipped: z.array(
      z.object({
        email: z.string(),
        claimedBy: z.array(z.string()),
        rule: z.enum(['employee', 'multiple_primaries', 'has_aliases']),
      }),
    ),
    pending: z.array(
      z.object({ email: z.string(), primary: z.string(), waitingFor: z.enum(['alias', 'primary']) }),
    ),
    ignored: z.array(
      z.object({ primary: z.string(), field: z.string(), value: z.string(), reason: z.string() }),
    ),
    changes: z.object({
      merge: z.array(z.object({ email: z.string(), primary: z.string() })),
      unmerge: z.array(z.object({ email: z.string(), primary: z.string() })),
    }),
  })
  .meta({ id: 'MergeReport' });
const appliedSchema = z
  .object({ merged: z.number(), unmerged: z.number(), message: z.string() })
  .meta({ id: 'MergeApplied' });

const aliasFieldSchema = z
  .object({
    field: z.string(),
    kinds: z.array(z.string()),
    managedOnly: z.boolean(),
    description: z.string(),
  })
  .meta({ id: 'AliasField' });

export function mergeRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/merge/alias-fields',
      {
        schema: {
          summary:
            'The alias fields Merge Users can read, per source kind (managedOnly: only addresses of the organisation’s domains count)',
          response: { 200: pageOf(aliasFieldSchema) },
        },
      },
      async () => wholeList(aliasFields.map((f) => ({ ...f, kinds: [...f.kinds] }))),
    );
    app.get(
      '/api/merge/preview',
      {
        schema: {
          summary: 'Merge Users: the full changes report for the configured alias sources',
          response: { 200: reportSchema },
        },
      },
      async () => previewMerge(roster),
    );
    app.get(
      '/api/merge/preview.csv',
      {
        schema: {
          summary:
            'The changes report as CSV, one row per email: merged, not merged (and why), waiting, ignored (cells safe from spreadsheet formulas)',
        },
      },
      async (request, reply) => {
        await auditExport(roster, actorOf(request), 'merge-report');
        const report = await previewMerge(roster);
        return sendCsv(reply, {
          filename: 'merge-report.csv',
          columns: mergeReportCsvColumns,
          fill: async (write) => {
            for (const row of mergeReportCsvRows(report)) await write(row);
          },
        });
      },
    );
    app.put(
      '/api/merge/configuration',
      {
        schema: {
          summary:
            'Choose the alias sources (per identity source, its alias fields); answers the new report, applies nothing',
          body: z.strictObject({
            sources: z
              .array(
                z.strictObject({
                  source: z.union([z.string().min(1).max(200), z.number().int()]),
                  fields: z.array(z.string().max(50)).max(10),
                }),
              )
              .max(20),
          }),
          response: { 200: reportSchema },
        },
      },
      async (request) => configureMerge(roster, actorOf(request), request.body.sources),
    );
    app.post(
      '/api/merge/apply',
      {
        schema: {
          summary: 'Turn Merge Users on with the configured alias sources',
          response: { 200: appliedSchema },
        },
      },
      async (request) => applyMerge(roster, actorOf(request)),
    );
    app.post(
      '/api/merge/revoke',
      {
        schema: {
          summary: 'Turn Merge Users off, restoring every user exactly',
          response: { 200: appliedSchema },
        },
      },
      async (request) => revokeMerge(roster, actorOf(request)),
    );
    app.post(
      '/api/merge/preview/email',
      {
        schema: {
          summary: 'Email the full changes report (to the signed-in admin, or to `to`)',
          body: z.strictObject({ to: emailField.optional() }),
          response: { 200: z.object({ sentTo: z.string() }) },
        },
      },
      async (request) => {
        const principal = request.principal;
        const to =
          request.body.to ??
          (principal?.kind === 'session' ? principal.actor.replace(/^member:/, '') : undefined);
        if (!to)
          throw invalidInput('Say where to send the report', [
            { field: 'to', message: 'is required when calling with an API token' },
          ]);
        await emailMergeReport(roster, actorOf(request), to);
        return { sentTo: to };
      },
    );
  };
}
