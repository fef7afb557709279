import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../src/http/server.js';
import { updateSettings } from '../../../src/modules/settings/settings.service.js';
import { mailbox } from '../../support/mailbox.js';
import { type Lane, openTestRoster, type TestRoster } from '../../support/test-roster.js';
import { type RosterProxy, startRosterProxy } from './roster-proxy.js';

/** The apps the tests browse: catalog entries whose domains the browser maps to loopback sites. */
export const testApps = [
  { id: 'e2e-acme-notes', name: 'Acme Notes', domain: 'notes.test' },
  { id: 'e2e-webinars', name: 'Webinars', domain: 'webinars.test' },
  { id: 'e2e-boards', name: 'Boards', domain: 'boards.test' },
];

export interface ExtensionRoster {
  roster: TestRoster;
  proxy: RosterProxy;
  /** Mail Roster sent (the connect links). */
  mail: Awaited<ReturnType<typeof mailbox>>['received'];
  /** What Roster stored for an app: per address and day. */
  activity(
    app: string,
  ): Promise<
    { email: string; visits: number; signIns: number; signUps: number; lastUsedAt: string | null }[]
  >;
  close(): Promise<void>;
}

/**
 * A real Roster (server and database of the lane) for the organisation acme.io, sending mail to a loopback
 * mailbox, reached by the browser through a recording proxy; its catalog holds the test apps.
 */
export async function startExtensionRoster(lane: Lane): Promise<ExtensionRoster> {
  const [proxy, box] = await Promise.all([startRosterProxy(), mailbox()]);
  const roster = await openTestRoster(lane, {
    ROSTER_PUBLIC_URL: proxy.url,
    ROSTER_SMTP_URL: `smtp://127.0.0.1:${box.port}`,
  });
  await updateSettings(roster, 'test', { domains: ['acme.io'] });
  await roster.database.db
    .insertInto('catalog_apps')
    .values(
      testApps.map((a) => ({
        id: a.id,
        name: a.name,
        vendor: a.name,
        category: 'Productivity',
        domains: [a.domain],
        expense_aliases: [],
      })),
    )
    .execute();
  const app: FastifyInstance = await buildServer(roster, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  proxy.target = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    roster,
    proxy,
    mail: box.received,
    activity: async (appName) =>
      (
        await roster.database.db
          .selectFrom('extension_activity')
          .select(['email', 'visits', 'sign_ins', 'sign_ups', 'last_used_at'])
          .where('app_name', '=', appName)
          .orderBy('email')
          .execute()
      ).map((r) => ({
        email: r.email,
        visits: r.visits,
        signIns: r.sign_ins,
        signUps: r.sign_ups,
        lastUsedAt: r.last_used_at?.toISOString() ?? null,
      })),
    close: async () => {
      await app.close();
      await roster.close();
      await Promise.all([proxy.close(), box.close()]);
    },
  };
}
