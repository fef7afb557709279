import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../../test/support/http.js';
import { lanes } from '../../../test/support/test-roster.js';
import { explainAppUsage } from '../explain/explain-app.js';
import { importCsv } from '../imports/imports.service.js';
import { updateSettings } from '../settings/settings.service.js';
import { issueExtensionToken } from './extension-tokens.js';

describe.each(lanes)('explanations say what the browser extension reported on %s', (lane) => {
  const ctx = useTestServer(
    async ({ roster }) => {
      await updateSettings(roster, 'test', { domains: ['acme.io'] });
      for (const app of ['Slack', 'Figma', 'Notion'])
        await importCsv(roster, 'test', {
          app,
          content: new TextEncoder().encode(
            'email,name,status,role,license_types,last_used_at\nann@acme.io,Ann,active,,Pro,\n',
          ),
        });
    },
    { lane },
  );
  const advice = async (app: string) => (await explainAppUsage(ctx.roster, app)).toImprove.join(' ');
  const appPage = async (app: string) =>
    (await ctx.server.app.inject({ url: `/api/apps/${app}`, headers: ctx.server.as('admin') })).json().usage
      .wouldFill[0];

  it('says the extension is not deployed, then what it saw of each app', async () => {
    expect(await advice('Slack')).toMatch(/browser extension is not deployed/);
    expect(await appPage('Slack')).toMatch(/not deployed/);
    expect(await advice('Slack')).not.toMatch(/^Deploy/);

    const { token } = await issueExtensionToken(ctx.roster, 'test', {
      kind: 'reporting',
      email: 'ann@acme.io',
      via: 'admin',
    });
    expect(await advice('Slack')).toMatch(
      /deployed \(1 person connected it\) but reported no visit or sign-in/,
    );

    await ctx.server.app.inject({
      method: 'POST',
      url: '/api/extension/events',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        batchId: randomUUID(),
        events: [
          { type: 'sign_up', domain: 'figma.com', at: '2026-11-02T09:00:00Z' },
          { type: 'visit', domain: 'notion.so', at: '2026-11-03T09:00:00Z' },
        ],
      },
    });
    expect(await advice('Figma')).toMatch(/only sign-ups on this app \(1 person\)/);
    expect(await advice('Notion')).toMatch(/reported use of this app by 1 person, last on 2026-11-03/);
  });
});
