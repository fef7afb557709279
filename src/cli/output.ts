import { ConfigError } from '../config-error.js';
import { DataDirInUseError } from '../db/data-dir-lock.js';
import { MigrationError } from '../db/migration-error.js';
import { formatDetails, RosterError } from '../lib/errors.js';
import { KeyMismatchError } from '../modules/secrets/key-check.js';
import { exitCodeOf, exitCodes } from './exit-codes.js';
import { ApiUnreachableError } from './remote/api-client.js';
import { LocalOnlyError } from './remote/local-only.js';

/** Output helpers: --json prints stable JSON on stdout; otherwise aligned text. Errors go to stderr. */
export function printJson(value: unknown) {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printTable(rows: Record<string, unknown>[], columns: string[]) {
  if (rows.length === 0) {
    process.stdout.write('(none)\n');
    return;
  }
  const cell = (v: unknown) =>
    v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v);
  const widths = columns.map((c) => Math.min(60, Math.max(c.length, ...rows.map((r) => cell(r[c]).length))));
  const line = (values: string[]) =>
    values
      .map((v, i) => v.slice(0, 60).padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(columns)}\n`);
  for (const row of rows) process.stdout.write(`${line(columns.map((c) => cell(row[c])))}\n`);
}

/** Prints an error the way a person can act on it and returns the exit code. */
export function reportError(error: unknown, json: boolean): number {
  if (error instanceof RosterError) {
    if (json)
      process.stderr.write(
        `${JSON.stringify({ error: { code: error.code, message: error.message, details: error.details } })}\n`,
      );
    else {
      process.stderr.write(`Error: ${error.message}\n`);
      for (const line of formatDetails(error.details)) process.stderr.write(`  ${line}\n`);
    }
    return exitCodeOf(error.code);
  }
  // Roster cannot start here as configured: the person must change something first.
  if (
    error instanceof ConfigError ||
    error instanceof DataDirInUseError ||
    error instanceof MigrationError ||
    error instanceof KeyMismatchError ||
    error instanceof LocalOnlyError ||
    error instanceof ApiUnreachableError
  ) {
    process.stderr.write(`Error: ${error.message}\n`);
    return exitCodes.unavailable;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Error: ${message}\n`);
  return exitCodes.failure;
}
