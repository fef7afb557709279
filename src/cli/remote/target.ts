import { existsSync } from 'node:fs';
import { localSocketPath } from '../../http/local-socket.js';
import { invalidInput } from '../../lib/errors.js';
import type { ApiTarget } from './api-client.js';

/**
 * A remote Roster named by the environment: ROSTER_URL (its public address) with ROSTER_TOKEN (an API token,
 * whose role applies to every command). Null when ROSTER_URL is unset: the CLI works on this machine's data.
 */
export function remoteTargetFromEnv(env: NodeJS.ProcessEnv = process.env): ApiTarget | null {
  const url = env.ROSTER_URL?.trim();
  if (!url) return null;
  let baseUrl: URL;
  try {
    baseUrl = new URL(url);
  } catch {
    throw invalidInput('ROSTER_URL is not a URL', [
      { field: 'ROSTER_URL', message: 'use http(s)://host[:port]' },
    ]);
  }
  if (baseUrl.protocol !== 'https:' && baseUrl.protocol !== 'http:')
    throw invalidInput('ROSTER_URL must be http:// or https://', [
      { field: 'ROSTER_URL', message: `${baseUrl.protocol} is not supported` },
    ]);
  const token = env.ROSTER_TOKEN?.trim();
  if (!token)
    throw invalidInput('ROSTER_URL is set without ROSTER_TOKEN', [
      { field: 'ROSTER_TOKEN', message: 'an API token of that Roster (roster tokens create there)' },
    ]);
  return { kind: 'url', baseUrl, token };
}

/** The running server's socket in a data directory whose lock it holds; null when there is none to talk to. */
export function localServerTarget(dataDir: string): ApiTarget | null {
  const socketPath = localSocketPath(dataDir);
  return existsSync(socketPath) ? { kind: 'socket', socketPath } : null;
}
