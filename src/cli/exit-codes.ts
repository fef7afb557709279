import type { ErrorCode } from '../lib/errors.js';

/** Every exit code the CLI uses, in one place (documented in the README). */
export const exitCodes = {
  ok: 0,
  failure: 1,
  usage: 2,
  invalidInput: 3,
  notFound: 4,
  conflict: 5,
  syncFailed: 6,
  unavailable: 7,
  /** The run was complete but would remove more than the source's threshold: held, nothing applied. */
  held: 8,
  /** An offboarding started or was retried, and at least one of its tasks failed (each keeps its error). */
  tasksFailed: 9,
  /** Roster refused the caller: ROSTER_TOKEN is invalid, or its role may not do this. */
  forbidden: 10,
} as const;

export function exitCodeOf(code: ErrorCode): number {
  switch (code) {
    case 'invalid_input':
    case 'payload_too_large':
      return exitCodes.invalidInput;
    case 'not_found':
      return exitCodes.notFound;
    case 'conflict':
      return exitCodes.conflict;
    case 'sync_failed':
      return exitCodes.syncFailed;
    case 'unauthenticated':
    case 'forbidden':
      return exitCodes.forbidden;
    default:
      return exitCodes.failure;
  }
}
