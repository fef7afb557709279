import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deprovisioningKind } from '../../../test/support/deprovisioning-kind.js';
import { eventually } from '../../../test/support/eventually.js';
import { type ScriptedPage, scriptedKind } from '../../../test/support/fake-kinds.js';
import { account, ago, syncRecords } from '../../../test/support/records.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import type { ActionDefinition } from '../../actions/action.js';
import type { SourceKind } from '../../connectors/kit/connector.js';
import { ConnectorError } from '../../connectors/kit/connector-error.js';
import type { SourceRecordInput } from '../../connectors/kit/records.js';
import { completeOffboarding } from '../offboarding/offboarding-admin.js';
import { checkOffboardingDrift } from '../offboarding/offboarding-drift.js';
import { runOffboardingTasks } from '../offboarding/offboarding-runner.js';
import { startOffboarding } from '../offboarding/offboarding-start.js';
import { watchTransitions } from './watch-transitions.js';
import { saveWorkflow } from './workflows.service.js';

const noteSettings = z.object({ text: z.string() }).strict();
const note: ActionDefinition<typeof noteSettings> = {
  type: 'note',
  settings: noteSettings,
  preview: (s) => ({ summary: s.text, requests: [] }),
  run: async () => ({ status: 'succeeded', output: {}, requests: [] }),
};

/**
 * A scripted kind whose sync waits until the test opens the gate, so a look at transitions can happen while
 * the source is syncing.
 */
function gatedKind() {
  let open: () => void = () => {};
  let gate = Promise.resolve();
  const kind: SourceKind<unknown, unknown> = {
    ...scriptedKind,
    kind: 'gated',
    async *fetch(context) {
      await gate;
      yield* scriptedKind.fetch(context);
    },
  };
  return {
    kind,
    close: () => {
      gate = new Promise((resolve) => {
        open = resolve;
      });
    },
    open: () => open(),
  };
}

