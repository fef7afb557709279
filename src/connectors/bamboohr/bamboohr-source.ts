import { z } from 'zod';
import type { ErrorDetail } from '../../lib/errors.js';
import { capabilities } from '../kit/capabilities.js';
import { defineSourceKind } from '../kit/connector.js';
import { ConnectorError } from '../kit/connector-error.js';
import { firstOfEach } from '../kit/paging.js';
import { httpTuningSchema, providerHttp } from '../kit/provider-http.js';
import type { SourceRecordInput } from '../kit/records.js';
import { advancedField, secretField } from '../kit/settings-schema.js';
import { defaultReportFields, employeeFromRow, type ReportRow } from './employee-mapping.js';

/**
 * BambooHR as the employee source of truth. Roster runs one custom report
 * (`POST /v1/reports/custom?format=JSON&onlyCurrent=false`) rather than reading the employee directory:
 * the directory leaves out people who have left and a company can switch it off, while the report lists
 * every employee, Active and Inactive, with the fields Roster names, including the termination date and
 * the admin's extra fields, under the field names admins see in BambooHR. `onlyCurrent=false` also shows
 * future-dated values (a leaving date already entered). BambooHR answers the whole company at once (no
 * paging), so retries and faults apply to that one request.
 *
 * BambooHR marks this endpoint deprecated in favour of Datasets (`/api/v2/datasets/{name}/data`, paged),
 * whose employee dataset uses other field names; moving there changes the request and field names only.
 */
const PROVIDER = 'BambooHR';
/** Records per yielded page, so the engine stages a large company in steps. */
const CHUNK = 1000;

const configSchema = z.strictObject({
  companyDomain: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'must be the company subdomain, like "acme" for acme.bamboohr.com')
    .meta({
      title: 'Company subdomain',
      description: 'The part before .bamboohr.com in your BambooHR address: acme for acme.bamboohr.com.',
      examples: ['acme'],
    }),
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .default('https://api.bamboohr.com')
    .transform((u) => u.replace(/\/+$/, ''))
    .meta({
      title: 'API URL',
      description:
        'Scheme and host of the BambooHR API; /api/gateway.php/{subdomain}/v1/ is added. Change it only for a proxy. Default: https://api.bamboohr.com',
      ...advancedField,
    }),
  fields: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(200)
        .regex(/^[A-Za-z0-9_.-]+$/, 'must be a BambooHR field name or id, like "jobTitle" or "4021"'),
    )
    .max(100)
    .default([])
    .meta({
      title: 'Extra fields',
      description:
        'BambooHR fields (names or numeric IDs) synced as employee attributes, such as jobTitle or 4021. No other field is synced.',
      examples: [['jobTitle', 'location']],
    }),
  http: httpTuningSchema,
});

const apiKey = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .meta({
    title: 'API key',
    description:
      'A BambooHR API key (account menu → API Keys) of a user who may see every employee and the extra fields.',
    ...secretField,
  });
/** A BambooHR API key; `accessToken` is accepted as the same key so every provider takes one static secret. */
const credentialsSchema = z.union([
  z.strictObject({ apiKey }).meta({ title: 'API key' }),
  // Published as deprecated so forms offer the one name, apiKey.
  z.strictObject({ accessToken: apiKey }).meta({ title: 'API key (as accessToken)', deprecated: true }),
]);

export type BambooHrConfig = z.output<typeof configSchema>;

export function customReportUrl(config: Pick<BambooHrConfig, 'baseUrl' | 'companyDomain'>): string {
  return `${config.baseUrl}/api/gateway.php/${encodeURIComponent(config.companyDomain)}/v1/reports/custom?format=JSON&onlyCurrent=false`;
}

