import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/db/schema.js';
import { buildServer } from '../../src/http/server.js';
import { createToken } from '../../src/modules/tokens/tokens.service.js';
import type { Roster } from '../../src/roster.js';

/** A server on a test database, with an API token of each role. */
export async function testServer(roster: Roster) {
  const app: FastifyInstance = await buildServer(roster, { logger: false });
  const tokens = {} as Record<Role, string>;
  for (const role of ['admin', 'editor', 'read-only', 'app-owner'] as const) {
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
