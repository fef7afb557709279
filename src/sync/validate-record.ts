import type { SourceRecordInput } from '../connectors/kit/records.js';
import {
  accountRecordSchema,
  aliasRecordSchema,
  appRecordSchema,
  employeeRecordSchema,
  expenseRecordSchema,
  licenseTypeRecordSchema,
  type SourceRecord,
  sourceRecordSchema,
} from '../connectors/kit/records.js';

// Dispatching on the type first skips the union's matching, which costs at a million records.
const schemaByType = {
  app: appRecordSchema,
  account: accountRecordSchema,
  license_type: licenseTypeRecordSchema,
  employee: employeeRecordSchema,
  alias: aliasRecordSchema,
  expense: expenseRecordSchema,
} as const;

import type { ErrorDetail } from '../lib/errors.js';

/** Validates one connector record; a failure names the record's row or path and the field. */
export function validateRecord(
  input: SourceRecordInput,
): { record: SourceRecord } | { problems: ErrorDetail[] } {
  const schema =
    (schemaByType as unknown as Record<string, typeof sourceRecordSchema>)[input.type] ?? sourceRecordSchema;
  const parsed = schema.safeParse(input);
  if (parsed.success) return { record: parsed.data };
  return {
    problems: parsed.error.issues.map((issue) =>
      problemAt(input, issue.path.map(String).join('.'), issue.message),
    ),
  };
}

/** A problem with a record's field, named by the record's row or path. */
export function problemAt(input: SourceRecordInput, field: string, message: string): ErrorDetail {
  if (typeof input.ref === 'number') return { row: input.ref, field, message };
  const prefix = input.ref ?? `${input.type}`;
  return { path: field ? `${prefix}.${field}` : prefix, message };
}
