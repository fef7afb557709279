import { userInfo } from 'node:os';
import type { Config } from '../config.js';
import { DataDirInUseError } from '../db/data-dir-lock.js';
import type { OpenOptions, Roster } from '../roster.js';
import { exitCodes } from './exit-codes.js';
import { reportError } from './output.js';
import { ApiClient } from './remote/api-client.js';
import { refuseRemote } from './remote/local-only.js';
import { localServerTarget, remoteTargetFromEnv } from './remote/target.js';

/** The audit actor for commands run on this machine: the operating-system user. */
export const cliActor = () => `cli:${userInfo().username}`;

/**
 * How one feature's commands reach Roster, written once: `local` calls the services on the data this
 * process opened; `api` calls the REST routes of a running server (the local one's socket, or ROSTER_URL).
 * Both give the same values, so the commands print the same output and exit with the same codes.
 */
export interface ClientFactory<C> {
  local(roster: Roster): C;
  api(api: ApiClient): C;
}

/**
 * Opens the feature's client for one command and runs it, mapping errors to exit codes:
 * - ROSTER_URL (with ROSTER_TOKEN) set: the API of that Roster;
 * - else this machine's data, opened here, unless a running server holds the embedded database's data
 *   directory: then that server's API through its socket in the directory, as a local admin.
 */
export async function withClient<C>(
  json: boolean,
  factory: ClientFactory<C>,
  fn: (client: C) => Promise<number | undefined>,
  options: OpenOptions = {},
): Promise<void> {
  let roster: Roster | undefined;
  try {
    let client: C;
    const remote = remoteTargetFromEnv();
    if (remote) client = factory.api(new ApiClient(remote));
    else {
      const config = await loadConfigOrExit(json);
      try {
        const { openRoster } = await import('../roster.js');
        roster = await openRoster(config, options);
        client = factory.local(roster);
      } catch (error) {
        const server =
          error instanceof DataDirInUseError && config.database.kind === 'pglite'
            ? localServerTarget(config.database.dataDir)
            : null;
        if (!server) throw error;
        client = factory.api(new ApiClient(server));
      }
    }
    process.exitCode = (await fn(client)) ?? exitCodes.ok;
  } catch (error) {
    process.exitCode = reportError(error, json);
  } finally {
    await roster?.close();
  }
}

/**
 * Opens Roster for one command that works only on this machine's data, runs it and closes the database,
 * mapping errors to exit codes. A command returns its exit code (0 unless it reports a failure itself).
 * With ROSTER_URL set it refuses: it cannot be done over the API.
 */
export async function withRoster(
  json: boolean,
  fn: (roster: Roster) => Promise<number | undefined>,
  config?: Config,
  options: OpenOptions = {},
): Promise<void> {
  let roster: Roster | undefined;
  try {
    refuseRemote();
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

/** Like `withClient`, for commands that only read: a local open does not migrate (`OpenOptions`). */
export function withClientReadOnly<C>(
  json: boolean,
  factory: ClientFactory<C>,
  fn: (client: C) => Promise<number | undefined>,
) {
  return withClient(json, factory, fn, { readOnly: true });
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
