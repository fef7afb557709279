import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../../test/support/http.js';
import { lanes } from '../../../test/support/test-roster.js';
import { updateSettings } from '../settings/settings.service.js';
import { issueExtensionToken } from './extension-tokens.js';

describe.each(lanes)('who the browser extension reports for on %s', (lane) => {
  const ctx = useTestServer(
    async ({ roster }) => {
      await updateSettings(roster, 'test', { domains: ['acme.io'] });
      const { db } = roster.database;
      const hr = await db
        .insertInto('sources')
        .values({ kind: 'hr-csv', name: 'HR', config: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [email, status] of [
        ['ann@acme.io', 'active'],
        ['bob@acme.io', 'active'],
        ['cid@acme.io', 'active'],
        ['dee@acme.io', 'terminated'],
      ] as const)
        await db
          .insertInto('employees')
          .values({ source_id: hr.id, email, status, name: email.slice(0, 3), attributes: '{}' })
          .execute();
    },
    { lane },
  );

  it('counts tokens per mode and people reporting, and lists current employees not reporting', async () => {
    const { db } = ctx.roster.database;
    const ann = await issueExtensionToken(ctx.roster, 'test', {
      kind: 'reporting',
      email: 'ann@acme.io',
      via: 'link',
    });
    const bob = await issueExtensionToken(ctx.roster, 'test', {
      kind: 'reporting',
      email: 'bob@acme.io',
      via: 'enrollment',
    });
    await issueExtensionToken(ctx.roster, 'test', { kind: 'reporting', email: 'cid@acme.io', via: 'sso' });
    // Ann reported an hour ago, Bob 30 days ago, Cid never.
    await db
      .updateTable('extension_tokens')
      .set({ last_used_at: new Date(Date.now() - 3600_000) })
      .where('id', '=', ann.id)
      .execute();
    const longAgo = new Date(Date.now() - 30 * 86_400_000);
    await db
      .updateTable('extension_tokens')
      .set({ last_used_at: longAgo })
      .where('id', '=', bob.id)
      .execute();

    const response = await ctx.server.app.inject({
      url: '/api/extension/status?days=14',
      headers: ctx.server.as('read-only'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      days: 14,
      tokensByMode: { authenticated: 2, unauthenticated: 1, issuedByAdmin: 0 },
      peopleReporting: 1,
      notReporting: [
        { email: 'bob@acme.io', name: 'bob', lastReportedAt: longAgo.toISOString() },
        { email: 'cid@acme.io', name: 'cid', lastReportedAt: null },
      ],
    });
  });
});
