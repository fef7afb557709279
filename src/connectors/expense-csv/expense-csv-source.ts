import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ErrorDetail } from '../../lib/errors.js';
import { capabilities } from '../kit/capabilities.js';
import { defineSourceKind } from '../kit/connector.js';
import { ConnectorError } from '../kit/connector-error.js';
import { type CsvRow, decodeUtf8, readCsvRows } from '../kit/csv-reader.js';
import { expenseSourceSettings } from '../kit/expense-settings.js';
import type { SourceRecordInput } from '../kit/records.js';
import { isXlsx, readXlsxRows } from '../kit/xlsx-reader.js';
import { toExpenseRecord } from './expense-rows.js';
import {
  type DateFormat,
  dateFormats,
  type ExpenseMapping,
  type ExpensePreset,
  expenseColumns,
  expensePresets,
  resolveExpenseColumns,
  specOf,
} from './presets.js';

const configSchema = z.strictObject({
  preset: z.enum(expensePresets).default('roster').meta({
    title: 'Header preset',
    description:
      'roster: the file uses Roster’s column names; expensify, ramp, brex, amex, quickbooks, netsuite: that export’s own headers and date format; auto: any of these header names.',
  }),
  mapping: z
    .partialRecord(z.enum(expenseColumns), z.string().min(1).max(200))
    .default({})
    .meta({
      title: 'Column mapping',
      description: 'Roster column → header in the file, for exports whose headers have other names.',
      examples: [{ vendor: 'Merchant Name' }],
    }),
  dateFormat: z.enum(dateFormats).optional().meta({
    title: 'Date format',
    description: 'How the file writes dates, when not as its preset documents (ISO dates are always read).',
  }),
  ...expenseSourceSettings,
});
export type ExpenseCsvConfig = z.infer<typeof configSchema>;

/**
 * An upload: the file (CSV or XLSX) with, optionally, the preset, mapping and date format of this file. They
 * apply to this run only; the source keeps them as its defaults once a run with them succeeds.
 */
export interface ExpenseUpload {
  content: Uint8Array | string;
  fileName?: string;
  preset?: ExpensePreset;
  mapping?: ExpenseMapping;
  dateFormat?: DateFormat;
}

function uploadOf(input: unknown): ExpenseUpload {
  if (input instanceof Uint8Array || typeof input === 'string') return { content: input };
  return (input ?? { content: undefined }) as ExpenseUpload;
}

async function* rowsOf(content: Uint8Array | string): AsyncGenerator<{ header: string[]; rows: CsvRow[] }> {
  if (isXlsx(content)) yield* readXlsxRows(content);
  else yield* readCsvRows(decodeUtf8(content));
}

/** Card, expense-report and accounts-payable lines from an uploaded CSV or XLSX export. */
export const expenseCsvSourceKind = defineSourceKind({
  kind: 'expense-csv',
  title: 'Expense file upload',
  description:
    'Card, expense-report and accounts-payable lines uploaded as CSV or XLSX (Expensify, Ramp, Brex, Amex, QuickBooks, NetSuite or Roster’s columns).',
  capabilities: capabilities(['expenses']),
  mode: 'push',
  configSchema,
  async *fetch({ config, input }) {
    const upload = uploadOf(input);
    if (upload.content === undefined) throw new ConnectorError('invalid_data', 'No file content was given');
    const bytes = typeof upload.content === 'string' ? Buffer.from(upload.content, 'utf8') : upload.content;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const preset = upload.preset ?? config.preset;
    const mapping = { ...config.mapping, ...upload.mapping };
    const defaults = {
      dateFormat: upload.dateFormat ?? config.dateFormat ?? specOf(preset).dateFormat,
      currency: config.currency,
    };
    let columns: ExpenseMapping | undefined;
    let readWith: Record<string, unknown> | null = null;
    let done = 0;
    for await (const { header, rows } of rowsOf(bytes)) {
      if (!columns) {
        columns = resolveExpenseColumns(header, preset, mapping);
        checkHeader(header, columns, defaults.currency);
        // Everything that turns the file's cells into lines: the same bytes read otherwise are another import.
        readWith = { columns, dateFormat: defaults.dateFormat, currency: defaults.currency ?? null };
      }
      const records: SourceRecordInput[] = [];
      const rejected: ErrorDetail[] = [];
      for (const { row, values } of rows) {
        const { record, problems } = toExpenseRecord(columns, defaults, values);
        if (record) records.push({ ...record, ref: row });
        for (const problem of problems) rejected.push({ row, ...problem });
      }
      done += rows.length;
      yield {
        records,
        rejected,
        progress: { done },
        file: { sha256, name: upload.fileName ?? null, readWith },
        checked: true,
      };
    }
  },
});

function checkHeader(header: readonly string[], columns: ExpenseMapping, currency: string | undefined) {
  const problems: ErrorDetail[] = Object.entries(columns)
    .filter(([, h]) => !header.includes(h))
    .map(([column, h]) => ({
      row: 1,
      field: h,
      message: `mapped column for ${column} is not in the header`,
    }));
  for (const column of ['date', 'amount'] as const)
    if (!columns[column])
      problems.push({
        row: 1,
        field: column,
        message: `no ${column} column (map one with --map ${column}=HEADER)`,
      });
  if (!columns.vendor && !columns.description)
    problems.push({
      row: 1,
      field: 'vendor',
      message: 'no vendor or description column (map one with --map vendor=HEADER)',
    });
  if (!columns.currency && !currency)
    problems.push({
      row: 1,
      field: 'currency',
      message:
        'no currency column: map one (--map currency=HEADER) or set the source’s currency (--currency)',
    });
  if (problems.length)
    throw new ConnectorError('invalid_data', 'The header row does not fit the mapping', problems);
}
