import type { ErrorDetail } from '../../lib/errors.js';

/**
 * Connector failures, normalised to a few codes. The sync engine alone decides what each means:
 * `auth` and `permission` put the source in "needs attention" as a credentials problem.
 */
export type ConnectorErrorCode = 'auth' | 'permission' | 'transient' | 'not_found' | 'invalid_data' | 'fatal';

export class ConnectorError extends Error {
  constructor(
    readonly code: ConnectorErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}