export const bambooHrSourceKind = defineSourceKind({
  kind: 'bamboohr',
  title: 'BambooHR',
  description:
    'Employees from BambooHR (work and personal email, status, termination date, department, manager), including people who have left, plus any extra fields you choose.',
  capabilities: capabilities(['employees']),
  mode: 'pull',
  configSchema,
  credentialsSchema,
  async *fetch({ config, credentials, signal, outbound }) {
    const key = credentials && ('apiKey' in credentials ? credentials.apiKey : credentials.accessToken);
    if (!key) throw new ConnectorError('auth', `${PROVIDER} needs an API key`);
    const basic = `Basic ${Buffer.from(`${key}:x`).toString('base64')}`;
    const http = providerHttp({
      provider: PROVIDER,
      signal,
      outbound,
      authorization: async () => basic,
      errorText: (_body, headers) => headers.get('x-bamboohr-error-message') ?? undefined,
      ...config.http,
    });
    const extra = [...new Set(config.fields)];
    const requested = [...new Set([...defaultReportFields, ...extra])];

    const { body } = await http.postJson(customReportUrl(config), { fields: requested });
    const employees = (body as { employees?: unknown } | null)?.employees;
    if (!Array.isArray(employees))
      throw new ConnectorError(
        'invalid_data',
        `${PROVIDER} answered the custom report without an employees list`,
      );
    checkFieldsAnswered(body as { fields?: unknown }, employees as ReportRow[], extra);

    const today = new Date().toISOString().slice(0, 10);
    // A person changed while BambooHR built the report can be listed twice: count them once.
    let anonymous = 0;
    const unseen = firstOfEach<ReportRow>((row) =>
      row.id !== undefined && row.id !== null && row.id !== ''
        ? `id ${String(row.id)}`
        : `row ${++anonymous}`,
    );
    const total = employees.length;
    if (total === 0) {
      yield { records: [], progress: { done: 0, total: 0 } };
      return;
    }
    for (let start = 0; start < total; start += CHUNK) {
      const records: SourceRecordInput[] = [];
      const rejected: ErrorDetail[] = [];
      const rows = (employees.slice(start, start + CHUNK) as unknown[]).filter(
        (row): row is ReportRow => typeof row === 'object' && row !== null,
      );
      for (const row of unseen(rows)) {
        const mapped = employeeFromRow(row, extra, today);
        if (mapped.rejected) rejected.push(mapped.rejected);
        else records.push(mapped.record);
      }
      yield { records, rejected, progress: { done: Math.min(total, start + CHUNK), total } };
    }
  },
});

/**
 * BambooHR answers a report naming a field it does not know, or one the API key's user may not see, with
 * that field silently left out. Without work emails or statuses every employee would look wrong, and a missing extra
 * field would silently clear an attribute, so both fail the run with the field named.
 */
function checkFieldsAnswered(
  body: { fields?: unknown },
  employees: ReportRow[],
  extra: readonly string[],
): void {
  if (employees.length === 0) return;
  const listed = new Set(
    Array.isArray(body.fields)
      ? body.fields.map((f) => String((f as { id?: unknown; alias?: unknown })?.id ?? ''))
      : [],
  );
  const sample = employees.slice(0, 50);
  const answered = (field: string) =>
    listed.has(field) || sample.some((row) => typeof row === 'object' && row !== null && field in row);
  const missingCore = ['workEmail', 'status'].filter((f) => !answered(f));
  if (missingCore.length)
    throw new ConnectorError(
      'permission',
      `${PROVIDER} left ${missingCore.join(' and ')} out of the report: the API key's user may not see ${missingCore.length > 1 ? 'these fields' : 'this field'}`,
      missingCore.map((f) => ({ field: f, message: 'not in the report' })),
    );
  const missingExtra = extra.filter((f) => !answered(f));
  if (missingExtra.length)
    throw new ConnectorError(
      'invalid_data',
      `${PROVIDER} did not return the field${missingExtra.length > 1 ? 's' : ''} ${missingExtra.join(', ')} from this source's field list: check the name, or that the API key's user may see it`,
      missingExtra.map((f) => ({ field: 'fields', message: `${PROVIDER} did not return "${f}"` })),
    );
}
