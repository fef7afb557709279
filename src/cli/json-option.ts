import { invalidInput } from '../lib/errors.js';

/** An option that takes JSON (`--config '{…}'`): parsed, or a clear error naming the option. */
export function parseJsonOption(value: string | undefined, field: string): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    throw invalidInput(`--${field} is not valid JSON`, [{ field, message: 'must be a JSON object' }]);
  }
}
