import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { type Stringifier, stringify } from 'csv-stringify';

/**
 * Spreadsheets run cells that start with = + - @ (and tab or CR) as formulas; a leading apostrophe makes
 * them text. Every exported cell goes through this.
 */
export function escapeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A streaming CSV writer with a header row and formula-safe cells. */
export function csvWriter(columns: readonly string[]): Stringifier {
  return stringify({
    header: true,
    columns: [...columns],
    cast: {
      string: escapeFormula,
      boolean: (value) => (value ? 'true' : 'false'),
    },
  });
}

/**
 * Writes rows into a stream, waiting while its reader is behind. Rejects once `signal` aborts, so a reader
 * that went away never leaves the writer (and whatever it holds) waiting for a `drain` that cannot come.
 */
export function rowWriter(stream: Writable, signal: AbortSignal): (row: unknown) => Promise<void> {
  return async (row) => {
    signal.throwIfAborted();
    if (!stream.write(row)) await once(stream, 'drain', { signal });
  };
}
