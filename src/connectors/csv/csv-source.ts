import { z } from 'zod';
import { normaliseEmail } from '../../lib/email.js';
import type { ErrorDetail } from '../../lib/errors.js';
import { capabilities } from '../kit/capabilities.js';
import { defineSourceKind } from '../kit/connector.js';
import { ConnectorError } from '../kit/connector-error.js';
import { decodeUtf8, readCsvRows } from '../kit/csv-reader.js';
import { type AccountRecordInput, accountRecordSchema, type SourceRecordInput } from '../kit/records.js';
import { appSetting } from '../kit/settings-schema.js';
import { parseAccountStatus } from '../kit/status.js';
import { type ColumnMapping, canonicalColumns, type Preset, presets, resolveColumns } from './columns.js';

const configSchema = z.strictObject({
  app: appSetting('The app whose users the file lists.', 'Slack'),
  preset: z.enum(presets).default('roster').meta({
    title: 'Header preset',
    description:
      'roster: the file uses Roster’s column names; auto: common export header names are recognised too.',
  }),
  mapping: z
    .partialRecord(z.enum(canonicalColumns), z.string().min(1).max(200))
    .default({})
    .meta({
      title: 'Column mapping',
      description: 'Roster column → header in the file, for exports whose headers have other names.',
      examples: [{ email: 'Email Address' }],
    }),
});
export type CsvSourceConfig = z.infer<typeof configSchema>;

function toRecord(
  app: string,
  columns: ColumnMapping,
  values: Record<string, string>,
): { record?: AccountRecordInput; problems: Omit<ErrorDetail, 'row'>[] } {
  const cell = (column: keyof ColumnMapping) => {
    const header = columns[column];
    return header === undefined ? '' : (values[header] ?? '').trim();
  };
  const problems: Omit<ErrorDetail, 'row'>[] = [];
  const status = parseAccountStatus(cell('status'));
  if (!status)
    problems.push({ field: columns.status ?? 'status', message: `unknown status "${cell('status')}"` });
  const licenseCell = cell('license_types');
  const record = {
    type: 'account' as const,
    app,
    email: cell('email'),
    name: cell('name') || null,
    status: status ?? 'active',
    role: cell('role') || null,
    licenseTypes: licenseCell
      ? licenseCell
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
    lastUsedAt: cell('last_used_at') || null,
  };
  const parsed = accountRecordSchema.safeParse(record);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      const column = (fieldColumns[key] ?? key) as keyof ColumnMapping;
      problems.push({ field: columns[column] ?? column, message: issue.message });
    }
  }
  return problems.length ? { problems } : { record, problems };
}

// Record field → canonical column, so validation errors name the file's own header.
const fieldColumns: Record<string, string> = { licenseTypes: 'license_types', lastUsedAt: 'last_used_at' };

/**
 * An upload: the file, and optionally the header preset and mapping for this file. They apply to this
 * run only; the source keeps them as its defaults once a run with them succeeds.
 */
export interface CsvUpload {
  content: Uint8Array | string;
  preset?: Preset;
  mapping?: ColumnMapping;
}

function csvUploadOf(input: unknown): CsvUpload {
  if (input instanceof Uint8Array || typeof input === 'string') return { content: input };
  return (input ?? { content: undefined }) as CsvUpload;
}

/** One app's users, license types and last-used dates from an uploaded CSV file. */
export const csvSourceKind = defineSourceKind({
  kind: 'csv',
  title: 'CSV upload',
  description: 'Users, license types and last-used dates of one app, uploaded as a CSV file.',
  capabilities: capabilities(['users', 'licenseTypes', 'lastUsed']),
  mode: 'push',
  configSchema,
  appOf: (config) => config.app,
  async *fetch({ config, input }) {
    const upload = csvUploadOf(input);
    const text = decodeUtf8(upload.content);
    const preset = upload.preset ?? config.preset;
    const mapping = { ...config.mapping, ...upload.mapping };
    let columns: ColumnMapping | undefined;
    let done = 0;
    for await (const { header, rows } of readCsvRows(text)) {
      if (!columns) {
        columns = resolveColumns(header, preset, mapping);
        const missing = Object.entries(columns)
          .filter(([, h]) => !header.includes(h))
          .map(([column, h]) => ({
            row: 1,
            field: h,
            message: `mapped column for ${column} is not in the header`,
          }));
        if (!columns.email)
          missing.push({
            row: 1,
            field: 'email',
            message: 'no email column (map one with --map email=HEADER)',
          });
        if (missing.length)
          throw new ConnectorError('invalid_data', 'The header row does not fit the mapping', missing);
      }
      const records: SourceRecordInput[] = [];
      const rejected: ErrorDetail[] = [];
      for (const { row, values } of rows) {
        const { record, problems } = toRecord(config.app, columns, values);
        if (record)
          records.push({
            ...record,
            ref: row,
            raw: { objectType: 'row', externalId: normaliseEmail(record.email), data: values },
          });
        for (const problem of problems) rejected.push({ row, ...problem });
      }
      done += rows.length;
      yield { records, rejected, progress: { done } };
    }
  },
});
