import { RosterError } from '../lib/errors.js';
import type { SyncResult } from './engine.js';

/**
 * Turns a run that did not succeed into the error the API and CLI report (bad data → 400, else 422). A held
 * run is no error: it answers as itself, with what it would remove, for someone to confirm or discard.
 */
export function errorOfFailedRun(result: SyncResult): RosterError | null {
  if (result.status === 'succeeded' || result.status === 'held' || !result.error) return null;
  const code =
    result.error.code === 'invalid_data' || result.error.code === 'invalid_config'
      ? 'invalid_input'
      : 'sync_failed';
  return new RosterError(code, `${result.error.message} (sync run ${result.runId})`, result.error.details);
}
