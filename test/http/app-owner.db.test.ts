import { describe, expect, it } from 'vitest';
import { importCsv } from '../../src/modules/imports/imports.service.js';
import { createToken } from '../../src/modules/tokens/tokens.service.js';
import { useTestServer } from '../support/http.js';
import { lanes } from '../support/test-roster.js';

describe('app owners', () => {
  const ctx = useTestServer(async ({ roster }) => {
    const csv =
      'email,name,status,role,license_types,last_used_at\na@acme.io,A,active,,Pro,2025-01-01\nb@acme.io,B,active,,Pro,2025-01-01\n';
    for (const app of ['Slack', 'Zoom']) await importCsv(roster, 'test', { app, content: Buffer.from(csv) });
  });

  it('see only the apps they own, and nothing organisation-wide', async () => {
    const owner = ctx.server.as('app-owner'); // acts for owner@acme.io
    expect((await ctx.server.app.inject({ url: '/api/apps', headers: owner })).json().items).toEqual([]);
    const set = await ctx.server.app.inject({
      method: 'PUT',
      url: '/api/apps/Slack/owners',
      headers: ctx.server.as('editor'),
      payload: { emails: ['Owner@acme.io'] },
    });
    expect(set.json()).toEqual({ owners: ['owner@acme.io'] });

    expect(
      (await ctx.server.app.inject({ url: '/api/apps', headers: owner }))
        .json()
        .items.map((a: { name: string }) => a.name),
    ).toEqual(['Slack']);
    expect((await ctx.server.app.inject({ url: '/api/apps/Slack', headers: owner })).json().owners).toEqual([
      'owner@acme.io',
    ]);
    expect((await ctx.server.app.inject({ url: '/api/apps/Zoom', headers: owner })).statusCode).toBe(404);

    const inactive = (await ctx.server.app.inject({ url: '/api/licenses/inactive', headers: owner })).json();
    expect(new Set(inactive.items.map((l: { app: string }) => l.app))).toEqual(new Set(['Slack']));
    expect(
      (await ctx.server.app.inject({ url: '/api/licenses/inactive?app=Zoom', headers: owner })).statusCode,
    ).toBe(404);
    const summary = (
      await ctx.server.app.inject({ url: '/api/licenses/inactive/summary', headers: owner })
    ).json();
    expect(summary.items.map((s: { app: string }) => s.app)).toEqual(['Slack']);
    const csv = await ctx.server.app.inject({ url: '/api/licenses/inactive.csv', headers: owner });
    expect(csv.body).not.toContain('Zoom');
    expect(
      (await ctx.server.app.inject({ url: '/api/explain/inactive?app=Zoom', headers: owner })).statusCode,
    ).toBe(404);
    expect(
      (await ctx.server.app.inject({ url: '/api/explain/inactive?app=Slack', headers: owner })).statusCode,
    ).toBe(200);
    expect((await ctx.server.app.inject({ url: '/api/explain/user-count', headers: owner })).statusCode).toBe(
      403,
    );
    for (const url of [
      '/api/users',
      '/api/sources',
      '/api/sync-runs',
      '/api/merge/preview',
      '/api/catalog',
    ]) {
      expect((await ctx.server.app.inject({ url, headers: owner })).statusCode, url).toBe(403);
    }
    // Others still see everything.
    expect(
      (await ctx.server.app.inject({ url: '/api/apps', headers: ctx.server.as('read-only') })).json().items,
    ).toHaveLength(2);
  });

  it('need a token that acts for one owner email', async () => {
    await expect(
      createToken(ctx.roster, 'test', { name: 'no-owner', role: 'app-owner' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});

describe.each(lanes)("an app's own inactivity threshold on %s", (lane) => {
  const ctx = useTestServer(
    async ({ roster }) => {
      await importCsv(roster, 'test', { app: 'Slack', content: Buffer.from('email\na@acme.io\n') });
    },
    { lane },
  );

  it('is shown on the app (null while it follows the organisation default) and set per app', async () => {
    const show = async () =>
      (await ctx.server.app.inject({ url: '/api/apps/Slack', headers: ctx.server.as('read-only') })).json()
        .inactivityDays;
    expect(await show()).toBeNull();
    const set = (inactivityDays: number | null) =>
      ctx.server.app.inject({
        method: 'PATCH',
        url: '/api/apps/Slack',
        headers: ctx.server.as('editor'),
        payload: { inactivityDays },
      });
    expect((await set(30)).statusCode).toBe(204);
    expect(await show()).toBe(30);
    expect((await set(null)).statusCode).toBe(204);
    expect(await show()).toBeNull();
  });

  it("is explained with the threshold in force, the organisation's setting or the app's own", async () => {
    const computation = async () =>
      (
        await ctx.server.app.inject({
          url: '/api/explain/inactive?app=Slack',
          headers: ctx.server.as('read-only'),
        })
      ).json().computation as string;
    const settings = await ctx.server.app.inject({
      method: 'PATCH',
      url: '/api/settings',
      headers: ctx.server.as('admin'),
      payload: { inactivityDays: 45 },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    expect(await computation()).toContain("(45 days: the organisation's default, which an app may override)");
    await ctx.server.app.inject({
      method: 'PATCH',
      url: '/api/apps/Slack',
      headers: ctx.server.as('editor'),
      payload: { inactivityDays: 20 },
    });
    expect(await computation()).toContain("(20 days: this app's own threshold)");
  });
});
