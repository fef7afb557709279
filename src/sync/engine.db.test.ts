import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKindWithScripted, type ScriptedPage } from '../../test/support/fake-kinds.js';
import { snapshotTables } from '../../test/support/snapshot.js';
import { lanes, openTestRoster, type TestRoster } from '../../test/support/test-roster.js';
import { ConnectorError } from '../connectors/kit/connector-error.js';
import type { SourceRecordInput } from '../connectors/kit/records.js';
import { runSync } from './engine.js';

const account = (
  email: string,
  extra: Partial<SourceRecordInput & { type: 'account' }> = {},
): SourceRecordInput => ({
  type: 'account',
  app: 'Slack',
  email,
  status: 'active',
  ...extra,
});

describe.each(lanes)('sync engine on %s', (lane) => {
  let roster: TestRoster;
  let sourceSeq = 0;

  beforeAll(async () => {
    roster = await openTestRoster(lane);
  });
  afterAll(async () => {
    await roster.close();
  });

  async function newSource(): Promise<number> {
    const row = await roster.database.db
      .insertInto('sources')
      .values({ kind: 'scripted', name: `scripted ${++sourceSeq}`, config: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const sync = (sourceId: number, pages: ScriptedPage[], signal?: AbortSignal) =>
    runSync(
      { database: roster.database, secrets: roster.secrets, findKind: findKindWithScripted },
      sourceId,
      {
        trigger: 'test',
        input: pages,
        signal,
      },
    );

  const accountsOf = (sourceId: number) =>
    roster.database.db
      .selectFrom('account_observations as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['u.email', 'a.status', 'a.removed_at', 'a.name', 'a.last_seen_at'])
      .where('a.source_id', '=', sourceId)
      .orderBy('u.email')
      .execute();

  it('applies a complete run and counts what it added', async () => {
    const source = await newSource();
    const result = await sync(source, [
      { records: [account('A@Acme.io ', { name: 'Ann', licenseTypes: ['Pro'] }), account('b@acme.io')] },
      {
        records: [
          { type: 'license_type', app: 'Slack', name: 'Pro', purchased: 10 },
          account('c@acme.io', { lastUsedAt: '2026-11-01T10:00:00Z' }),
        ],
      },
    ]);
    expect(result.status).toBe('succeeded');
    expect(result.counters).toEqual({ added: 3, updated: 0, removed: 0, unchanged: 0, rejected: 0 });
    const rows = await accountsOf(source);
    expect(rows.map((r) => r.email)).toEqual(['a@acme.io', 'b@acme.io', 'c@acme.io']);
    const run = await roster.database.db
      .selectFrom('sync_runs')
      .selectAll()
      .where('id', '=', result.runId)
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({ status: 'succeeded', added: 3, pages: 2, records: 4 });
  });

  it('changes nothing, not even row versions, when the same data is synced again', async () => {
    const source = await newSource();
    const pages = [
      {
        records: [
          account('x@acme.io', { name: 'X', licenseTypes: ['Pro'], lastUsedAt: '2026-10-01T00:00:00Z' }),
          account('y@acme.io'),
        ],
      },
    ];
    await sync(source, pages);
    const before = await snapshotTables(roster, { withRowVersions: true });
    const again = await sync(source, pages);
    expect(again.counters).toEqual({ added: 0, updated: 0, removed: 0, unchanged: 2, rejected: 0 });
    expect(await snapshotTables(roster, { withRowVersions: true })).toEqual(before);
  });

  it('marks accounts a complete run no longer sees as removed, never deletes them, and restores them', async () => {
    const source = await newSource();
    await sync(source, [
      { records: [account('p@acme.io'), account('q@acme.io', { licenseTypes: ['Pro'] })] },
    ]);
    const dropped = await sync(source, [{ records: [account('p@acme.io')] }]);
    expect(dropped.counters).toMatchObject({ removed: 1, unchanged: 1 });
    let rows = await accountsOf(source);
    expect(rows).toHaveLength(2);
    const q = rows.find((r) => r.email === 'q@acme.io')!;
    expect(q.status).toBe('deleted');
    expect(q.removed_at).toBeInstanceOf(Date);
    expect(q.last_seen_at).toBeInstanceOf(Date);
    const licenses = await roster.database.db
      .selectFrom('account_licenses')
      .selectAll()
      .where('removed_at', 'is not', null)
      .execute();
    expect(licenses.length).toBeGreaterThan(0);

    const back = await sync(source, [
      { records: [account('p@acme.io'), account('q@acme.io', { licenseTypes: ['Pro'] })] },
    ]);
    expect(back.counters).toMatchObject({ updated: 1, removed: 0 });
    rows = await accountsOf(source);
    expect(rows.find((r) => r.email === 'q@acme.io')).toMatchObject({
      status: 'active',
      removed_at: null,
      last_seen_at: null,
    });
  });

  it('changes nothing when the source fails halfway, and says the source needs attention', async () => {
    const source = await newSource();
    await sync(source, [{ records: [account('m@acme.io'), account('n@acme.io')] }]);
    const before = await snapshotTables(roster, { withRowVersions: true });
    const result = await sync(source, [
      { records: [account('m@acme.io', { name: 'Changed' })] },
      { fail: new ConnectorError('transient', 'HTTP 503 from the provider') },
    ]);
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('transient');
    expect(await snapshotTables(roster, { withRowVersions: true })).toEqual(before);
    const row = await roster.database.db
      .selectFrom('sources')
      .selectAll()
      .where('id', '=', source)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      last_run_status: 'failed',
      last_error_message: 'HTTP 503 from the provider',
    });
    const staged = await roster.database.db
      .selectFrom('staged_accounts' as never)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number((staged as { n: number }).n)).toBe(0);
  });

  it('rejects the whole run when any record is invalid, naming each place', async () => {
    const source = await newSource();
    await sync(source, [{ records: [account('keep@acme.io')] }]);
    const before = await snapshotTables(roster, { withRowVersions: true });
    const result = await sync(source, [
      {
        records: [
          account('new@acme.io'),
          { ...account('not-an-email'), ref: 7 },
          { ...account('ok@acme.io', { lastUsedAt: 'yesterday' }), ref: 9 },
        ],
      },
    ]);
    expect(result.status).toBe('failed');
    expect(result.counters.rejected).toBe(2);
    expect(result.error?.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 7, field: 'email' }),
        expect.objectContaining({ row: 9, field: 'lastUsedAt' }),
      ]),
    );
    expect(await snapshotTables(roster, { withRowVersions: true })).toEqual(before);
  });

  it('refuses an expense line from a source that does not take them, naming its row, and applies nothing', async () => {
    const source = await newSource();
    const line = {
      type: 'expense' as const,
      id: 'TX-1',
      date: '2026-01-05',
      amount: '12.50',
      currency: 'USD',
      vendor: 'Slack',
      ref: 4,
    };
    const result = await sync(source, [{ records: [account('new@acme.io'), line] }]);
    expect(result.status).toBe('failed');
    expect(result.counters.rejected).toBe(1);
    expect(result.error?.details).toEqual([
      { row: 4, field: 'type', message: expect.stringContaining('does not take expense lines') },
    ]);
    expect(await accountsOf(source)).toEqual([]);
  });

  it('rejects a run that lists the same user twice in one app', async () => {
    const source = await newSource();
    const result = await sync(source, [
      {
        records: [
          { ...account('d@acme.io'), ref: 2 },
          { ...account('D@acme.io'), ref: 5 },
        ],
      },
    ]);
    expect(result.status).toBe('failed');
    expect(result.error?.details[0]).toMatchObject({ row: 5, field: 'email' });
    expect(result.error?.details[0]?.message).toContain('rows 2, 5');
    expect(await accountsOf(source)).toEqual([]);
  });

  it('changes nothing when a run is cancelled', async () => {
    const source = await newSource();
    await sync(source, [{ records: [account('k@acme.io')] }]);
    const before = await snapshotTables(roster, { withRowVersions: true });
    const controller = new AbortController();
    const pages: ScriptedPage[] = [{ records: [account('l@acme.io')] }, { records: [account('o@acme.io')] }];
    const pending = sync(source, pages, controller.signal);
    controller.abort();
    const result = await pending;
    expect(result.status).toBe('cancelled');
    expect(await snapshotTables(roster, { withRowVersions: true })).toEqual(before);
    const row = await roster.database.db
      .selectFrom('sources')
      .selectAll()
      .where('id', '=', source)
      .executeTakeFirstOrThrow();
    expect(row.last_run_status).toBe('cancelled');
  });

  it('refuses a second run of a source while one is running', async () => {
    const source = await newSource();
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const slowKind = {
      ...findKindWithScripted('scripted')!,
      async *fetch() {
        await gate;
        yield { records: [account('slow@acme.io')] };
      },
    };
    const deps = { database: roster.database, secrets: roster.secrets, findKind: () => slowKind };
    const first = runSync(deps, source, { trigger: 'test' });
    await new Promise((r) => setTimeout(r, 50));
    await expect(runSync(deps, source, { trigger: 'test' })).rejects.toMatchObject({ code: 'conflict' });
    release();
    expect((await first).status).toBe('succeeded');
  });

  it('links apps to the catalog by name or domain, and feeds one app from names that share an entry', async () => {
    const source = await newSource();
    const result = await sync(source, [
      {
        records: [
          { type: 'app', name: 'Notion Labs Workspace', domain: 'notion.so' },
          account('n1@acme.io', { app: 'Notion Labs Workspace' }),
          account('n2@acme.io', { app: 'notion' }),
          account('i1@acme.io', { app: 'Acme Time Tracker' }),
        ],
      },
    ]);
    expect(result.status).toBe('succeeded');
    const apps = await roster.database.db
      .selectFrom('apps as a')
      .innerJoin('account_observations as ac', 'ac.app_id', 'a.id')
      .select(['a.name', 'a.catalog_id'])
      .select((eb) => eb.fn.count<number>('ac.account_id').as('accounts'))
      .where('ac.source_id', '=', source)
      .groupBy(['a.name', 'a.catalog_id'])
      .orderBy('a.name')
      .execute();
    expect(apps).toEqual([
      { name: 'Acme Time Tracker', catalog_id: null, accounts: 1 },
      { name: 'Notion', catalog_id: 'notion', accounts: 2 },
    ]);
    // A later source naming the app by another of its catalog's names feeds the same app.
    const other = await newSource();
    await sync(other, [
      {
        records: [
          { type: 'app', name: 'Notion (EU)', domain: 'notion.so' },
          account('n3@acme.io', { app: 'Notion (EU)' }),
        ],
      },
    ]);
    const notion = await roster.database.db
      .selectFrom('apps')
      .select('id')
      .where('catalog_id', '=', 'notion')
      .execute();
    expect(notion).toHaveLength(1);
    const n3 = await accountsOf(other);
    expect(n3.map((a) => a.email)).toEqual(['n3@acme.io']);
  });

  it('keeps employees with their status, and marks missing ones removed', async () => {
    const source = await newSource();
    const employee = (email: string, status: 'active' | 'terminated'): SourceRecordInput => ({
      type: 'employee',
      email,
      status,
      name: email,
    });
    const first = await sync(source, [
      { records: [employee('e1@acme.io', 'active'), employee('e2@acme.io', 'active')] },
    ]);
    expect(first.counters.added).toBe(2);
    const second = await sync(source, [{ records: [employee('e1@acme.io', 'terminated')] }]);
    expect(second.counters).toMatchObject({ updated: 1, removed: 1 });
    const rows = await roster.database.db
      .selectFrom('employees')
      .selectAll()
      .where('source_id', '=', source)
      .orderBy('email')
      .execute();
    expect(rows.map((r) => [r.email, r.status, r.removed_at !== null])).toEqual([
      ['e1@acme.io', 'terminated', false],
      ['e2@acme.io', 'active', true],
    ]);
  });

  it('after any sequence of runs, present accounts equal the last applied snapshot and none is deleted', async () => {
    const emails = fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `u${i}@acme.io`));
    const snapshot = fc.uniqueArray(emails, { maxLength: 12 });
    const step = fc.record({ emails: snapshot, fails: fc.boolean(), licensed: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        const source = await newSource();
        let expected: string[] = [];
        let appliedOnce = false;
        const everSeen = new Set<string>();
        for (const s of steps) {
          const records = s.emails.map((e) => account(e, { licenseTypes: s.licensed ? ['Pro'] : [] }));
          const pages: ScriptedPage[] = s.fails
            ? [{ records }, { fail: new ConnectorError('transient', 'boom') }]
            : [{ records }];
          // The default removal threshold, written out: every account, or more than 10 and more than 10%.
          const removing = expected.filter((e) => !s.emails.includes(e)).length;
          const held =
            appliedOnce &&
            removing > 0 &&
            (removing === expected.length || (removing > 10 && removing * 10 > expected.length));
          const result = await sync(source, pages);
          expect(result.status).toBe(s.fails ? 'failed' : held ? 'held' : 'succeeded');
          if (result.status === 'succeeded') {
            appliedOnce = true;
            expected = [...s.emails].sort();
            for (const e of s.emails) everSeen.add(e);
          }
          const rows = await accountsOf(source);
          expect(rows.filter((r) => r.removed_at === null).map((r) => r.email)).toEqual(expected);
          expect(rows.map((r) => r.email).sort()).toEqual([...everSeen].sort());
        }
      }),
      { numRuns: 15 },
    );
  });

  it('records an audited run in the audit log in the same transaction as its outcome', async () => {
    const source = await newSource();
    const run = (pages: ScriptedPage[]) =>
      runSync(
        { database: roster.database, secrets: roster.secrets, findKind: findKindWithScripted },
        source,
        {
          trigger: 'member:ann@acme.io',
          input: pages,
          audit: true,
        },
      );
    const ok = await run([{ records: [account('audited@acme.io')] }]);
    const failed = await run([{ fail: new ConnectorError('auth', 'HTTP 401') }]);
    const entries = await roster.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'source.sync')
      .where('target_id', '=', String(source))
      .orderBy('id')
      .execute();
    expect(
      entries.map((e) => [
        e.actor,
        (e.after as { runId: number; status: string }).runId,
        (e.after as { status: string }).status,
      ]),
    ).toEqual([
      ['member:ann@acme.io', ok.runId, 'succeeded'],
      ['member:ann@acme.io', failed.runId, 'failed'],
    ]);
  });
});
