import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKindWithScripted, type ScriptedPage } from '../../test/support/fake-kinds.js';
import { snapshotTables } from '../../test/support/snapshot.js';
import { lanes, openTestRoster, type TestRoster } from '../../test/support/test-roster.js';
import type { SourceRecordInput } from '../connectors/kit/records.js';
import { importCsv } from '../modules/imports/imports.service.js';
import { confirmHeldRemovals, discardHeldRemovals } from '../modules/sources/held-runs.service.js';
import { getSource, listSources } from '../modules/sources/sources.service.js';
import { runSync } from './engine.js';
import { confirmHeldRun, discardHeldRun } from './held-runs.js';
import { failStoppedRuns } from './run-lease.js';

const header = 'email,name,status,role,license_types,last_used_at';
const emails = (n: number, prefix = 'u') => Array.from({ length: n }, (_, i) => `${prefix}${i}@acme.io`);
const csv = (list: string[]) =>
  Buffer.from([header, ...list.map((e) => `${e},${e},active,,Pro,`)].join('\n'));
const account = (email: string, name = email): SourceRecordInput => ({
  type: 'account',
  app: 'Slack',
  email,
  name,
  status: 'active',
  licenseTypes: ['Pro'],
});
const employee = (email: string): SourceRecordInput => ({
  type: 'employee',
  email,
  name: email,
  status: 'active',
});

