import { createReadStream } from 'node:fs';
import { isAbsolute, resolve, sep } from 'node:path';
import { z } from 'zod';
import type { ErrorDetail } from '../../lib/errors.js';
import { capabilities } from '../kit/capabilities.js';
import { defineSourceKind } from '../kit/connector.js';
import { ConnectorError } from '../kit/connector-error.js';
import { decodeUtf8, readCsvRows } from '../kit/csv-reader.js';
import { employeeRecordSchema, type SourceRecordInput } from '../kit/records.js';

export const hrCsvColumns = [
  'email',
  'name',
  'status',
  'termination_date',
  'personal_email',
  'department',
  'manager_email',
] as const;

const configSchema = z.strictObject({
  file: z
    .string()
    .min(1)
    .max(1000)
    .refine(
      (f) => !isAbsolute(f) && !f.split(/[\\/]/).includes('..'),
      'must be a path inside the files directory (ROSTER_FILES_DIR)',
    )
    .meta({
      title: 'File',
      description:
        'Path of the CSV file inside the server’s files directory (ROSTER_FILES_DIR); absolute paths and .. are refused. Re-read at every sync; it needs email and status columns.',
      examples: ['hr/employees.csv'],
    }),
  fields: z
    .array(z.string().min(1).max(200))
    .max(100)
    .default([])
    .meta({
      title: 'Extra columns',
      description:
        'Columns synced as employee attributes, besides email, name, status, termination_date, personal_email, department and manager_email. Other columns are ignored.',
      examples: [['cost_center', 'location']],
    }),
});

const statusWords: Record<string, 'active' | 'terminated'> = {
  active: 'active',
  employed: 'active',
  terminated: 'terminated',
  inactive: 'terminated',
  former: 'terminated',
};

/** Employees from an HR export file, re-read at every sync. */
export const hrCsvSourceKind = defineSourceKind({
  kind: 'hr-csv',
  title: 'HR file',
  description:
    'Employees (status, termination date, personal email, department, manager) from a CSV file on disk.',
  capabilities: capabilities(['employees']),
  mode: 'pull',
  configSchema,
  async *fetch({ config, filesDir, maxFileBytes }) {
    const root = resolve(filesDir || '.');
    const path = resolve(root, config.file);
    if (!filesDir || !path.startsWith(`${root}${sep}`)) {
      throw new ConnectorError('invalid_data', `${config.file} is not inside the files directory`);
    }
    let bytes: Buffer;
    try {
      bytes = await readAtMost(path, maxFileBytes + 1);
    } catch (error) {
      throw new ConnectorError(
        'not_found',
        `Cannot read ${config.file} in ${root}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      );
    }
    if (bytes.length > maxFileBytes)
      throw new ConnectorError(
        'invalid_data',
        `${config.file} is larger than ${maxFileBytes} bytes (ROSTER_MAX_UPLOAD_BYTES)`,
      );
    const text = decodeUtf8(bytes);
    let done = 0;
    for await (const { header, rows } of readCsvRows(text)) {
      const missing = ['email', 'status'].filter((c) => !header.includes(c));
      missing.push(...config.fields.filter((f) => !header.includes(f)));
      if (missing.length) {
        throw new ConnectorError(
          'invalid_data',
          'The HR file header is missing columns',
          missing.map((field) => ({ row: 1, field, message: 'column is missing' })),
        );
      }
      const records: SourceRecordInput[] = [];
      const rejected: ErrorDetail[] = [];
      for (const { row, values } of rows) {
        const cell = (c: string) => (values[c] ?? '').trim() || null;
        const status = statusWords[(cell('status') ?? '').toLowerCase()];
        const record = {
          type: 'employee' as const,
          email: cell('email') ?? '',
          name: cell('name'),
          status: status ?? ('active' as const),
          terminationDate: cell('termination_date'),
          personalEmail: cell('personal_email'),
          department: cell('department'),
          managerEmail: cell('manager_email'),
          attributes: Object.fromEntries(config.fields.map((f) => [f, cell(f)])),
        };
        const problems: ErrorDetail[] = [];
        if (!status)
          problems.push({
            row,
            field: 'status',
            message: `must be active or terminated, not "${cell('status') ?? ''}"`,
          });
        const parsed = employeeRecordSchema.safeParse(record);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const field = String(issue.path[0] ?? '').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
            problems.push({ row, field, message: issue.message });
          }
        }
        if (problems.length) rejected.push(...problems);
        else
          records.push({
            ...record,
            ref: row,
            raw: { objectType: 'employee', externalId: parsed.data?.email ?? '', data: values },
          });
      }
      done += rows.length;
      yield { records, rejected, progress: { done } };
    }
  },
});

/**
 * Reads at most `limit` bytes, whatever the file claims to be: a file that grows while it is read, or a
 * device or pipe placed in the files directory, cannot make Roster hold more than the cap.
 */
async function readAtMost(path: string, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(path, { start: 0, end: limit - 1 }))
    chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
