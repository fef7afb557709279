import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptedKind } from '../../../test/support/fake-kinds.js';
import { testServer } from '../../../test/support/http.js';
import { account, ago, syncRecords } from '../../../test/support/records.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { capabilities } from '../../connectors/kit/capabilities.js';
import type { SourceKind } from '../../connectors/kit/connector.js';
import type { SourceRecordInput } from '../../connectors/kit/records.js';
import { findSourceKind } from '../../connectors/registry.js';
import { updateSettings } from '../settings/settings.service.js';
import { explainAppLicenses, explainAppUsage, explainAppUsers, explainInactive } from './explain-app.js';
import { explainUserCount } from './explain-user-count.js';

/** Source kinds for the situations: a full list with licenses and usage, one without either, SSO sign-ins. */
const kinds: Record<string, SourceKind<unknown, unknown>> = {
  full: scriptedKind,
  'no-licenses': { ...scriptedKind, kind: 'no-licenses', capabilities: capabilities(['users']) },
  'sso-signins': {
    ...scriptedKind,
    kind: 'sso-signins',
    coverage: 'partial',
    capabilities: capabilities(['users', 'lastUsed']),
  },
};
const findKind = (kind: string) => kinds[kind] ?? findSourceKind(kind);
const codes = (e: { causes: { code: string }[] }) => e.causes.map((c) => c.code);

