import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKindWithScriptedSso } from '../../test/support/fake-kinds.js';
import { account } from '../../test/support/records.js';
import { snapshotTables } from '../../test/support/snapshot.js';
import { lanes, openTestRoster, type TestRoster } from '../../test/support/test-roster.js';
import type { SourceRecordInput } from '../connectors/kit/records.js';
import { showApp } from '../modules/apps/apps.repo.js';
import { explainAppUsers } from '../modules/explain/explain-app.js';
import { ensureLicenseStates } from '../modules/licenses/license-store.js';
import { runSync } from './engine.js';

const day = 86_400_000;
const at = (daysAgo: number) => new Date(Date.UTC(2026, 10, 30) - daysAgo * day).toISOString();

/** How accounts come out of a direct source and a partial one (SSO) seeing the same people. */
describe.each(lanes)('accounts from several sources on %s', (lane) => {
  let roster: TestRoster;
  let seq = 0;
  beforeAll(async () => {
    roster = await openTestRoster(lane);
  });
  afterAll(async () => {
    await roster.close();
  });

  async function source(kind: 'scripted' | 'scripted-sso', name: string): Promise<number> {
    const row = await roster.database.db
      .insertInto('sources')
      .values({ kind, name: `${name} ${++seq}`, config: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function sync(sourceId: number, records: SourceRecordInput[]) {
    const result = await runSync(
      { database: roster.database, secrets: roster.secrets, findKind: findKindWithScriptedSso },
      sourceId,
      { trigger: 'test', input: [{ records }] },
    );
    expect(result.error).toBeNull();
    return result;
  }

  const rowsOf = async (app: string) => {
    const detail = await showApp(roster, app, { includeRemoved: true });
    return {
      users: detail.users,
      instances: detail.instances,
      rows: detail.accounts.items.map((a) => ({
        email: a.email,
        instance: a.instance,
        status: a.status,
        removed: a.removedAt !== null,
        nameInApp: a.nameInApp,
        licenseTypes: a.licenseTypes,
        lastUsedAt: a.lastUsedAt,
        lastUsedSource: a.lastUsedSource,
        sources: a.sources.map(
          (s) => `${s.source.replace(/ \d+$/, '')}:${s.role}:${s.status}${s.removedAt ? ':removed' : ''}`,
        ),
      })),
    };
  };

  it('counts a user the app lists and SSO assigns as one account with both observations', async () => {
    const app = 'Chat One';
    const chat = await source('scripted', 'Chat');
    const sso = await source('scripted-sso', 'SSO');
    const fromChat = [
      account('ann@acme.io', app, {
        name: 'Ann in Chat',
        role: 'admin',
        licenseTypes: ['Pro'],
        lastUsedAt: at(40),
      }),
      account('cy@acme.io', app, { status: 'suspended' }),
    ];
    const fromSso = [
      account('ann@acme.io', app, { status: 'suspended', licenseTypes: ['Pro'], lastUsedAt: at(2) }),
      account('bob@acme.io', app, { name: 'Bob from SSO', lastUsedAt: at(5) }),
    ];
    await sync(chat, fromChat);
    await sync(sso, fromSso);
    const view = await rowsOf(app);
    expect(view.rows).toEqual([
      {
        email: 'ann@acme.io',
        instance: expect.stringMatching(/^Chat \d+$/),
        // Status, name and licenses from the app itself; last use from whichever source saw it last.
        status: 'active',
        removed: false,
        nameInApp: 'Ann in Chat',
        licenseTypes: ['Pro'],
        lastUsedAt: at(2),
        lastUsedSource: expect.stringMatching(/^SSO \d+$/),
        sources: ['Chat:direct:active', 'SSO:partial:suspended'],
      },
      {
        email: 'bob@acme.io',
        instance: 'unmanaged',
        status: 'active',
        removed: false,
        nameInApp: 'Bob from SSO',
        licenseTypes: [],
        lastUsedAt: at(5),
        lastUsedSource: expect.stringMatching(/^SSO \d+$/),
        sources: ['SSO:partial:active'],
      },
      {
        email: 'cy@acme.io',
        instance: expect.stringMatching(/^Chat \d+$/),
        status: 'suspended',
        removed: false,
        nameInApp: null,
        licenseTypes: [],
        lastUsedAt: null,
        lastUsedSource: null,
        sources: ['Chat:direct:suspended'],
      },
    ]);
    expect(view.users).toBe(3);
    expect(view.instances.map((i) => [i.managed, i.accounts])).toEqual([
      [true, 2],
      [false, 1],
    ]);
    // The same data again writes nothing, from either source.
    const before = await snapshotTables(roster, { withRowVersions: true });
    await sync(chat, fromChat);
    await sync(sso, fromSso);
    expect(await snapshotTables(roster, { withRowVersions: true })).toEqual(before);
  });

  it("moves a user known only through SSO into the app's own instance once the app lists them", async () => {
    const app = 'Chat Two';
    const sso = await source('scripted-sso', 'SSO');
    const chat = await source('scripted', 'Chat');
    await sync(sso, [account('bob@acme.io', app, { name: 'Bob from SSO', lastUsedAt: at(5) })]);
    expect((await rowsOf(app)).rows.map((r) => [r.email, r.instance])).toEqual([
      ['bob@acme.io', 'unmanaged'],
    ]);
    await sync(chat, [account('bob@acme.io', app, { name: 'Bob', lastUsedAt: at(20) })]);
    const view = await rowsOf(app);
    expect(view.rows).toEqual([
      expect.objectContaining({
        email: 'bob@acme.io',
        instance: expect.stringMatching(/^Chat \d+$/),
        nameInApp: 'Bob',
        lastUsedAt: at(5),
        sources: ['Chat:direct:active', 'SSO:partial:active'],
      }),
    ]);
    expect(view.users).toBe(1);
    expect(view.instances.map((i) => i.managed)).toEqual([true]);
  });

  it('keeps an account the app still lists when SSO drops it, and removes it when the app does', async () => {
    const app = 'Chat Three';
    const chat = await source('scripted', 'Chat');
    const sso = await source('scripted-sso', 'SSO');
    await sync(chat, [account('ann@acme.io', app), account('dan@acme.io', app)]);
    await sync(sso, [account('ann@acme.io', app), account('dan@acme.io', app), account('eve@acme.io', app)]);
    await sync(sso, [account('dan@acme.io', app)]);
    let view = await rowsOf(app);
    expect(view.rows.map((r) => [r.email, r.status, r.removed, r.sources])).toEqual([
      ['ann@acme.io', 'active', false, ['Chat:direct:active', 'SSO:partial:deleted:removed']],
      ['dan@acme.io', 'active', false, ['Chat:direct:active', 'SSO:partial:active']],
      // Seen only through SSO, and no longer: removed.
      ['eve@acme.io', 'deleted', true, ['SSO:partial:deleted:removed']],
    ]);
    expect(view.users).toBe(2);
    // The app stops listing Dan: his account goes, though SSO still assigns him.
    await sync(chat, [account('ann@acme.io', app)]);
    view = await rowsOf(app);
    expect(view.rows.map((r) => [r.email, r.status, r.removed])).toEqual([
      ['ann@acme.io', 'active', false],
      ['dan@acme.io', 'deleted', true],
      ['eve@acme.io', 'deleted', true],
    ]);
    expect(view.users).toBe(1);
    // Dan comes back in the app: restored.
    await sync(chat, [account('ann@acme.io', app), account('dan@acme.io', app, { status: 'suspended' })]);
    view = await rowsOf(app);
    expect(view.rows.map((r) => [r.email, r.status, r.removed])).toEqual([
      ['ann@acme.io', 'active', false],
      ['dan@acme.io', 'suspended', false],
      ['eve@acme.io', 'deleted', true],
    ]);
  });

  it('gives a user of two copies of an app (two workspaces) one account in each, labelled', async () => {
    const app = 'Chat Four';
    const one = await source('scripted', 'Workspace A');
    const two = await source('scripted', 'Workspace B');
    const sso = await source('scripted-sso', 'SSO');
    await sync(one, [account('ann@acme.io', app), account('bob@acme.io', app)]);
    await sync(two, [account('ann@acme.io', app)]);
    await sync(sso, [account('ann@acme.io', app, { lastUsedAt: at(1) })]);
    const view = await rowsOf(app);
    expect(view.rows.map((r) => [r.email, r.instance.replace(/ \d+$/, ''), r.sources])).toEqual([
      // SSO's sign-in joins the account in the first copy that lists Ann.
      ['ann@acme.io', 'Workspace A', ['Workspace A:direct:active', 'SSO:partial:active']],
      ['ann@acme.io', 'Workspace B', ['Workspace B:direct:active']],
      ['bob@acme.io', 'Workspace A', ['Workspace A:direct:active']],
    ]);
    expect(view.users).toBe(3);
    expect(view.instances.map((i) => [i.name.replace(/ \d+$/, ''), i.accounts])).toEqual([
      ['Workspace A', 2],
      ['Workspace B', 1],
    ]);
  });

  it('leaves license states standing after a run that changed nothing, and marks them after one that did', async () => {
    const app = 'Chat Six';
    const chat = await source('scripted', 'Chat');
    const records = [account('ann@acme.io', app, { licenseTypes: ['Pro'], lastUsedAt: at(3) })];
    await sync(chat, records);
    const status = async () => {
      const { rows } = await sql<{ all: boolean; apps: number[] }>`
        select stale_all as all, stale_app_ids as apps from license_states_status`.execute(
        roster.database.db,
      );
      return { all: rows[0]!.all, apps: rows[0]!.apps.length };
    };
    // A source synced for the first time was not fresh before: its states are computed.
    expect(await status()).not.toEqual({ all: false, apps: 0 });
    await ensureLicenseStates(roster.database, new Date(), 0);
    expect(await status()).toEqual({ all: false, apps: 0 });
    await sync(chat, records);
    expect(await status()).toEqual({ all: false, apps: 0 });
    await sync(chat, [account('ann@acme.io', app, { licenseTypes: ['Pro'], lastUsedAt: at(1) })]);
    expect(await status()).toEqual({ all: false, apps: 1 });
  });

  it('explains how many users each source lists, how many are unmanaged, and who shows only an email', async () => {
    const app = 'Chat Seven';
    const chat = await source('scripted', 'Chat');
    const sso = await source('scripted-sso', 'SSO');
    await sync(chat, [account('ann@acme.io', app), account('bob@acme.io', app, { name: 'Bob' })]);
    await sync(sso, [
      account('ann@acme.io', app, { name: 'Ann Lee' }),
      account('cy@acme.io', app),
      account('dee@acme.io', app),
    ]);
    const explained = await explainAppUsers(roster, app, findKindWithScriptedSso);
    expect(explained.figure).toMatchObject({ users: 4, unmanaged: 2 });
    const cause = (code: string) => explained.causes.find((c) => c.code === code);
    expect(cause('seen_by_sources')?.text).toMatch(
      /Chat \d+ \(the app itself\) lists 2, SSO \d+ \(partial\) lists 3/,
    );
    expect(cause('unmanaged_users')?.count).toBe(2);
    // Ann: the app shows her email only, while SSO knows her name.
    expect(cause('email_instead_of_name')?.count).toBe(1);
    expect(cause('several_instances')?.count).toBe(2);
  });

  it("follows each account's licenses as the source lists them: changed, gone with the user, back with them", async () => {
    const app = 'Chat Eight';
    const chat = await source('scripted', 'Chat');
    const held = async () => (await rowsOf(app)).rows.map((r) => [r.email, r.removed, r.licenseTypes]);
    await sync(chat, [
      account('ann@acme.io', app, { licenseTypes: ['Pro', 'Admin'] }),
      account('bob@acme.io', app, { licenseTypes: ['Pro'] }),
    ]);
    expect(await held()).toEqual([
      ['ann@acme.io', false, ['Admin', 'Pro']],
      ['bob@acme.io', false, ['Pro']],
    ]);
    await sync(chat, [account('ann@acme.io', app, { licenseTypes: ['Pro'] })]);
    expect(await held()).toEqual([
      ['ann@acme.io', false, ['Pro']],
      ['bob@acme.io', true, []],
    ]);
    await sync(chat, [
      account('ann@acme.io', app, { licenseTypes: ['Pro'] }),
      account('bob@acme.io', app, { licenseTypes: ['Pro'] }),
    ]);
    expect(await held()).toEqual([
      ['ann@acme.io', false, ['Pro']],
      ['bob@acme.io', false, ['Pro']],
    ]);
  });

  it('takes licenses only from the source that reads the app', async () => {
    const app = 'Chat Five';
    const sso = await source('scripted-sso', 'SSO');
    await sync(sso, [
      { type: 'license_type', app, name: 'Pro', purchased: 10 },
      account('ann@acme.io', app, { licenseTypes: ['Pro'] }),
    ]);
    const { rows } = await sql<{ n: number }>`
      select (select count(*)::int from license_types lt join apps a on a.id = lt.app_id where a.name = ${app})
           + (select count(*)::int from account_licenses al join accounts ac on ac.id = al.account_id
              join apps a on a.id = ac.app_id where a.name = ${app}) as n`.execute(roster.database.db);
    expect(rows[0]!.n).toBe(0);
  });
});
