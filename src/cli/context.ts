import { userInfo } from 'node:os';
import type { Config } from '../config.js';
import type { OpenOptions, Roster } from '../roster.js';
import { exitCodes } from './exit-codes.js';
import { reportError } from './output.js';

/** The audit actor for commands run on this machine: the operating-system user. */
export const cliActor = () => `cli:${userInfo().username}`;

/**
 * Opens Roster for one command, runs it and closes the database, mapping errors to exit codes.
 * A command returns its exit code (0 unless it reports a failure itself).
 */
export async function withRoster(
  json: boolean,
  fn: (roster: Roster) => Promise<number | undefined>,
  config?: Config,
  options: OpenOptions = {},
): Promise<void> {
  let roster: Roster | undefined;
  try {
    // The database drivers load when a command opens Roster, not when `roster --help` runs.
    const { openRoster } = await import('../roster.js');
    roster = await openRoster(config ?? (await loadConfigOrExit(json)), options);
    process.exitCode = (await fn(roster)) ?? exitCodes.ok;
  } catch (error) {
    process.exitCode = reportError(error, json);
  } finally {
    await roster?.close();
  }
}

/** For commands that only read (list, show, explain, export): opens without migrating (`OpenOptions`). */
export function withRosterReadOnly(json: boolean, fn: (roster: Roster) => Promise<number | undefined>) {
  return withRoster(json, fn, undefined, { readOnly: true });
}

/** The configuration, or the process ends with the problem reported. Its schema loads only when a command runs. */
export async function loadConfigOrExit(json: boolean, env: NodeJS.ProcessEnv = process.env): Promise<Config> {
  const { loadConfig } = await import('../config.js');
  try {
    return loadConfig(env);
  } catch (error) {
    process.exit(reportError(error, json));
  }
}