describe.each(lanes)('explanations on %s', (lane) => {
  let roster: TestRoster;
  const source = async (kind: string, name: string, records: SourceRecordInput[]) => {
    const row = await roster.database.db
      .insertInto('sources')
      .values({ kind, name, config: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const result = await syncRecords(roster, row.id, records, findKind);
    expect(result.status).toBe('succeeded');
    return row.id;
  };

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    await updateSettings(roster, 'test', { domains: ['acme.io'] });
  });
  afterAll(async () => {
    await roster.close();
  });

  it('more users than licenses: users outside the managed account hold none', async () => {
    await source('full', 'Asana feed', [
      { type: 'license_type', app: 'Asana', name: 'Business', purchased: 2 },
      account('a@acme.io', 'Asana', { licenseTypes: ['Business'] }),
      account('b@acme.io', 'Asana', { licenseTypes: ['Business'] }),
      account('free1@acme.io', 'Asana'),
      account('free2@acme.io', 'Asana'),
    ]);
    const e = await explainAppUsers(roster, 'Asana', findKind);
    expect(e.figure).toMatchObject({ users: 4, licensedUsers: 2 });
    expect(e.causes).toContainEqual(expect.objectContaining({ code: 'users_without_license', count: 2 }));
  });

  it('more licenses than users: several license types per person, and purchased seats above assigned', async () => {
    await source('full', 'Atlassian feed', [
      { type: 'license_type', app: 'Jira', name: 'Jira Standard', purchased: 10 },
      { type: 'license_type', app: 'Jira', name: 'Confluence Standard', purchased: 3 },
      account('a@acme.io', 'Jira', { licenseTypes: ['Jira Standard', 'Confluence Standard'] }),
      account('b@acme.io', 'Jira', { licenseTypes: ['Jira Standard'] }),
    ]);
    const e = await explainAppLicenses(roster, 'Jira', findKind);
    expect(e.figure).toMatchObject({ assigned: 3, purchased: 13, users: 2 });
    expect(e.causes).toContainEqual(expect.objectContaining({ code: 'several_licenses_per_user', count: 1 }));
    expect(e.causes).toContainEqual(expect.objectContaining({ code: 'purchased_above_assigned', count: 10 }));
  });

  it('no license types: the integration does not provide them', async () => {
    await source('no-licenses', 'Notion feed', [account('a@acme.io', 'Notion')]);
    const e = await explainAppLicenses(roster, 'Notion', findKind);
    expect(codes(e)).toContain('no_license_data');
    expect(e.causes[0]?.text).toContain('Notion feed');
    expect(e.toImprove.join(' ')).toMatch(/license_types/);
  });

  it('no inactive licenses and no usage: no source reports usage for the app', async () => {
    await source('full', 'Figma feed', [
      { type: 'license_type', app: 'Figma', name: 'Editor' },
      account('a@acme.io', 'Figma', { licenseTypes: ['Editor'] }),
    ]);
    const inactive = await explainInactive(roster, 'Figma', findKind);
    expect(inactive.figure).toMatchObject({ inactive: 0, usageUnknown: 1 });
    expect(codes(inactive)).toContain('no_usage_source');
    expect(inactive.toImprove.join(' ')).toMatch(/browser extension/);
    const usage = await explainAppUsage(roster, 'Figma', findKind);
    expect(codes(usage)).toEqual(['no_usage_source']);
  });

  it('many inactive licenses: the usage source went stale, or needs attention', async () => {
    const id = await source('full', 'Miro feed', [
      { type: 'license_type', app: 'Miro', name: 'Team' },
      account('a@acme.io', 'Miro', { licenseTypes: ['Team'], lastUsedAt: ago(120) }),
      account('b@acme.io', 'Miro', { licenseTypes: ['Team'], lastUsedAt: ago(100) }),
    ]);
    await roster.database.db
      .updateTable('sources')
      .set({ last_success_at: ago(30) })
      .where('id', '=', id)
      .execute();
    let e = await explainInactive(roster, 'Miro', findKind);
    expect(e.figure.inactive).toBe(2);
    expect(e.causes).toContainEqual(expect.objectContaining({ code: 'stale_usage_source', count: 2 }));
    expect(e.causes.find((c) => c.code === 'stale_usage_source')?.text).toContain('Miro feed (stale)');
    await roster.database.db
      .updateTable('sources')
      .set({ last_run_status: 'failed', last_error_code: 'auth' })
      .where('id', '=', id)
      .execute();
    e = await explainInactive(roster, 'Miro', findKind);
    expect(codes(e)).toContain('source_needs_attention');
  });

  it('100 of 500 users: the app is not integrated, only sign-ins are seen', async () => {
    await source('sso-signins', 'Okta sign-ins', [
      account('a@acme.io', 'Canva', { lastUsedAt: ago(1) }),
      account('b@acme.io', 'Canva'),
    ]);
    const e = await explainAppUsers(roster, 'Canva', findKind);
    expect(e.causes).toContainEqual(expect.objectContaining({ code: 'not_integrated' }));
    expect(e.causes.find((c) => c.code === 'not_integrated')?.text).toContain('Okta sign-ins');
    expect(e.sources).toEqual([
      expect.objectContaining({ name: 'Okta sign-ins', coverage: 'partial', freshness: 'fresh' }),
    ]);
  });

  it('an app no one used: accounts exist, a usage source watches, and nobody used it', async () => {
    await source('sso-signins', 'Extension sign-ups', [
      account('a@acme.io', 'Typeform'),
      account('b@acme.io', 'Typeform'),
    ]);
    const e = await explainAppUsers(roster, 'Typeform', findKind);
    expect(e.causes, JSON.stringify(e)).toContainEqual(
      expect.objectContaining({ code: 'never_used_by_anyone', count: 2 }),
    );
    const used = await explainAppUsers(roster, 'Canva', findKind);
    expect(codes(used)).not.toContain('never_used_by_anyone');
  });

  it('more users than employees: shared and service accounts, contractors, past employees', async () => {
    await source('full', 'HR', [
      { type: 'employee', email: 'a@acme.io', status: 'active' },
      { type: 'employee', email: 'b@acme.io', status: 'active' },
      { type: 'employee', email: 'free1@acme.io', status: 'terminated' },
    ]);
    await source('full', 'Slack feed', [
      account('ci-bot@acme.io', 'Slack'),
      account('dev@agency.example', 'Slack'),
    ]);
    const e = await explainUserCount(roster);
    expect(e.figure).toMatchObject({ employees: 2 });
    expect(e.figure.users).toBeGreaterThan(2);
    expect(e.causes).toContainEqual(expect.objectContaining({ code: 'service_accounts' }));
    expect(e.causes).toContainEqual(expect.objectContaining({ code: 'external_users', count: 1 }));
    expect(e.causes).toContainEqual(expect.objectContaining({ code: 'past_employees', count: 1 }));
  });

  it('answers through the API, and refuses what it cannot explain', async () => {
    const server = await testServer(roster);
    try {
      const ok = await server.app.inject({
        url: '/api/explain/inactive?app=Miro',
        headers: server.as('read-only'),
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ what: 'inactive', subject: 'Miro', figure: { inactive: 2 } });
      expect(
        (await server.app.inject({ url: '/api/explain/nonsense', headers: server.as('read-only') }))
          .statusCode,
      ).toBe(400);
      const noApp = await server.app.inject({
        url: '/api/explain/app-users',
        headers: server.as('read-only'),
      });
      expect(noApp.statusCode).toBe(400);
      expect(noApp.json().error.details[0].field).toBe('app');
      expect(
        (await server.app.inject({ url: '/api/explain/user-count', headers: server.as('read-only') }))
          .statusCode,
      ).toBe(200);
    } finally {
      await server.app.close();
    }
  });
});
