import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { buildServer } from '../src/http/server.js';
import { openRoster } from '../src/roster.js';

/**
 * The OpenAPI document exactly as `GET /api/openapi.json` serves it, built in-process on a throwaway
 * embedded database (no network, no running server), so the console's client can be generated anywhere.
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'roster-openapi-'));
  const roster = await openRoster(loadConfig({ ROSTER_DATA_DIR: dataDir, ROSTER_LOG_LEVEL: 'silent' }));
  try {
    const app = await buildServer(roster, { logger: false });
    await app.ready();
    const document = app.swagger() as unknown as Record<string, unknown>;
    await app.close();
    return document;
  } finally {
    await roster.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
