import { ApiError, type ErrorDetail } from '../../api/errors';

export interface PlacedErrors {
  /** Field path → message, for the fields the form draws. */
  byField: Record<string, string>;
  /** Details that name no drawn field; the form's alert lists them. */
  elsewhere: ErrorDetail[];
}

/**
 * Places a 400's details next to the fields they name (`config.baseUrl`, `credentials.apiToken`, `name`),
 * so an admin sees the server's message where they typed; what names no drawn field stays in the alert.
 */
export function placeErrors(error: unknown, drawn: ReadonlySet<string>): PlacedErrors {
  const placed: PlacedErrors = { byField: {}, elsewhere: [] };
  if (!(error instanceof ApiError)) return placed;
  for (const detail of error.details) {
    const field = detail.field;
    if (field && drawn.has(field)) {
      // Two problems with one field read as one sentence.
      placed.byField[field] = placed.byField[field]
        ? `${placed.byField[field]}; ${detail.message}`
        : detail.message;
    } else placed.elsewhere.push(detail);
  }
  return placed;
}
