import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer } from '../../../test/support/http.js';
import { ago, account as anAccount, syncRecords } from '../../../test/support/records.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import type { SourceRecordInput } from '../../connectors/kit/records.js';
import { showApp } from '../apps/apps.repo.js';
import { findAppId, setInactivityThreshold } from '../apps/apps.service.js';
import { removeSource } from '../sources/sources.service.js';
import { forEachInactiveLicense, listInactiveLicenses } from './licenses.repo.js';

/** Every account in these tests holds the Standard license unless it says otherwise. */
const account = (email: string, app: string, extra: Partial<SourceRecordInput & { type: 'account' }> = {}) =>
  anAccount(email, app, { licenseTypes: ['Standard'], ...extra });

describe.each(lanes)('licenses and usage on %s', (lane) => {
  let roster: TestRoster;
  const sources: Record<string, number> = {};

  const sync = (sourceId: number, records: SourceRecordInput[]) => syncRecords(roster, sourceId, records);

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    for (const name of ['Jira feed', 'Figma feed', 'Miro feed', 'Zoom feed', 'HR']) {
      const row = await roster.database.db
        .insertInto('sources')
        .values({ kind: 'scripted', name, config: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow();
      sources[name] = row.id;
    }
    await sync(sources.HR!, [
      { type: 'employee', email: 'past@acme.io', status: 'terminated', name: 'Pat Past' },
      { type: 'employee', email: 'active@acme.io', status: 'active', name: 'Ada Active' },
    ]);
    await sync(sources['Jira feed']!, [
      { type: 'license_type', app: 'Jira', name: 'Standard', purchased: 10 },
      account('active@acme.io', 'Jira', { lastUsedAt: ago(5) }),
      account('old@acme.io', 'Jira', { lastUsedAt: ago(120) }),
      account('never@acme.io', 'Jira'),
      account('recent@acme.io', 'Jira'),
      account('susp@acme.io', 'Jira', { status: 'suspended', lastUsedAt: ago(1) }),
      account('past@acme.io', 'Jira', { lastUsedAt: ago(1) }),
      account('future@acme.io', 'Jira', { lastUsedAt: ago(-30) }),
      account('formula@acme.io', 'Jira', { licenseTypes: ['=HYPERLINK("http://x")'], lastUsedAt: ago(200) }),
    ]);
    // never@ was assigned long ago; recent@ only now.
    const neverId = await roster.database.db
      .selectFrom('accounts')
      .innerJoin('users', 'users.id', 'accounts.user_id')
      .select('accounts.id')
      .where('users.email', '=', 'never@acme.io')
      .executeTakeFirstOrThrow();
    await roster.database.db
      .updateTable('account_licenses')
      .set({ assigned_at: ago(100) })
      .where('account_id', '=', neverId.id)
      .execute();
    await sync(sources['Figma feed']!, [account('active@acme.io', 'Figma'), account('old@acme.io', 'Figma')]);
    await sync(sources['Miro feed']!, [account('active@acme.io', 'Miro', { lastUsedAt: ago(2) })]);
    await roster.database.db
      .updateTable('sources')
      .set({ last_success_at: ago(10) })
      .where('id', '=', sources['Miro feed']!)
      .execute();
    await sync(sources['Zoom feed']!, [account('active@acme.io', 'Zoom', { lastUsedAt: ago(2) })]);
    await removeSource(roster, 'test', sources['Zoom feed']!);
  });
  afterAll(async () => {
    await roster.close();
  });

  const reasons = async (filters = {}) =>
    Object.fromEntries(
      (await listInactiveLicenses(roster, filters, { limit: 1000 })).items.map((l) => [
        `${l.email} ${l.licenseType}`,
        l.reason,
      ]),
    );

  it('gives every inactive license its reason, and leaves active ones out', async () => {
    expect(await reasons()).toEqual({
      'formula@acme.io =HYPERLINK("http://x")': 'no_usage_in_threshold',
      'never@acme.io Standard': 'never_used',
      'old@acme.io Standard': 'no_usage_in_threshold',
      'past@acme.io Standard': 'past_user',
      'susp@acme.io Standard': 'account_suspended',
    });
    const past = (await listInactiveLicenses(roster, { reason: 'past_user' })).items[0]!;
    expect(past).toMatchObject({
      user: 'Pat Past',
      email: 'past@acme.io',
      app: 'Jira',
      usageSource: 'Jira feed',
      reasonText: expect.stringMatching(/past employee/),
    });
  });

  it('counts licenses of an app no usage source covers as usage unknown, and says what would fill the gap', async () => {
    for (const appName of ['Figma', 'Zoom']) {
      const app = await showApp(roster, appName);
      expect(app.usage.covered).toBe(false);
      expect(app.usage.wouldFill.join(' ')).toMatch(/browser extension/);
      expect(app.licenseTypesDetail[0]).toMatchObject({
        assigned: appName === 'Figma' ? 2 : 1,
        active: 0,
        inactive: 0,
        usageUnknown: appName === 'Figma' ? 2 : 1,
      });
    }
    const jira = await showApp(roster, 'Jira');
    expect(jira.licenseTypesDetail.find((l) => l.name === 'Standard')).toMatchObject({
      purchased: 10,
      assigned: 7,
      unassigned: 3,
      inactive: 4,
      active: 3,
      usageUnknown: 0,
    });
  });

  it('flags stale usage and future dates instead of trusting them', async () => {
    await setInactivityThreshold(roster, 'test', 'Miro', 1);
    const miro = await listInactiveLicenses(roster, { appId: await findAppId(roster, 'Miro') });
    expect(miro.items).toEqual([
      expect.objectContaining({ email: 'active@acme.io', usageStale: true, reason: 'no_usage_in_threshold' }),
    ]);
    expect((await showApp(roster, 'Miro')).usage.sources).toEqual([{ name: 'Miro feed', stale: true }]);
    // A last-used date in the future is clamped to now and flagged: the license is active.
    expect(Object.keys(await reasons())).not.toContain('future@acme.io Standard');
  });

  it('filters by app, license type, reason and holder, and pages with a cursor', async () => {
    const jiraId = await findAppId(roster, 'jira');
    expect(Object.keys(await reasons({ appId: jiraId, reason: 'never_used' }))).toEqual([
      'never@acme.io Standard',
    ]);
    expect(Object.keys(await reasons({ user: 'OLD@' }))).toEqual(['old@acme.io Standard']);
    expect(Object.keys(await reasons({ licenseType: 'standard', appId: jiraId }))).toHaveLength(4);
    const first = await listInactiveLicenses(roster, {}, { limit: 2 });
    const rest = await listInactiveLicenses(roster, {}, { limit: 10, cursor: first.nextCursor! });
    expect([...first.items, ...rest.items].map((l) => l.email)).toEqual(
      (await listInactiveLicenses(roster, {}, { limit: 100 })).items.map((l) => l.email),
    );
    let streamed = 0;
    await forEachInactiveLicense(roster, {}, async (batch) => {
      streamed += batch.length;
    });
    expect(streamed).toBe(6);
  });

  it('shows each usage source of an account with its freshness, and ignores usage of accounts that are gone', async () => {
    const { showUser } = await import('../users/users.repo.js');
    const ada = await showUser(roster, 'active@acme.io');
    const miro = ada.accounts.find((a) => a.app === 'Miro')!;
    expect(miro.usageBySource).toEqual([
      { source: 'Miro feed', lastUsedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), stale: true },
    ]);
    const jira = ada.accounts.find((a) => a.app === 'Jira')!;
    expect(jira.usageBySource).toEqual([expect.objectContaining({ source: 'Jira feed', stale: false })]);
    const before = await reasons();
    await roster.database.db
      .insertInto('account_observations')
      .values({
        account_id: 987_654_321,
        source_id: sources['Jira feed']!,
        app_id: -1,
        user_id: -1,
        status: 'active',
        first_seen_at: ago(600),
        last_used_at: ago(500),
      })
      .execute();
    expect(await reasons()).toEqual(before);
  });

  it('sums inactive and unknown licenses per app by reason', async () => {
    const { inactiveSummary } = await import('./licenses.repo.js');
    const summary = await inactiveSummary(roster);
    expect(summary.find((s) => s.app === 'Jira')).toMatchObject({
      inactive: 5,
      usageUnknown: 0,
      byReason: { account_suspended: 1, past_user: 1, never_used: 1, no_usage_in_threshold: 2 },
    });
    expect(summary.find((s) => s.app === 'Figma')).toMatchObject({ inactive: 0, usageUnknown: 2 });
  });

  it('refuses thresholds that are not 1-3650 whole days', async () => {
    for (const days of [0, -5, Number.NaN, 100_000, 2.5]) {
      await expect(setInactivityThreshold(roster, 'test', 'Jira', days)).rejects.toMatchObject({
        code: 'invalid_input',
      });
    }
  });

  it('exports CSV through the API with formula cells made text, and rejects unknown reasons', async () => {
    const server = await testServer(roster);
    try {
      const csv = await server.app.inject({
        url: '/api/licenses/inactive.csv?app=Jira',
        headers: server.as('read-only'),
      });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const lines = csv.body.trim().split('\n');
      expect(lines[0]).toBe('user,email,app,licenseType,lastUsedAt,usageSource,usageStale,reason,reasonText');
      expect(lines).toHaveLength(6);
      expect(csv.body).toContain(`"'=HYPERLINK(""http://x"")"`);
      const bad = await server.app.inject({
        url: '/api/licenses/inactive?reason=lazy',
        headers: server.as('read-only'),
      });
      expect(bad.statusCode).toBe(400);
      const threshold = await server.app.inject({
        method: 'PATCH',
        url: '/api/apps/Jira',
        headers: server.as('editor'),
        payload: { inactivityDays: 0 },
      });
      expect(threshold.statusCode).toBe(400);
    } finally {
      await server.app.close();
    }
  });
});
