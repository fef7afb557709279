import { isValidEmail, normaliseEmail } from '../../lib/email.js';
import type { ErrorDetail } from '../../lib/errors.js';
import type { SourceRecordInput } from '../kit/records.js';

/**
 * How one row of a BambooHR custom report becomes a Roster employee. BambooHR sends every value as a
 * string (or null), writes an empty date as "0000-00-00", and says whether someone still works there in
 * `status` ("Active" | "Inactive").
 */
export type ReportRow = Record<string, unknown>;

/** The fields Roster always asks for; an admin's extra fields are added after them. */
export const defaultReportFields = [
  'id',
  'firstName',
  'lastName',
  'displayName',
  'workEmail',
  'homeEmail',
  'status',
  'employmentHistoryStatus',
  'terminationDate',
  'hireDate',
  'department',
  'supervisorEmail',
] as const;

export type MappedRow = { record: SourceRecordInput; rejected?: undefined } | { rejected: ErrorDetail };

/**
 * Maps a report row. `today` (YYYY-MM-DD) only matters when BambooHR leaves `status` out: then a
 * termination date already passed means the person has left.
 */
export function employeeFromRow(row: ReportRow, extraFields: readonly string[], today: string): MappedRow {
  const id = text(row.id) ?? '?';
  const name =
    text(row.displayName) ?? ([text(row.firstName), text(row.lastName)].filter(Boolean).join(' ') || null);
  const where = `employee ${id}${name ? ` (${name})` : ''}`;
  const workEmail = text(row.workEmail);
  if (!workEmail)
    return {
      rejected: {
        path: `employees[id ${id}]`,
        field: 'workEmail',
        message: `BambooHR ${where} has no work email`,
      },
    };
  if (!isValidEmail(normaliseEmail(workEmail)))
    return {
      rejected: {
        path: `employees[id ${id}]`,
        field: 'workEmail',
        message: `BambooHR ${where} has a work email that is not an address: "${workEmail}"`,
      },
    };
  const terminationDate = date(row.terminationDate);
  return {
    record: {
      type: 'employee',
      email: workEmail,
      name,
      status: employmentStatus(row, terminationDate, today),
      terminationDate,
      // A malformed optional address must not drop the person from the source of truth: it is left out.
      personalEmail: email(row.homeEmail),
      department: text(row.department),
      managerEmail: email(row.supervisorEmail),
      attributes: Object.fromEntries(extraFields.map((f) => [f, attribute(row[f])])),
      ref: `employee ${id}`,
    },
  };
}

function employmentStatus(
  row: ReportRow,
  terminationDate: string | null,
  today: string,
): 'active' | 'terminated' {
  const status = text(row.status)?.toLowerCase();
  if (status === 'active') return 'active';
  if (status === 'inactive') return 'terminated';
  if (text(row.employmentHistoryStatus)?.toLowerCase() === 'terminated') return 'terminated';
  return terminationDate !== null && terminationDate <= today ? 'terminated' : 'active';
}

function text(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A YYYY-MM-DD date, or null for BambooHR's empty "0000-00-00", an empty value or anything else. */
function date(value: unknown): string | null {
  const v = text(value);
  if (!v || v.startsWith('0000-00-00')) return null;
  const day = v.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(day)) ? day : null;
}

function email(value: unknown): string | null {
  const v = text(value);
  return v && isValidEmail(normaliseEmail(v)) ? v : null;
}

function attribute(value: unknown): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value === '0000-00-00' ? null : value;
  return JSON.stringify(value);
}
