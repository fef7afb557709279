import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { eventually } from './eventually.js';

export interface FollowedRun {
  id: number;
  status: string;
  added: number;
  updated: number;
  removed: number;
  errorCode: string | null;
  errorMessage: string | null;
  errorDetails: unknown;
}

/**
 * Starts a sync over the API (answered 202 with the running run) and reads the run until it ends, as the
 * console and the CLI do: the run as it ended.
 */
export async function syncThroughApi(
  app: FastifyInstance,
  ref: string | number,
  headers: Record<string, string>,
): Promise<FollowedRun> {
  const started = await app.inject({
    method: 'POST',
    url: `/api/sources/${encodeURIComponent(String(ref))}/sync`,
    headers,
  });
  expect(started.statusCode, started.body).toBe(202);
  const link = started.json().links.run as string;
  return eventually(
    async () => (await app.inject({ url: link, headers })).json() as FollowedRun,
    (run) => run.status !== 'running',
    { what: `sync run ${link} to end` },
  );
}
