/** One problem the API reported, with the CSV row or JSON path when it has one. */
export interface ErrorDetail {
  row?: number;
  field?: string;
  path?: string;
  message: string;
}

/** A failed API call, in the API's one error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }

  static from(status: number, body: unknown): ApiError {
    const error = (body as { error?: { code?: string; message?: string; details?: ErrorDetail[] } })?.error;
    return new ApiError(
      status,
      error?.code ?? 'http_error',
      error?.message ?? `Roster answered ${status}`,
      error?.details ?? [],
    );
  }
}

/** Awaits an openapi-fetch call and returns its data, or throws the API's error. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw ApiError.from(response.status, error);
  return data as T;
}

/** "Row 3, email: is not a valid email" */
export function describeDetail(detail: ErrorDetail): string {
  const where = [
    detail.row !== undefined ? `Row ${detail.row}` : null,
    detail.field ?? detail.path ?? null,
  ].filter(Boolean);
  return where.length ? `${where.join(', ')}: ${detail.message}` : detail.message;
}
