import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../src/http/server.js';
import { createOneTimeToken } from '../../../src/modules/auth/auth.repo.js';
import { newDemoDataDir } from '../../../test/support/demo-template.js';
import { openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';

export interface DemoServer {
  roster: TestRoster;
  app: FastifyInstance;
  baseUrl: string;
  adminEmail: string;
  /** A fresh one-time sign-in link for the demo admin (each link works once). */
  signInLink(): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real Roster server on a temporary embedded database holding the demo organisation (a copy of the one the
 * worker loaded today), on a free port; `env` adds settings (a mail server).
 */
export async function startDemoServer(env: Record<string, string> = {}): Promise<DemoServer> {
  const { dataDir, adminEmail } = await newDemoDataDir();
  const roster = await openTestRoster('pglite', env, dataDir);
  const app = await buildServer(roster, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const member = await roster.database.db
    .selectFrom('admin_members')
    .select('id')
    .where('email', '=', adminEmail)
    .executeTakeFirstOrThrow();
  return {
    roster,
    app,
    baseUrl,
    adminEmail,
    signInLink: async () =>
      `${baseUrl}/auth/link?token=${await createOneTimeToken(roster, 'sign_in', member.id)}`,
    close: async () => {
      await app.close();
      await roster.close();
    },
  };
}
