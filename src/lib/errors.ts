/**
 * The one error type services throw. The HTTP layer maps it to `{"error":{"code","message","details"}}`
 * and the CLI to a message and exit code, so both say the same thing.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unauthenticated'
  | 'forbidden'
  | 'payload_too_large'
  | 'sync_failed'
  | 'rate_limited';

const statusByCode: Record<ErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  unauthenticated: 401,
  forbidden: 403,
  payload_too_large: 413,
  sync_failed: 422,
  rate_limited: 429,
};

/** One problem in one place of the input: a CSV row and column, a JSON path, a record. */
export interface ErrorDetail {
  row?: number;
  field?: string;
  path?: string;
  message: string;
}

export class RosterError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** For `rate_limited`: when trying again can succeed (HTTP `Retry-After`). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'RosterError';
  }
  get status(): number {
    return statusByCode[this.code];
  }
}

export const invalidInput = (message: string, details: ErrorDetail[] = []) =>
  new RosterError('invalid_input', message, details);
export const notFound = (message: string) => new RosterError('not_found', message);
export const conflict = (message: string) => new RosterError('conflict', message);

/** Formats details for a terminal: one line each, row and field first. */
export function formatDetails(details: readonly ErrorDetail[], limit = 50): string[] {
  const lines = details.slice(0, limit).map((d) => {
    const where = [d.row !== undefined ? `row ${d.row}` : null, d.field ?? d.path ?? null]
      .filter(Boolean)
      .join(', ');
    return where ? `${where}: ${d.message}` : d.message;
  });
  if (details.length > limit) lines.push(`… and ${details.length - limit} more`);
  return lines;
}
