import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../../test/support/http.js';
import { lanes } from '../../../test/support/test-roster.js';
import { importCsv } from '../imports/imports.service.js';
import { ensureLicenseStates } from '../licenses/license-store.js';
import { updateSettings } from '../settings/settings.service.js';
import { issueExtensionToken } from './extension-tokens.js';
import { foldExtensionActivity, foldExtensionActivityWhenDue } from './fold-activity.js';

const recent = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();

describe.each(lanes)('the browser extension as a source on %s', (lane) => {
  let ann = '';
  const ctx = useTestServer(
    async ({ roster }) => {
      await updateSettings(roster, 'test', { domains: ['acme.io'] });
      ann = (
        await issueExtensionToken(roster, 'test', { kind: 'reporting', email: 'ann@acme.io', via: 'admin' })
      ).token;
      // Slack's licenses come from a CSV without last use: usage unknown until the extension reports.
      await importCsv(ctx.roster, 'test', {
        app: 'Slack',
        content: new TextEncoder().encode(
          'email,name,status,role,license_types,last_used_at\nann@acme.io,Ann,active,,Pro,\nbob@acme.io,Bob,active,,Pro,\n',
        ),
      });
    },
    { lane },
  );
  const report = (events: object[]) =>
    ctx.server.app.inject({
      method: 'POST',
      url: '/api/extension/events',
      headers: { authorization: `Bearer ${ann}` },
      payload: { batchId: randomUUID(), events },
    });
  const licenseStates = async () => {
    await ensureLicenseStates(ctx.roster.database, new Date(), 0);
    return ctx.roster.database.db
      .selectFrom('license_states')
      .select(['email', 'state', 'usage_source', 'last_used_at'])
      .where('app', '=', 'Slack')
      .orderBy('email')
      .execute();
  };

  it('creates its source at the first report, and turns reports into accounts’ last use and discovered apps', async () => {
    expect((await licenseStates()).map((l) => l.state)).toEqual(['usage_unknown', 'usage_unknown']);
    const visitedAt = recent(2);
    expect(
      (
        await report([
          { type: 'visit', domain: 'app.slack.com', at: visitedAt },
          { type: 'sign_in', domain: 'figma.com', at: recent(1) },
        ])
      ).statusCode,
    ).toBe(202);
    const source = await ctx.roster.database.db
      .selectFrom('sources')
      .select(['id', 'kind'])
      .where('kind', '=', 'browser-extension')
      .execute();
    expect(source).toHaveLength(1);

    const result = await foldExtensionActivity(ctx.roster, 'test');
    expect(result.status, JSON.stringify(result.error)).toBe('succeeded');

    const states = await licenseStates();
    // Ann's Slack license is active with the extension's date; Bob, who never reported, stays unknown
    // no longer: Slack now has a usage source, and Bob has no use from it.
    expect(states[0]).toMatchObject({ email: 'ann@acme.io', state: 'active' });
    expect(new Date(states[0]!.last_used_at!).toISOString()).toBe(visitedAt);
    expect(states[1]!.state).not.toBe('usage_unknown');

    // Figma was discovered by the extension, with Ann as its user.
    const figma = await ctx.roster.database.db
      .selectFrom('apps')
      .innerJoin('accounts', 'accounts.app_id', 'apps.id')
      .innerJoin('users', 'users.id', 'accounts.user_id')
      .select(['apps.discovered_by_source_id', 'users.email'])
      .where('apps.name', '=', 'Figma')
      .execute();
    expect(figma).toEqual([{ discovered_by_source_id: source[0]!.id, email: 'ann@acme.io' }]);
  });

  it('folds in by the job worker’s step only when reports arrived and the last fold is old enough', async () => {
    const now = new Date();
    // Just folded: not again within the period.
    expect(await foldExtensionActivityWhenDue(ctx.roster, now)).toBeNull();
    const later = new Date(now.getTime() + 10 * 60_000);
    // Nothing new since: nothing to do.
    expect(await foldExtensionActivityWhenDue(ctx.roster, later)).toBeNull();
    await report([{ type: 'visit', domain: 'notion.so', at: recent(0) }]);
    const folded = await foldExtensionActivityWhenDue(ctx.roster, later);
    expect(folded?.status).toBe('succeeded');
  });
});
