import { OutboundError } from '../../lib/outbound/outbound-error.js';
import { ConnectorError, type ConnectorErrorCode } from './connector-error.js';

/**
 * A failed outbound request as the error the sync engine understands. A refused address or scheme is a
 * setting to change, so it fails the run at once; an answer over the cap is data Roster will not read;
 * timeouts and unreachable hosts may pass, so they are transient (and retried where the caller retries).
 * A cancelled run keeps its own reason.
 */
export function outboundFailure(error: unknown, target: string, signal: AbortSignal): unknown {
  if (signal.aborted) return signal.reason ?? error;
  if (!(error instanceof OutboundError)) return error;
  const codes: Record<OutboundError['problem'], ConnectorErrorCode> = {
    refused: 'fatal',
    bad_url: 'fatal',
    too_large: 'invalid_data',
    timeout: 'transient',
    unreachable: 'transient',
    redirects: 'fatal',
  };
  const message =
    error.problem === 'too_large'
      ? `${target}: ${error.message} (ROSTER_OUTBOUND_MAX_BYTES)`
      : `${target}: ${error.message}`;
  return new ConnectorError(codes[error.problem], message);
}
