import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanes, openTestRoster, type TestRoster } from '../../test/support/test-roster.js';

/**
 * The one rule that derives an account from its observations (view account_precedence, migrations/0010),
 * as a table: each case lists the observations and the account that must come out.
 */
type Obs = {
  source: 'app' | 'sso-old' | 'sso-new';
  status: 'active' | 'suspended' | 'deleted';
  name: string | null;
  role?: string;
  removedDaysAgo?: number;
};
type Derived = { source: string; status: string; name: string | null; role: string | null; removed: boolean };

const cases: { rule: string; observations: Obs[]; derived: Derived }[] = [
  {
    rule: "the app's own observation decides, whatever SSO says",
    observations: [
      { source: 'app', status: 'active', name: 'Ann (app)', role: 'admin' },
      { source: 'sso-new', status: 'suspended', name: 'Ann (SSO)', role: 'member' },
    ],
    derived: { source: 'app', status: 'active', name: 'Ann (app)', role: 'admin', removed: false },
  },
  {
    rule: 'a user the app no longer lists is removed, though SSO still assigns them',
    observations: [
      { source: 'app', status: 'deleted', name: 'Ann (app)', removedDaysAgo: 3 },
      { source: 'sso-new', status: 'active', name: 'Ann (SSO)' },
    ],
    derived: { source: 'app', status: 'deleted', name: 'Ann (app)', role: null, removed: true },
  },
  {
    rule: "the app's empty name stays empty: the app shows the email only",
    observations: [
      { source: 'app', status: 'active', name: null },
      { source: 'sso-old', status: 'active', name: 'Ann (SSO)' },
    ],
    derived: { source: 'app', status: 'active', name: null, role: null, removed: false },
  },
  {
    rule: 'without the app, the most recently synced partial source',
    observations: [
      { source: 'sso-old', status: 'suspended', name: 'Old' },
      { source: 'sso-new', status: 'active', name: 'New' },
    ],
    derived: { source: 'sso-new', status: 'active', name: 'New', role: null, removed: false },
  },
  {
    rule: 'a partial source still listing the user before one that stopped, however recent',
    observations: [
      { source: 'sso-old', status: 'active', name: 'Old' },
      { source: 'sso-new', status: 'deleted', name: 'New', removedDaysAgo: 1 },
    ],
    derived: { source: 'sso-old', status: 'active', name: 'Old', role: null, removed: false },
  },
  {
    rule: 'removed only when every partial source stopped listing the user; the latest removal',
    observations: [
      { source: 'sso-old', status: 'deleted', name: 'Old', removedDaysAgo: 1 },
      { source: 'sso-new', status: 'deleted', name: 'New', removedDaysAgo: 9 },
    ],
    derived: { source: 'sso-old', status: 'deleted', name: 'Old', role: null, removed: true },
  },
];

describe.each(lanes)('account precedence on %s', (lane) => {
  let roster: TestRoster;
  const sourceIds: Record<string, number> = {};
  let appId = 0;
  beforeAll(async () => {
    roster = await openTestRoster(lane);
    const { db } = roster.database;
    const day = 86_400_000;
    for (const [name, kind, syncedDaysAgo] of [
      ['app', 'csv', 2],
      ['sso-old', 'okta', 5],
      ['sso-new', 'microsoft-entra', 1],
    ] as const) {
      const row = await db
        .insertInto('sources')
        .values({ kind, name, config: '{}', last_success_at: new Date(Date.now() - syncedDaysAgo * day) })
        .returning('id')
        .executeTakeFirstOrThrow();
      sourceIds[name] = row.id;
    }
    appId = (await db.insertInto('apps').values({ name: 'Chat' }).returning('id').executeTakeFirstOrThrow())
      .id;
    await db.insertInto('app_instances').values({ app_id: appId, source_id: sourceIds.app! }).execute();
  });
  afterAll(async () => {
    await roster.close();
  });

  it.each(cases)('$rule', async ({ observations, derived }) => {
    const { db } = roster.database;
    const email = `u${Math.random().toString(36).slice(2)}@acme.io`;
    const user = await db
      .insertInto('users')
      .values({ email, domain: 'acme.io' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const accountId = 1_000_000 + user.id;
    for (const o of observations) {
      await db
        .insertInto('account_observations')
        .values({
          account_id: accountId,
          source_id: sourceIds[o.source]!,
          app_id: appId,
          user_id: user.id,
          name: o.name,
          status: o.status,
          role: o.role ?? null,
          first_seen_at: new Date(Date.now() - 30 * 86_400_000),
          removed_at:
            o.removedDaysAgo === undefined ? null : new Date(Date.now() - o.removedDaysAgo * 86_400_000),
        })
        .execute();
    }
    const { rows } = await sql<Derived>`
      select s.name as source, p.status, p.name, p.role, p.removed_at is not null as removed
      from account_precedence p join sources s on s.id = p.source_id
      where p.account_id = ${accountId}`.execute(db);
    expect(rows).toEqual([derived]);
  });
});