describe.each(lanes)('watched workflow triggers on %s', (lane) => {
  let roster: TestRoster;
  let hrId = 0;
  let idpId = 0;
  const gated = gatedKind();
  // A directory that deprovisions its own app, so an offboarding can complete by its automatic task.
  const directory = deprovisioningKind('directory', ['Directory']);
  const findKind = (kind: string) =>
    kind === 'gated' ? gated.kind : kind === 'directory' ? directory.kind : scriptedKind;
  const save = (doc: Record<string, unknown>) =>
    saveWorkflow(
      roster,
      'member:admin@acme.example',
      { enabled: true, actions: [{ type: 'note', text: 'x' }], ...doc },
      'create',
      { actions: [note] },
    );
  const sync = async (records: SourceRecordInput[]) => {
    const result = await syncRecords(roster, hrId, records, findKind);
    expect(result.status).toBe('succeeded');
    return result;
  };
  const syncIdp = (pages: ScriptedPage[]) =>
    syncRecords(roster, idpId, [], (kind) =>
      kind === 'gated'
        ? { ...gated.kind, fetch: (c) => gated.kind.fetch({ ...c, input: pages }) }
        : undefined,
    );
  const runsOf = async (name: string) =>
    (
      await sql<{ entity: Record<string, Record<string, unknown>>; trigger: Record<string, unknown> }>`
        select r.entity, r.trigger from workflow_runs r join workflows w on w.id = r.workflow_id
        where w.name = ${name} order by r.id`.execute(roster.database.db)
    ).rows;
  const staff = (annLastUsed: string): SourceRecordInput[] => [
    { type: 'employee', email: 'ann@acme.example', status: 'active' },
    { type: 'employee', email: 'cat@acme.example', status: 'active' },
    { type: 'employee', email: 'bob@acme.example', status: 'terminated' },
    { type: 'employee', email: 'dan@acme.example', status: 'terminated' },
    { type: 'employee', email: 'eve@acme.example', status: 'terminated' },
    account('ann@acme.example', 'Slack', { licenseTypes: ['Pro'], lastUsedAt: annLastUsed }),
    account('cat@acme.example', 'Slack', { licenseTypes: ['Pro'], lastUsedAt: ago(1) }),
    account('bob@acme.example', 'Slack', { licenseTypes: ['Pro'], lastUsedAt: ago(1) }),
    account('dan@acme.example', 'Slack'),
    account('eve@acme.example', 'Slack'),
  ];

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    const source = async (kind: string, name: string) =>
      (
        await roster.database.db
          .insertInto('sources')
          .values({ kind, name, config: '{}' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    hrId = await source('scripted', 'HR');
    idpId = await source('gated', 'Okta');
    await sync(staff(ago(1)));
    expect((await syncIdp([{ records: [] }])).status).toBe('succeeded');
  });
  afterAll(() => roster.close());

  it('fires license.became_inactive once per license with its reason, not for what was inactive before, and only where the conditions hold', async () => {
    await save({ name: 'idle licenses', trigger: { type: 'license.became_inactive' } });
    await save({
      name: 'idle licenses of leavers',
      trigger: { type: 'license.became_inactive', reasons: ['past_user'] },
    });
    await save({
      name: "cat's idle licenses",
      trigger: { type: 'license.became_inactive' },
      conditions: { all: [{ field: 'person.email', op: 'equals', value: 'cat@acme.example' }] },
    });
    await watchTransitions(roster); // the first look records Bob's license (a past employee's) as it is
    await sync(staff(ago(200)));
    await watchTransitions(roster);
    await sync(staff(ago(200)));
    await watchTransitions(roster);
    const runs = await runsOf('idle licenses');
    expect(runs.map((r) => [r.entity.person?.email, r.entity.app?.name, r.entity.license?.type])).toEqual([
      ['ann@acme.example', 'Slack', 'Pro'],
    ]);
    expect(runs[0]?.trigger).toEqual({ type: 'license.became_inactive', reason: 'no_usage_in_threshold' });
    expect(runs[0]?.entity.license?.state).toBe('inactive');
    expect(await runsOf('idle licenses of leavers')).toEqual([]);
    expect(await runsOf("cat's idle licenses")).toEqual([]);
  });

  it('fires source.needs_attention when a sync fails on its credentials, not again while it stays failing or syncs, and again after it recovered', async () => {
    await save({ name: 'broken sources', trigger: { type: 'source.needs_attention' } });
    await watchTransitions(roster);
    const refused = () => syncIdp([{ fail: new ConnectorError('auth', 'The API token was refused') }]);
    expect((await refused()).status).toBe('failed');
    await watchTransitions(roster);
    await watchTransitions(roster);
    const first = await runsOf('broken sources');
    expect(first.map((r) => [r.entity.source?.name, r.trigger])).toEqual([
      [
        'Okta',
        { type: 'source.needs_attention', reason: 'credentials', message: 'The API token was refused' },
      ],
    ]);

    // A sync of the failing source is under way when Roster looks: it has not recovered.
    gated.close();
    const retried = refused();
    await eventually(
      async () =>
        (
          await roster.database.db
            .selectFrom('sources')
            .select('last_run_status')
            .where('id', '=', idpId)
            .executeTakeFirstOrThrow()
        ).last_run_status,
      (status) => status === 'running',
      { what: 'the sync of Okta to be running' },
    );
    await watchTransitions(roster);
    gated.open();
    expect((await retried).status).toBe('failed');
    await watchTransitions(roster);
    expect(await runsOf('broken sources')).toHaveLength(1);

    expect((await syncIdp([{ records: [] }])).status).toBe('succeeded');
    await watchTransitions(roster);
    expect((await refused()).status).toBe('failed');
    await watchTransitions(roster);
    expect((await runsOf('broken sources')).map((r) => r.entity.source?.name)).toEqual(['Okta', 'Okta']);
  });

  it("fires account.active_after_offboarding once for an account a sync sees active after its person's offboarding completed", async () => {
    await save({ name: 'came back', trigger: { type: 'account.active_after_offboarding' } });
    await watchTransitions(roster);
    const started = await startOffboarding(roster, 'member:admin@acme.example', {
      email: 'bob@acme.example',
    });
    if (started.dryRun) throw new Error('not a dry run');
    await completeOffboarding(
      roster,
      'member:it@acme.example',
      'bob@acme.example',
      new Date(Date.now() - 60_000),
    );
    for (let i = 0; i < 2; i += 1) {
      const run = await sync(staff(ago(200)));
      const { started_at } = await roster.database.db
        .selectFrom('sync_runs')
        .select('started_at')
        .where('id', '=', run.runId)
        .executeTakeFirstOrThrow();
      await checkOffboardingDrift(roster.database.db, hrId, new Date(started_at));
      await watchTransitions(roster);
    }
    const runs = await runsOf('came back');
    expect(runs.map((r) => [r.entity.account?.email, r.entity.app?.name, r.entity.person?.email])).toEqual([
      ['bob@acme.example', 'Slack', 'bob@acme.example'],
    ]);
    expect(runs[0]?.trigger).toEqual({
      type: 'account.active_after_offboarding',
      offboarding_id: started.id,
      source: 'HR',
    });
  });

  it('fires offboarding.completed in the transaction that completes it, once, and only where the conditions hold', async () => {
    await save({ name: 'offboarded', trigger: { type: 'offboarding.completed' } });
    await save({
      name: 'offboarded, but not dan',
      trigger: { type: 'offboarding.completed' },
      conditions: { all: [{ field: 'person.email', op: 'not_equals', value: 'dan@acme.example' }] },
    });
    const started = await startOffboarding(roster, 'member:admin@acme.example', {
      email: 'dan@acme.example',
    });
    if (started.dryRun) throw new Error('not a dry run');
    expect(await runsOf('offboarded')).toEqual([]);
    await completeOffboarding(roster, 'member:it@acme.example', 'dan@acme.example');
    await expect(
      completeOffboarding(roster, 'member:it@acme.example', 'dan@acme.example'),
    ).rejects.toMatchObject({ code: 'conflict' });
    const runs = await runsOf('offboarded');
    expect(runs.map((r) => [r.entity.person?.email, r.trigger])).toEqual([
      ['dan@acme.example', { type: 'offboarding.completed', offboarding_id: started.id, how: 'manual' }],
    ]);
    expect(await runsOf('offboarded, but not dan')).toEqual([]);

    // Completed by its last automatic task: the same trigger, saying how.
    const directoryId = (
      await roster.database.db
        .insertInto('sources')
        .values({ kind: 'directory', name: 'Directory', config: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await syncRecords(
      roster,
      directoryId,
      [
        { type: 'employee', email: 'fay@acme.example', status: 'terminated' },
        account('fay@acme.example', 'Directory', { externalId: 'u-fay' }),
      ],
      findKind,
    );
    const automatic = await startOffboarding(
      roster,
      'member:admin@acme.example',
      { email: 'fay@acme.example' },
      { findKind },
    );
    if (automatic.dryRun) throw new Error('not a dry run');
    await runOffboardingTasks(roster, automatic.id, { findKind });
    expect((await runsOf('offboarded')).map((r) => [r.entity.person?.email, r.trigger])).toEqual([
      ['dan@acme.example', { type: 'offboarding.completed', offboarding_id: started.id, how: 'manual' }],
      ['fay@acme.example', { type: 'offboarding.completed', offboarding_id: automatic.id, how: 'automatic' }],
    ]);
  });
});
