import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDirectAccounts } from '../../../test/support/seed-accounts.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { listApps } from './apps.repo.js';

describe.each(lanes)("The apps list's sources on %s", (lane) => {
  let roster: TestRoster;

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    const { db } = roster.database;
    const source = async (name: string) =>
      (
        await db
          .insertInto('sources')
          .values({ kind: 'csv', name, config: '{}' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const hr = await source('HR export');
    const sso = await source('SSO');
    await source('Unused');
    await sql`insert into apps (name) values ('Chat'), ('Wiki'), ('Empty')`.execute(db);
    await sql`insert into users (email, domain) values ('ann@acme.io', 'acme.io'), ('bob@acme.io', 'acme.io')`.execute(
      db,
    );
    const accounts = (app: string, users: string[]) =>
      sql`select a.id as app_id, u.id as user_id, 'active'::text as status, null::text as name,
                 null::timestamptz as removed_at, null::timestamptz as last_used_at
          from apps a join users u on u.email = any (${users}::text[]) where a.name = ${app}`;
    // Chat is reported by two sources, each with two accounts; Wiki by one; Empty by none.
    await seedDirectAccounts(db, hr, accounts('Chat', ['ann@acme.io', 'bob@acme.io']));
    await seedDirectAccounts(db, sso, accounts('Chat', ['ann@acme.io', 'bob@acme.io']));
    await seedDirectAccounts(db, sso, accounts('Wiki', ['ann@acme.io']));
  });
  afterAll(() => roster.close());

  it('names each source reporting accounts of an app once, and none for an app nothing reports', async () => {
    const { items } = await listApps(roster, {});
    const sources = Object.fromEntries(items.map((app) => [app.name, [...app.sources].sort()]));
    expect(sources).toEqual({ Chat: ['HR export', 'SSO'], Empty: [], Wiki: ['SSO'] });
  });
});
