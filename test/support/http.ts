import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../src/db/schema.js';
import { buildServer } from '../../src/http/server.js';
import { createToken } from '../../src/modules/tokens/tokens.service.js';
import type { Roster } from '../../src/roster.js';
import { type Lane, openTestRoster, type TestRoster } from './test-roster.js';

/** A server on a test database, with an API token of each role. */
export async function testServer(roster: Roster) {
  const app: FastifyInstance = await buildServer(roster, { logger: false });
  const tokens = {} as Record<Role, string>;
  for (const role of ['admin', 'editor', 'read-only', 'app-owner', 'metrics'] as const) {
    tokens[role] = (
      await createToken(roster, 'test', {
        name: `test-${role}`,
        role,
        actsForEmail: role === 'app-owner' ? 'owner@acme.io' : null,
      })
    ).token;
  }
  const as = (role: Role) => ({ authorization: `Bearer ${tokens[role]}` });
  return { app, tokens, as };
}

export interface TestServerContext {
  roster: TestRoster;
  server: Awaited<ReturnType<typeof testServer>>;
}

/**
 * A test database (embedded unless `lane` says otherwise) with a server for the enclosing describe
 * block; `setup` runs once both are up. Read `roster` and `server` from the returned object inside tests.
 */
export function useTestServer(
  setup?: (ctx: TestServerContext) => Promise<void>,
  options: { lane?: Lane; env?: Record<string, string> } = {},
): TestServerContext {
  const ctx = {} as TestServerContext;
  beforeAll(async () => {
    ctx.roster = await openTestRoster(options.lane ?? 'pglite', options.env);
    ctx.server = await testServer(ctx.roster);
    await setup?.(ctx);
  });
  afterAll(async () => {
    await ctx.server.app.close();
    await ctx.roster.close();
  });
  return ctx;
}

/** Signs in with a one-time link the way a person does: the link's page, then its button's POST. */
export async function signInWithLinkToken(app: FastifyInstance, token: string, cookie?: string) {
  return app.inject({
    method: 'POST',
    url: '/auth/link',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    payload: new URLSearchParams({ token }).toString(),
  });
}
