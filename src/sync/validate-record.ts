import type { SourceRecordInput } from '../connectors/kit/records.js';
import { type SourceRecord, sourceRecordSchema } from '../connectors/kit/records.js';
import type { ErrorDetail } from '../lib/errors.js';

/** Validates one connector record; a failure names the record's row or path and the field. */
export function validateRecord(
  input: SourceRecordInput,
): { record: SourceRecord } | { problems: ErrorDetail[] } {
  const parsed = sourceRecordSchema.safeParse(input);
  if (parsed.success) return { record: parsed.data };
  return {
    problems: parsed.error.issues.map((issue) => {
      const field = issue.path.map(String).join('.');
      if (typeof input.ref === 'number') return { row: input.ref, field, message: issue.message };
      const prefix = input.ref ?? `${input.type}`;
      return { path: field ? `${prefix}.${field}` : prefix, message: issue.message };
    }),
  };
}
