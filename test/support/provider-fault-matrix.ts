import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealedContexts } from '../../src/lib/secret-box.js';
import { discardHeldRemovals } from '../../src/modules/sources/held-runs.service.js';
import { addSource, getSource, syncSource } from '../../src/modules/sources/sources.service.js';
import { generateDirectory } from '../../src/simulators/kit/directory.js';
import type { FaultOptions } from '../../src/simulators/kit/faults.js';
import type { RunningProvider, StartProvider } from '../../src/simulators/kit/simulated-provider.js';
import { lanes, openTestRoster, type TestRoster } from './test-roster.js';

export interface FaultMatrixOptions {
  /** The page a page fault hits: 2 for paged listings, 1 for providers that answer in one response. */
  faultPage?: number;
  /** Whether the provider pages with links or tokens (a repeated link is then a fault to catch). */
  paged?: boolean;
  /**
   * Also sync a large organisation (run for one provider): many pages, and far more rows than one
   * statement may bind parameters for. `npm run bench -- sync` measures the 50,000-person one.
   */
  largeOrganisation?: boolean;
}

/**
 * Fast retries: the faults are about behaviour, not waiting. The timeout leaves room for a busy machine:
 * the simulator shares its thread with the embedded database, so an answer can wait while a page is staged.
 */
const http = { timeoutMs: 5000, maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 20 };
const maxAnswerBytes = 16 * 1024 * 1024;

/**
 * The fault matrix every provider connector must pass, through the real sync engine and database: for each
 * fault the run ends completed or failed with a clear reason, nothing is removed or counted twice, and a
 * retry once the fault is gone succeeds with the same data. A listing that succeeds but is empty or far
 * shorter than last time is held for confirmation, removing nothing.
 */
