import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authenticate.js';
import { sendCsv } from '../../http/csv-response.js';
import { pageOf } from '../../http/schemas.js';
import { forEachPage } from '../../lib/page-batches.js';
import type { Roster } from '../../roster.js';
import { type AuditFilters, type AuditView, listAudit } from './audit.repo.js';
import { auditExport } from './export-audit.js';

const entrySchema = z
  .object({
    id: z.number(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

const filtersQuery = {
  action: z.string().max(100).optional(),
  actor: z.string().max(400).optional(),
  targetType: z.string().max(100).optional().describe('what kind of thing changed: app, member, token, …'),
  targetId: z.string().max(400).optional().describe('which one (its id or name, as the entry records it)'),
  from: z.iso.datetime({ offset: true }).optional().describe('entries at or after this instant'),
  to: z.iso.datetime({ offset: true }).optional().describe('entries before this instant'),
};

const toFilters = <Q extends Omit<AuditFilters, 'from' | 'to'> & { from?: string; to?: string }>({
  from,
  to,
  ...rest
}: Q) => ({
  ...rest,
  ...(from ? { from: new Date(from) } : {}),
  ...(to ? { to: new Date(to) } : {}),
});

export const auditCsvColumns = [
  'id',
  'at',
  'actor',
  'action',
  'targetType',
  'targetId',
  'before',
  'after',
] as const;

// Before and after are JSON: written as text so they sit in one cell and pass the formula guard.
const json = (value: unknown) => (value == null ? '' : JSON.stringify(value));
const auditCsvRow = (entry: AuditView) => ({
  ...entry,
  before: json(entry.before),
  after: json(entry.after),
});

export function auditRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit',
      {
        schema: {
          summary: 'The audit log, newest first (filter by actor, action, target and date range)',
          querystring: z.strictObject({
            ...filtersQuery,
            cursor: z.coerce.number().int().positive().optional(),
            limit: z.coerce.number().int().min(1).max(500).optional(),
          }),
          response: { 200: pageOf(entrySchema) },
        },
      },
      async (request) => listAudit(roster, toFilters(request.query)),
    );
    app.get(
      '/api/audit.csv',
      {
        schema: {
          summary:
            'The audit log as CSV, with the same filters (streamed; cells safe from spreadsheet formulas)',
          querystring: z.strictObject(filtersQuery),
        },
      },
      async (request, reply) => {
        const filters = toFilters(request.query);
        await auditExport(roster, actorOf(request), 'audit', { filters: request.query });
        return sendCsv(reply, {
          filename: 'audit-log.csv',
          columns: auditCsvColumns,
          fill: (write, signal) =>
            forEachPage(
              (cursor) =>
                listAudit(roster, { ...filters, cursor: cursor ? Number(cursor) : undefined, limit: 1000 }),
              async (batch) => {
                for (const entry of batch) await write(auditCsvRow(entry));
              },
              signal,
            ),
        });
      },
    );
  };
}