describe.each(lanes)('accidental-removal protection on %s', (lane) => {
  let roster: TestRoster;
  let sourceSeq = 0;

  beforeAll(async () => {
    roster = await openTestRoster(lane);
  });
  afterAll(async () => {
    await roster.close();
  });

  const deps = () => ({ database: roster.database, secrets: roster.secrets, findKind: findKindWithScripted });

  async function newSource(removalThreshold: unknown = null): Promise<number> {
    const row = await roster.database.db
      .insertInto('sources')
      .values({
        kind: 'scripted',
        name: `scripted ${++sourceSeq}`,
        config: '{}',
        removal_threshold: removalThreshold === null ? null : JSON.stringify(removalThreshold),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  const sync = (sourceId: number, records: SourceRecordInput[]) =>
    runSync(deps(), sourceId, { trigger: 'test', input: [{ records }] satisfies ScriptedPage[] });

  const presentOf = async (sourceId: number) =>
    (
      await roster.database.db
        .selectFrom('account_observations as o')
        .innerJoin('users as u', 'u.id', 'o.user_id')
        .select(['u.email', 'o.name'])
        .where('o.source_id', '=', sourceId)
        .where('o.removed_at', 'is', null)
        .orderBy('u.email')
        .execute()
    ).map((r) => `${r.email}:${r.name}`);

  const stagedRows = async (runId: number) => {
    const { rows } = await sql<{ n: number }>`
      select (select count(*) from staged_accounts where run_id = ${runId})
           + (select count(*) from staged_employees where run_id = ${runId})
           + (select count(*) from staged_raw_records where run_id = ${runId}) as n`.execute(
      roster.database.db,
    );
    return Number(rows[0]!.n);
  };

  it('holds a header-only CSV for an app with more than 10 accounts, reports the counts and changes nothing', async () => {
    const first = await importCsv(roster, 'test', { app: 'Miro', content: csv(emails(25)) });
    expect(first.status).toBe('succeeded');
    const before = await snapshotTables(roster, { withRowVersions: true });

    const result = await importCsv(roster, 'test', { app: 'Miro', content: Buffer.from(`${header}\n`) });

    expect(result.status).toBe('held');
    expect(result.error).toBeNull();
    expect(result.held).toMatchObject({ removals: 25, accounts: 25, employees: 0, of: 25 });
    expect(result.counters.removed).toBe(25);
    expect(await snapshotTables(roster, { withRowVersions: true })).toEqual(before);
    const run = await roster.database.db
      .selectFrom('sync_runs')
      .selectAll()
      .where('id', '=', result.runId)
      .executeTakeFirstOrThrow();
    expect([run.status, run.removed, run.error_code]).toEqual(['held', 25, 'removals_held']);
    const source = await getSource(roster, result.source.id);
    expect(source.health).toMatchObject({
      status: 'needs_attention',
      reason: 'removals_held',
      message: '25 removals held for confirmation',
    });
    expect(source.heldRemovals).toBe(25);
  });

  it('applies 5 removals of 500 normally', async () => {
    const source = await newSource();
    const all = emails(500);
    expect(
      (
        await sync(
          source,
          all.map((e) => account(e)),
        )
      ).status,
    ).toBe('succeeded');
    const result = await sync(
      source,
      all.slice(5).map((e) => account(e)),
    );
    expect(result.status).toBe('succeeded');
    expect(result.counters.removed).toBe(5);
    expect(await presentOf(source)).toHaveLength(495);
  });

  it('holds a run that would remove every account, even of only 3', async () => {
    const source = await newSource();
    await sync(
      source,
      emails(3).map((e) => account(e)),
    );
    const before = await snapshotTables(roster, { withRowVersions: true });
    const result = await sync(source, []);
    expect(result.status).toBe('held');
    expect(result.held).toMatchObject({ removals: 3, of: 3 });
    expect(await snapshotTables(roster, { withRowVersions: true })).toEqual(before);
  });

  it("counts the source's employees as removals too", async () => {
    const source = await newSource();
    await sync(source, emails(30, 'e').map(employee));
    const before = await snapshotTables(roster, { withRowVersions: true });
    const result = await sync(source, emails(10, 'e').map(employee));
    expect(result.status).toBe('held');
    expect(result.held).toMatchObject({ removals: 20, accounts: 0, employees: 20, of: 30 });
    expect(await snapshotTables(roster, { withRowVersions: true })).toEqual(before);
  });

  it("follows the source's own threshold: stricter holds, disabled never holds", async () => {
    const fourOfTwenty = async (threshold: unknown) => {
      const source = await newSource(threshold);
      await sync(
        source,
        emails(20).map((e) => account(e)),
      );
      return (
        await sync(
          source,
          emails(16).map((e) => account(e)),
        )
      ).status;
    };
    expect(await fourOfTwenty(null)).toBe('succeeded');
    expect(await fourOfTwenty({ percent: 10, count: 3 })).toBe('held');
    expect(await fourOfTwenty({ percent: 25, count: 3 })).toBe('succeeded');

    const disabled = await newSource({ disabled: true });
    await sync(
      disabled,
      emails(3).map((e) => account(e)),
    );
    const emptied = await sync(disabled, []);
    expect(emptied.status).toBe('succeeded');
    expect(await presentOf(disabled)).toEqual([]);
  });

  it('confirming applies exactly the held run, without fetching again', async () => {
    const source = await newSource();
    await sync(
      source,
      emails(15).map((e) => account(e)),
    );
    // The held run keeps two accounts, renamed: confirming must apply these records, not fetch anew.
    const held = await sync(source, [account('u0@acme.io', 'Ann'), account('u1@acme.io', 'Bob')]);
    expect(held.status).toBe('held');
    expect(await stagedRows(held.runId)).toBeGreaterThan(0);

    const confirmed = await confirmHeldRun(deps(), source, { trigger: 'test' });

    expect(confirmed).toMatchObject({ runId: held.runId, status: 'succeeded' });
    expect(confirmed.counters).toMatchObject({ removed: 13, updated: 2 });
    expect(await presentOf(source)).toEqual(['u0@acme.io:Ann', 'u1@acme.io:Bob']);
    expect(await stagedRows(held.runId)).toBe(0);
    const row = await roster.database.db
      .selectFrom('sources')
      .select(['last_run_status', 'held_removals'])
      .where('id', '=', source)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ last_run_status: 'succeeded', held_removals: null });
    await expect(confirmHeldRun(deps(), source, { trigger: 'test' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('discarding changes nothing but the run, and the source is healthy again', async () => {
    const first = await importCsv(roster, 'test', { app: 'Figma', content: csv(emails(12)) });
    const before = await snapshotTables(roster, { withRowVersions: true });
    const held = await importCsv(roster, 'test', { app: 'Figma', content: Buffer.from(`${header}\n`) });
    expect(held.status).toBe('held');

    const discarded = await discardHeldRemovals(roster, 'test', first.source.id);

    expect(discarded).toEqual({ runId: held.runId, sourceId: first.source.id, status: 'discarded' });
    expect(await snapshotTables(roster, { withRowVersions: true })).toEqual(before);
    expect(await stagedRows(held.runId)).toBe(0);
    const source = await getSource(roster, first.source.id);
    expect(source.health.status).toBe('ok');
    expect(source.heldRemovals).toBeNull();
    const audit = await roster.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', String(first.source.id))
      .where('action', 'like', 'source.removals.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['source.removals.discard']);
  });

  it('confirms through the service with an audit entry, and the removals apply', async () => {
    const first = await importCsv(roster, 'test', { app: 'Notion', content: csv(emails(12)) });
    const held = await importCsv(roster, 'test', { app: 'Notion', content: csv(['u0@acme.io']) });
    expect(held.status).toBe('held');
    const confirmed = await confirmHeldRemovals(roster, 'member:ann@acme.io', first.source.name);
    expect(confirmed.status).toBe('succeeded');
    expect(confirmed.counters.removed).toBe(11);
    expect(await presentOf(first.source.id)).toEqual(['u0@acme.io:u0@acme.io']);
    const audit = await roster.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('target_id', '=', String(first.source.id))
      .where('action', '=', 'source.removals.confirm')
      .execute();
    expect(audit).toEqual([{ action: 'source.removals.confirm', actor: 'member:ann@acme.io' }]);
  });

  it('a later run that applies supersedes the held run, and a new held run replaces the old one', async () => {
    const source = await newSource();
    await sync(
      source,
      emails(20).map((e) => account(e)),
    );
    const firstHold = await sync(source, []);
    const secondHold = await sync(
      source,
      emails(2).map((e) => account(e)),
    );
    expect([firstHold.status, secondHold.status]).toEqual(['held', 'held']);
    const statusOf = async (id: number) =>
      (
        await roster.database.db
          .selectFrom('sync_runs')
          .select(['status', 'error_code'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).status;
    expect(await statusOf(firstHold.runId)).toBe('discarded');
    expect(await stagedRows(firstHold.runId)).toBe(0);

    const normal = await sync(
      source,
      emails(20).map((e) => account(e)),
    );
    expect(normal.status).toBe('succeeded');
    expect(await statusOf(secondHold.runId)).toBe('discarded');
    expect(await stagedRows(secondHold.runId)).toBe(0);
    const listed = (await listSources(roster)).find((s) => s.id === source);
    expect(listed?.heldRemovals).toBeNull();
    await expect(discardHeldRun(roster.database, source, { actor: 'test' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('a held run whose staged records were lost fails on confirmation and applies nothing', async () => {
    const source = await newSource();
    await sync(
      source,
      emails(12).map((e) => account(e)),
    );
    const held = await sync(
      source,
      emails(1).map((e) => account(e)),
    );
    expect(held.status).toBe('held');
    // Staged tables are unlogged: a database server's crash empties them.
    await sql`delete from staged_accounts where run_id = ${held.runId}`.execute(roster.database.db);
    const before = await snapshotTables(roster, { withRowVersions: true });
    const result = await confirmHeldRun(deps(), source, { trigger: 'test' });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('held_data_lost');
    expect(await snapshotTables(roster, { withRowVersions: true })).toEqual(before);
  });

  it('a confirmation cut off by a stop ends the hold at the next start, having applied nothing', async () => {
    const source = await newSource();
    await sync(
      source,
      emails(12).map((e) => account(e)),
    );
    const held = await sync(source, []);
    const before = await snapshotTables(roster, { withRowVersions: true });
    // As a confirmation leaves it when its process stops mid-apply: running, its lease run out.
    const lastSign = new Date(Date.now() - 10 * 60_000);
    await roster.database.db
      .updateTable('sync_runs')
      .set({
        status: 'running',
        lease_holder: 'a stopped process',
        heartbeat_at: lastSign,
        lease_expires_at: lastSign,
      })
      .where('id', '=', held.runId)
      .execute();
    expect(await failStoppedRuns(roster.database)).toBeGreaterThanOrEqual(1);
    const row = await roster.database.db
      .selectFrom('sources')
      .select(['last_run_status', 'held_removals'])
      .where('id', '=', source)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ last_run_status: 'failed', held_removals: null });
    expect(await stagedRows(held.runId)).toBe(0);
    expect(await snapshotTables(roster, { withRowVersions: true })).toEqual(before);
  });
});
