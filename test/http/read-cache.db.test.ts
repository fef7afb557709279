import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { applyMerge, configureMerge } from '../../src/modules/merge/merge.service.js';
import type { Roster } from '../../src/roster.js';
import { findKindWithScripted, scriptedKind } from '../support/fake-kinds.js';
import { useTestServer } from '../support/http.js';
import { account, ago, syncRecords } from '../support/records.js';
import { lanes } from '../support/test-roster.js';

const csv = (rows: string[]) => `email,name,status,role,license_types,last_used_at\n${rows.join('\n')}\n`;

async function addSource(roster: Roster, name: string, kind = 'scripted') {
  const { id } = await roster.database.db
    .insertInto('sources')
    .values({ kind, name, config: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Runs `change` with the generation triggers of `table` off: a change the read cache cannot know of. */
async function unseen(roster: Roster, table: string, change: () => Promise<unknown>) {
  const { db } = roster.database;
  await sql`alter table ${sql.table(table)} disable trigger user`.execute(db);
  try {
    await change();
  } finally {
    await sql`alter table ${sql.table(table)} enable trigger user`.execute(db);
  }
}

describe.each(lanes)('the read cache on %s', (lane) => {
  const ctx = useTestServer(
    async ({ roster }) => {
      // An identity provider of Entra's kind (read by the scripted kind), so Merge Users has its alias fields.
      const directory = await addSource(roster, 'Directory', 'microsoft-entra');
      await syncRecords(
        roster,
        directory,
        [
          account('ann@acme.io', 'Directory'),
          account('ann.lee@acme.io', 'Directory'),
          { type: 'alias', primaryEmail: 'ann@acme.io', field: 'otherMails', value: 'ann.lee@acme.io' },
        ],
        (kind) => (kind === 'microsoft-entra' ? scriptedKind : findKindWithScripted(kind)),
      );
      const jira = await addSource(roster, 'Jira feed');
      await syncRecords(roster, jira, [
        { type: 'license_type', app: 'Jira', name: 'Standard' },
        account('owner@acme.io', 'Jira', { licenseTypes: ['Standard'], lastUsedAt: ago(2) }),
        account('bob@acme.io', 'Jira', { licenseTypes: ['Standard'], lastUsedAt: ago(30) }),
      ]);
    },
    { lane },
  );
  const get = (url: string, role: 'admin' | 'read-only' | 'app-owner' = 'read-only', etag?: string) =>
    ctx.server.app.inject({
      url,
      headers: { ...ctx.server.as(role), ...(etag ? { 'if-none-match': etag } : {}) },
    });
  const appNames = async (role: 'read-only' | 'app-owner' = 'read-only') =>
    (await get('/api/v1/apps', role)).json().items.map((a: { name: string }) => a.name);
  const peopleTotal = async () => (await get('/api/v1/users')).json().total as number;

  it('answers from memory while the data has not changed, and again once a change commits', async () => {
    expect(await appNames()).toContain('Jira');
    await unseen(ctx.roster, 'apps', () =>
      ctx.roster.database.db
        .updateTable('apps')
        .set({ name: 'Jira Cloud' })
        .where('name', '=', 'Jira')
        .execute(),
    );
    // The rename bypassed the generation: the kept answer is still the one served.
    expect(await appNames()).toContain('Jira');
    expect(await appNames()).not.toContain('Jira Cloud');
    // Any tracked change moves the generation, and the next read sees everything committed.
    await ctx.roster.database.db.updateTable('organisation_settings').set({ name: 'Acme' }).execute();
    expect(await appNames()).toContain('Jira Cloud');
    await ctx.roster.database.db
      .updateTable('apps')
      .set({ name: 'Jira' })
      .where('name', '=', 'Jira Cloud')
      .execute();
  });

  it('shows a change through the API on the very next read', async () => {
    expect(await appNames()).not.toContain('Figma');
    const created = await ctx.server.app.inject({
      method: 'POST',
      url: '/api/v1/apps',
      headers: ctx.server.as('editor'),
      payload: { name: 'Figma' },
    });
    expect(created.statusCode).toBe(201);
    expect(await appNames()).toContain('Figma');
  });

  it('shows a sync on the very next read', async () => {
    const before = await peopleTotal();
    expect(await appNames()).not.toContain('Zoom');
    await syncRecords(ctx.roster, await addSource(ctx.roster, 'Zoom feed'), [account('zed@acme.io', 'Zoom')]);
    expect(await appNames()).toContain('Zoom');
    expect(await peopleTotal()).toBe(before + 1);
  });

  it('shows a CSV import on the very next read', async () => {
    const before = await peopleTotal();
    const imported = await ctx.server.app.inject({
      method: 'POST',
      url: '/api/v1/imports/csv?app=Slack',
      headers: { ...ctx.server.as('editor'), 'content-type': 'text/csv' },
      payload: csv(['new.person@acme.io,New Person,active,,,']),
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(await peopleTotal()).toBe(before + 1);
  });

  it('shows Merge Users on the very next read', async () => {
    const before = await peopleTotal();
    await configureMerge(ctx.roster, 'test', [{ source: 'Directory', fields: ['otherMails'] }]);
    await applyMerge(ctx.roster, 'test');
    // ann@ and ann.lee@ are one person now.
    expect(await peopleTotal()).toBe(before - 1);
  });

  it('shows a settings change on the very next read, clock-bound reads included', async () => {
    const inactive = async () =>
      (await get('/api/v1/licenses/inactive/summary'))
        .json()
        .items.reduce((n: number, row: { inactive: number }) => n + row.inactive, 0);
    expect(await inactive()).toBe(0);
    const changed = await ctx.server.app.inject({
      method: 'PATCH',
      url: '/api/v1/settings',
      headers: { ...ctx.server.as('admin') },
      payload: { inactivityDays: 7 },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    // bob used Jira 30 days ago: inactive past a 7-day threshold.
    expect(await inactive()).toBe(1);
  });

  it('never gives one audience the answer kept for another', async () => {
    const jira = await ctx.roster.database.db
      .selectFrom('apps')
      .select('id')
      .where('name', '=', 'Jira')
      .executeTakeFirstOrThrow();
    const owners = await ctx.server.app.inject({
      method: 'PUT',
      url: `/api/v1/apps/${jira.id}/owners`,
      headers: ctx.server.as('editor'),
      payload: { emails: ['owner@acme.io'] },
    });
    expect(owners.statusCode, owners.body).toBe(200);
    const everyApp = await appNames('read-only');
    expect(everyApp.length).toBeGreaterThan(1);
    // The app owner sees only the app they own, though the read-only answer for the same URL is kept.
    expect(await appNames('app-owner')).toEqual(['Jira']);
    expect(await appNames('read-only')).toEqual(everyApp);
    // An app owner may not read the people list: the kept answer is not served past the role check.
    expect((await get('/api/v1/users', 'app-owner')).statusCode).toBe(403);
  });

  it('answers 304 to the ETag of the current answer, and the new answer once the data changed', async () => {
    const first = await get('/api/v1/apps');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await get('/api/v1/apps', 'read-only', etag);
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    await ctx.server.app.inject({
      method: 'POST',
      url: '/api/v1/apps',
      headers: ctx.server.as('editor'),
      payload: { name: 'Miro' },
    });
    const changed = await get('/api/v1/apps', 'read-only', etag);
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('keeps nothing of reads about the caller', async () => {
    const me = await get('/api/v1/me', 'admin');
    expect(me.statusCode).toBe(200);
    expect(me.headers.etag).toBeUndefined();
  });
});

// Two processes share a database only on a PostgreSQL server (an embedded one is locked by its process).
const serverLanes = lanes.filter((lane) => lane === 'postgres');

describe.each(serverLanes)(
  'the read cache, with another process writing to the same database on %s',
  (lane) => {
    const ctx = useTestServer(
      async ({ roster }) => {
        await syncRecords(roster, await addSource(roster, 'Jira feed'), [account('ann@acme.io', 'Jira')]);
      },
      { lane },
    );

    it('shows that process’s committed change on the next read', async () => {
      const names = async () =>
        (await ctx.server.app.inject({ url: '/api/v1/apps', headers: ctx.server.as('read-only') }))
          .json()
          .items.map((a: { name: string }) => a.name);
      expect(await names()).toEqual(['Jira']);
      const config = ctx.roster.config.database;
      if (config.kind !== 'pg') throw new Error('expected a server database');
      // Another process: its own connection, no part of this server's pool or memory.
      const other = new pg.Client({ connectionString: config.url });
      await other.connect();
      try {
        await other.query('begin');
        await other.query(`update apps set name = 'Jira Cloud' where name = 'Jira'`);
        // Not committed yet: this process still answers what is committed.
        expect(await names()).toEqual(['Jira']);
        await other.query('commit');
      } finally {
        await other.end();
      }
      expect(await names()).toEqual(['Jira Cloud']);
    });
  },
);

describe.each(lanes)('the read cache turned off (ROSTER_READ_CACHE_BYTES=0) on %s', (lane) => {
  const ctx = useTestServer(
    async ({ roster }) => {
      await syncRecords(roster, await addSource(roster, 'Jira feed'), [account('ann@acme.io', 'Jira')]);
    },
    { lane, env: { ROSTER_READ_CACHE_BYTES: '0' } },
  );

  it('keeps nothing: every read computes its answer', async () => {
    const read = () => ctx.server.app.inject({ url: '/api/v1/apps', headers: ctx.server.as('read-only') });
    expect((await read()).headers.etag).toBeUndefined();
    await unseen(ctx.roster, 'apps', () =>
      ctx.roster.database.db
        .updateTable('apps')
        .set({ name: 'Jira Cloud' })
        .where('name', '=', 'Jira')
        .execute(),
    );
    expect((await read()).json().items.map((a: { name: string }) => a.name)).toEqual(['Jira Cloud']);
  });
});
