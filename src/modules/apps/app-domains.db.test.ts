import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../../test/support/http.js';
import { lanes } from '../../../test/support/test-roster.js';
import { issueExtensionToken } from '../extension/extension-tokens.js';
import { publishedApps } from '../extension/published-apps.js';
import { updateSettings } from '../settings/settings.service.js';
import { addApp } from './apps.service.js';

/** Domains the organisation gives its own apps: set, refused when taken or not a domain, published, matched. */
describe.each(lanes)('app domains on %s', (lane) => {
  let token = '';
  const ctx = useTestServer(
    async ({ roster }) => {
      await updateSettings(roster, 'test', { domains: ['acme.io'] });
      await addApp(roster, 'test', { name: 'Acme Intranet' });
      await addApp(roster, 'test', { name: 'Warehouse Scanner' });
      await addApp(roster, 'test', { name: 'Slack' });
      token = (
        await issueExtensionToken(roster, 'test', { kind: 'reporting', email: 'ann@acme.io', via: 'admin' })
      ).token;
    },
    { lane },
  );
  const put = (app: string, domains: unknown, as: 'admin' | 'editor' | 'read-only' = 'admin') =>
    ctx.server.app.inject({
      method: 'PUT',
      url: `/api/apps/${encodeURIComponent(app)}/domains`,
      headers: ctx.server.as(as),
      payload: { domains },
    });
  const domainsOf = async (app: string) =>
    (
      await ctx.server.app.inject({
        url: `/api/apps/${encodeURIComponent(app)}`,
        headers: ctx.server.as('admin'),
      })
    ).json().domains;
  const visit = async (domain: string) =>
    (
      await ctx.server.app.inject({
        method: 'POST',
        url: '/api/extension/events',
        headers: { authorization: `Bearer ${token}` },
        payload: { batchId: randomUUID(), events: [{ type: 'visit', domain, at: new Date().toISOString() }] },
      })
    ).json();
  const published = async (app: string) =>
    (await publishedApps(ctx.roster.database.db)).find((p) => p.app === app)?.domains ?? [];

  it('sets an app’s domains, normalised and sorted, audited, and publishes them to the extension', async () => {
    const response = await put('Acme Intranet', ['Intranet.Acme.io.', 'wiki.acme.io', 'wiki.acme.io']);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ domains: ['intranet.acme.io', 'wiki.acme.io'] });
    expect(await domainsOf('Acme Intranet')).toEqual(['intranet.acme.io', 'wiki.acme.io']);
    expect(await published('Acme Intranet')).toEqual(['intranet.acme.io', 'wiki.acme.io']);
    const config = await ctx.server.app.inject({
      url: '/api/extension/config',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(config.json().apps).toContainEqual({
      app: 'Acme Intranet',
      domains: ['intranet.acme.io', 'wiki.acme.io'],
    });
    const audit = await ctx.roster.database.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'app.domains')
      .execute();
    expect(audit).toEqual([{ before: [], after: ['intranet.acme.io', 'wiki.acme.io'] }]);
  });

  it('counts a visit to an app’s own domain, a subdomain too, for that app', async () => {
    const response = await ctx.server.app.inject({
      method: 'POST',
      url: '/api/extension/events',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        batchId: randomUUID(),
        events: [
          { type: 'visit', domain: 'intranet.acme.io', at: '2026-11-02T09:00:00Z' },
          { type: 'sign_in', domain: 'people.wiki.acme.io', at: '2026-11-02T10:00:00Z' },
        ],
      },
    });
    expect(response.json()).toMatchObject({ accepted: 2, ignored: 0 });
    const rows = await ctx.roster.database.db
      .selectFrom('extension_activity')
      .select(['app_name', 'visits', 'sign_ins'])
      .where('email', '=', 'ann@acme.io')
      .execute();
    expect(rows).toEqual([{ app_name: 'Acme Intranet', visits: 1, sign_ins: 1 }]);
  });

  it('refuses a domain another app has, or the catalog publishes for another app, naming it; changes nothing', async () => {
    const taken = await put('Warehouse Scanner', ['scanner.acme.io', 'wiki.acme.io']);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toContain("wiki.acme.io is Acme Intranet's");
    const catalogs = await put('Warehouse Scanner', ['slack.com']);
    expect(catalogs.statusCode).toBe(409);
    expect(catalogs.json().error.message).toContain("slack.com is Slack's");
    expect(await domainsOf('Warehouse Scanner')).toEqual([]);
    // The catalog app itself may name its own domain beside a tenant of its own.
    const own = await put('Slack', ['slack.com', 'acme-corp.enterprise.slack.com']);
    expect(own.json()).toEqual({ domains: ['acme-corp.enterprise.slack.com', 'slack.com'] });
  });

  it('refuses what is not a domain name, naming each field, and changes nothing', async () => {
    const response = await put('Acme Intranet', [
      'intranet.acme.io',
      'not a domain',
      'co.uk',
      '10.0.0.1',
      'ann@acme.io',
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'domains[1]',
      'domains[2]',
      'domains[3]',
      'domains[4]',
    ]);
    expect(await domainsOf('Acme Intranet')).toEqual(['intranet.acme.io', 'wiki.acme.io']);
  });

  it('lets editors set them and refuses read-only members', async () => {
    expect((await put('Warehouse Scanner', ['scanner.acme.io'], 'editor')).statusCode).toBe(200);
    expect((await put('Warehouse Scanner', [], 'read-only')).statusCode).toBe(403);
    expect(await domainsOf('Warehouse Scanner')).toEqual(['scanner.acme.io']);
    expect(await visit('scanner.acme.io')).toMatchObject({ accepted: 1, ignored: 0 });
  });

  it('clears them: an empty list stops publishing the app’s own domains, and batches at once stop counting them', async () => {
    expect((await put('Warehouse Scanner', [])).json()).toEqual({ domains: [] });
    expect(await published('Warehouse Scanner')).toEqual([]);
    // The batch before kept the list with the domain; the change is seen by the very next batch.
    expect(await visit('scanner.acme.io')).toMatchObject({ accepted: 0, ignored: 1 });
  });
});
