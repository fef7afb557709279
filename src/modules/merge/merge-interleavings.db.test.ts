import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKindWithScripted, scriptedKind } from '../../../test/support/fake-kinds.js';
import { account, syncRecords } from '../../../test/support/records.js';
import { insertSource } from '../../../test/support/sources.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import type { SourceRecordInput } from '../../connectors/kit/records.js';
import { updateSettings } from '../settings/settings.service.js';
import {
  commitMergeApply,
  commitMergeRefresh,
  configureMerge,
  type MergePlan,
  planMergeApply,
  planMergeRefresh,
  revokeMerge,
} from './merge.service.js';

const alias = (primaryEmail: string, field: string, value: string): SourceRecordInput => ({
  type: 'alias',
  primaryEmail,
  field,
  value,
});

/** Two configurations that merge different emails, so a stale writer would leave visible traces. */
const configurations = {
  narrow: ['otherMails'],
  wide: ['otherMails', 'proxyAddresses'],
} as const;

type Step =
  | { op: 'plan-refresh' }
  | { op: 'plan-apply' }
  | { op: 'commit'; pick: number }
  | { op: 'revoke' }
  | { op: 'configure'; to: keyof typeof configurations };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant({ op: 'plan-refresh' as const }),
  fc.constant({ op: 'plan-apply' as const }),
  fc.record({ op: fc.constant('commit' as const), pick: fc.nat() }),
  fc.constant({ op: 'revoke' as const }),
  fc.record({
    op: fc.constant('configure' as const),
    to: fc.constantFrom('narrow' as const, 'wide' as const),
  }),
);

describe.each(lanes)('Merge Users under interleaved syncs, applies and revokes on %s', (lane) => {
  let roster: TestRoster;

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    await updateSettings(roster, 'test', { domains: ['acme.io'] });
    const idp = await insertSource(roster, 'Entra ID', 'microsoft-entra');
    const apps = await insertSource(roster, 'App feeds');
    const findKind = (k: string) => (k === 'microsoft-entra' ? scriptedKind : findKindWithScripted(k));
    await syncRecords(
      roster,
      idp,
      [
        { type: 'employee', email: 'ann@acme.io', status: 'active', name: 'Ann' },
        { type: 'employee', email: 'bob@acme.io', status: 'active', name: 'Bob' },
        alias('ann@acme.io', 'proxyAddresses', 'smtp:asmith@acme.io'),
        alias('bob@acme.io', 'otherMails', 'bobby@acme.io'),
      ],
      findKind,
    );
    await syncRecords(roster, apps, [
      account('asmith@acme.io', 'Jira'),
      account('bobby@acme.io', 'Slack'),
      account('ann@acme.io', 'Slack'),
    ]);
  });
  afterAll(async () => {
    await roster.close();
  });

  const links = async () =>
    (
      await sql<{ link: string }>`select a.email || ' ' || p.email as link from person_links l
        join users a on a.id = l.user_id join users p on p.id = l.primary_user_id order by 1`.execute(
        roster.database.db,
      )
    ).rows.map((r) => r.link);

  /** What the merge in force must be: nothing when off, else exactly the applied configuration's merges. */
  const expectConsistent = async () => {
    const settings = await roster.database.db
      .selectFrom('merge_settings')
      .selectAll()
      .executeTakeFirstOrThrow();
    const fresh = await planMergeRefresh(roster);
    const expected = fresh
      ? fresh.computation.merges.flatMap((m) => m.aliases.map((a) => `${a.email} ${m.primary}`)).sort()
      : [];
    expect({ enabled: settings.enabled, links: await links() }).toEqual({
      enabled: settings.enabled,
      links: expected,
    });
  };

  it('never leaves links that the merge settings in force do not call for', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 8 }), async (steps) => {
        await configureMerge(roster, 'test', [{ source: 'Entra ID', fields: [...configurations.narrow] }]);
        await revokeMerge(roster, 'test').catch(() => {});
        const pending: { kind: 'refresh' | 'apply'; plan: MergePlan }[] = [];
        const commit = async (index: number) => {
          const [planned] = pending.splice(index, 1);
          if (!planned) return;
          if (planned.kind === 'refresh') await commitMergeRefresh(roster, planned.plan);
          else await commitMergeApply(roster, 'test', planned.plan);
        };
        for (const s of steps) {
          if (s.op === 'plan-refresh') {
            const plan = await planMergeRefresh(roster);
            if (plan) pending.push({ kind: 'refresh', plan });
          } else if (s.op === 'plan-apply')
            pending.push({ kind: 'apply', plan: await planMergeApply(roster) });
          else if (s.op === 'commit') await commit(pending.length ? s.pick % pending.length : 0);
          else if (s.op === 'revoke') await revokeMerge(roster, 'test').catch(() => {});
          else
            await configureMerge(roster, 'test', [{ source: 'Entra ID', fields: [...configurations[s.to]] }]);
          await expectConsistent();
        }
        while (pending.length) {
          await commit(0);
          await expectConsistent();
        }
      }),
      {
        numRuns: 25,
        examples: [
          // a sync's refresh computed before a revoke, written after it
          [
            [
              { op: 'plan-apply' },
              { op: 'commit', pick: 0 },
              { op: 'plan-refresh' },
              { op: 'revoke' },
              { op: 'commit', pick: 0 },
            ],
          ],
          // a refresh computed under the narrow configuration, written after the wide one was applied
          [
            [
              { op: 'plan-apply' },
              { op: 'commit', pick: 0 },
              { op: 'plan-refresh' },
              { op: 'configure', to: 'wide' },
              { op: 'plan-apply' },
              { op: 'commit', pick: 1 },
              { op: 'commit', pick: 0 },
            ],
          ],
          // an apply computed before a new configuration, written after it
          [[{ op: 'plan-apply' }, { op: 'configure', to: 'wide' }, { op: 'commit', pick: 0 }]],
        ],
      },
    );
  });
});