export function describeProviderFaultMatrix(
  title: string,
  start: StartProvider,
  options: FaultMatrixOptions = {},
) {
  const faultPage = options.faultPage ?? 2;
  const paged = options.paged ?? true;

  describe.each(lanes)(`${title} fault matrix on %s`, (lane) => {
    let roster: TestRoster;
    let provider: RunningProvider;
    let baseline: Awaited<ReturnType<typeof state>>;
    const now = new Date();

    const state = async () => {
      const { rows } = await sql<{
        accounts: number;
        removed: number;
        employees: number;
        employeesRemoved: number;
        aliases: number;
        licenses: number;
      }>`with src as (select id from sources where name = ${title})
         select (select count(*)::int from account_observations where source_id in (table src) and removed_at is null) as accounts,
                (select count(*)::int from account_observations where source_id in (table src) and removed_at is not null) as removed,
                (select count(*)::int from employees where source_id in (table src) and removed_at is null) as employees,
                (select count(*)::int from employees where source_id in (table src) and removed_at is not null)
                  as "employeesRemoved",
                (select count(*)::int from identity_aliases where source_id in (table src) and removed_at is null)
                  as aliases,
                (select count(*)::int from account_licenses al join license_types lt on lt.id = al.license_type_id
                 where lt.source_id in (table src) and al.removed_at is null) as licenses`.execute(
        roster.database.db,
      );
      return rows[0]!;
    };
    const sync = () => syncSource(roster, 'test', title);
    const withFault = async (faults: FaultOptions) => {
      provider.faults.set(faults);
      try {
        return await sync();
      } finally {
        provider.faults.set({});
      }
    };

    beforeAll(async () => {
      // A cap well above any page here (the large organisation's included), well below the endless answer.
      roster = await openTestRoster(lane, { ROSTER_OUTBOUND_MAX_BYTES: String(maxAnswerBytes) });
      // 45 people on pages of 10: five pages, so page faults land in the middle of a listing.
      const directory = generateDirectory({ people: 45, aliasesPerPerson: 2, now });
      provider = await start({ directory, pageSize: 10, retryAfterSeconds: 0 });
      await addSource(roster, 'test', {
        kind: provider.kind,
        name: title,
        config: { ...provider.source.config, http },
        credentials: provider.source.credentials,
        schedule: null,
      });
      const first = await sync();
      expect(first.error).toBeNull();
      baseline = await state();
    });
    afterAll(async () => {
      await provider?.close();
      await roster?.close();
    });

    it('reads the whole organisation on a clean run', () => {
      expect(baseline.accounts + baseline.employees).toBeGreaterThan(0);
      expect(baseline.removed).toBe(0);
    });

    const recovered: [string, FaultOptions][] = [
      ['throttled on every page', { throttleEvery: 1 }],
      ['a server error, then success', { failPages: [faultPage] }],
      ['a page that does not answer in time', { timeoutPages: [faultPage] }],
      ['a truncated JSON page', { truncatePages: [faultPage] }],
      // Bytes keep arriving, so only a deadline over the whole answer (not an idle timeout) ends the request.
      ['a page that trickles in slower than the timeout', { dripPages: [faultPage] }],
      ['a user listed on two pages', { repeatUserAcrossPages: true }],
    ];
    // A deadline is the connector's, whatever the database: the rows that wait one out run on one lane.
    const waitsOutDeadline = (faults: FaultOptions) => Boolean(faults.timeoutPages || faults.dripPages);
    const recoveredHere = lane === 'pglite' ? recovered : recovered.filter(([, f]) => !waitsOutDeadline(f));
    it.each(recoveredHere)('completes when %s, counting everything once', async (_, faults) => {
      const result = await withFault(faults);
      expect(result.error).toBeNull();
      expect(result.status).toBe('succeeded');
      expect(await state()).toEqual(baseline);
    });

    const failing: [string, FaultOptions, string][] = [
      ['a page that keeps failing', { failPages: [faultPage], faultTimes: 99 }, 'transient'],
      // An answer without end: the cap is a setting, so the run fails at once instead of retrying.
      ['a page larger than the answer cap', { hugePages: [faultPage] }, 'invalid_data'],
      // A provider that answers in one response can only lose its token before that response.
      ['the token revoked mid-run', { revokeTokenAfterCalls: paged ? 1 : 0 }, 'auth'],
      ...(paged
        ? ([['a page link that loops', { repeatPageLink: faultPage }, 'invalid_data']] as [
            string,
            FaultOptions,
            string,
          ][])
        : []),
    ];
    it.each(failing)(
      'fails with a clear reason on %s, removes nothing, and a retry succeeds',
      async (_, faults, code) => {
        const result = await withFault(faults);
        expect(result.status).toBe('failed');
        expect(result.error?.code).toBe(code);
        expect(result.error?.message.length).toBeGreaterThan(10);
        if (faults.hugePages)
          expect(result.error?.message).toContain(`answer larger than ${maxAnswerBytes} bytes`);
        expect(await state()).toEqual(baseline);
        if (code === 'auth') expect((await getSource(roster, title)).health.status).toBe('needs_attention');
        const retry = await sync();
        expect(retry.error).toBeNull();
        expect(await state()).toEqual(baseline);
      },
    );

    /**
     * Points the source at another simulated organisation for one sync, as if the provider answered with
     * that listing (successfully), then points it back.
     */
    const syncListing = async (people: number) => {
      const other = await start({ directory: generateDirectory({ people, now }), pageSize: 10 });
      const { db } = roster.database;
      const row = await db
        .selectFrom('sources')
        .select(['id', 'config', 'credentials_encrypted'])
        .where('name', '=', title)
        .executeTakeFirstOrThrow();
      try {
        await db
          .updateTable('sources')
          .set({
            config: JSON.stringify({ ...other.source.config, http }),
            credentials_encrypted: other.source.credentials
              ? roster.secrets.seal(
                  JSON.stringify(other.source.credentials),
                  sealedContexts.sourceCredentials(row.id),
                )
              : null,
          })
          .where('id', '=', row.id)
          .execute();
        return await sync();
      } finally {
        await db
          .updateTable('sources')
          .set({ config: JSON.stringify(row.config), credentials_encrypted: row.credentials_encrypted })
          .where('id', '=', row.id)
          .execute();
        await other.close();
      }
    };

    const emptied: [string, number][] = [
      ['a successful empty listing', 0],
      ['a short listing (far fewer users than last time)', 5],
    ];
    it.each(emptied)('holds %s for confirmation and removes nothing', async (_, people) => {
      const result = await syncListing(people);
      expect(result.status).toBe('held');
      expect(result.held?.removals).toBeGreaterThan(10);
      expect(await state()).toEqual(baseline);
      expect((await getSource(roster, title)).health.reason).toBe('removals_held');
      await discardHeldRemovals(roster, 'test', title);
      expect((await getSource(roster, title)).health.status).toBe('ok');
    });

    // Registered only where asked for, so the suite shows no skipped test.
    if (options.largeOrganisation && lane === 'pglite')
      it('syncs an organisation of 20,000 people, each once, and a second sync changes nothing', async () => {
        // 60,000 aliases: past what one statement may bind (65,535 parameters) at two columns a row.
        const people = 20_000;
        const large = await start({ directory: generateDirectory({ people, aliasesPerPerson: 3, now }) });
        const name = `${title} (large)`;
        try {
          await addSource(roster, 'test', {
            kind: large.kind,
            name,
            config: { ...large.source.config, http: { ...http, timeoutMs: 30_000 } },
            credentials: large.source.credentials,
            schedule: null,
          });
          const first = await syncSource(roster, 'test', name);
          expect(first.error).toBeNull();
          const { rows } = await sql<{ users: number; duplicates: number }>`
            select count(distinct ac.user_id)::int as users,
                   (count(*) - count(distinct (ac.app_id, ac.user_id)))::int as duplicates
            from account_observations ac join sources s on s.id = ac.source_id where s.name = ${name}`.execute(
            roster.database.db,
          );
          expect(rows[0]!.duplicates).toBe(0);
          // Most people hold an account; a provider may add a few of its own (Entra's B2B guests).
          expect(rows[0]!.users).toBeGreaterThanOrEqual(people * 0.9);
          expect(rows[0]!.users).toBeLessThanOrEqual(people * 1.1);
          const again = await syncSource(roster, 'test', name);
          expect(again.error).toBeNull();
          expect(again.counters).toMatchObject({ added: 0, updated: 0, removed: 0 });
        } finally {
          await large.close();
        }
      }, 600_000);

    it('syncs an empty organisation as empty, without failing', async () => {
      const empty = await start({ directory: generateDirectory({ people: 0, now }), pageSize: 10 });
      try {
        await addSource(roster, 'test', {
          kind: empty.kind,
          name: `${title} (empty)`,
          config: { ...empty.source.config, http },
          credentials: empty.source.credentials,
          schedule: null,
        });
        const result = await syncSource(roster, 'test', `${title} (empty)`);
        expect(result.error).toBeNull();
        expect(result.counters.added).toBe(0);
        expect(await state()).toEqual(baseline);
      } finally {
        await empty.close();
      }
    });
  });
}
