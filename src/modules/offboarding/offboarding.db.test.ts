import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deprovisioningKind } from '../../../test/support/deprovisioning-kind.js';
import { scriptedKind } from '../../../test/support/fake-kinds.js';
import { account, syncRecords } from '../../../test/support/records.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { capabilities } from '../../connectors/kit/capabilities.js';
import type { SourceKind } from '../../connectors/kit/connector.js';
import type { SourceRecordInput } from '../../connectors/kit/records.js';
import { explain } from '../explain/explain.service.js';
import { applyMerge, configureMerge } from '../merge/merge.service.js';
import { updateSettings } from '../settings/settings.service.js';
import { completeOffboarding, markTaskDone, retryTask } from './offboarding-admin.js';
import { offboardingCandidates } from './offboarding-candidates.js';
import { checkOffboardingDrift, listDrift } from './offboarding-drift.js';
import { setOffboardingMethod } from './offboarding-method-settings.js';
import { offboardingOf } from './offboarding-read.js';
import { runOffboardingTasks } from './offboarding-runner.js';
import { startOffboarding } from './offboarding-start.js';

const employee = (email: string, status: 'active' | 'terminated', extra = {}): SourceRecordInput => ({
  type: 'employee',
  email,
  status,
  ...extra,
});
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.each(lanes)('offboarding on %s', (lane) => {
  // An identity provider that can deprovision its own app ("Directory"), apps read without deprovisioning,
  // and an HR system: the employee source of truth.
  // The directory takes Google Workspace's kind name so Merge Users reads its `emails` alias field.
  const directory = deprovisioningKind('google-workspace', ['Directory']);
  const kinds: Record<string, SourceKind<unknown, unknown>> = {
    'google-workspace': directory.kind,
    apps: { ...scriptedKind, kind: 'apps', capabilities: capabilities(['users']) },
    hr: { ...scriptedKind, kind: 'hr', capabilities: capabilities(['employees']) },
  };
  const findKind = (kind: string) => kinds[kind];
  let roster: TestRoster;
  let dirId = 0;
  let appsId = 0;
  let hrId = 0;
  const source = async (kind: string, name: string) =>
    (
      await roster.database.db
        .insertInto('sources')
        .values({ kind, name, config: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const sync = async (id: number, records: SourceRecordInput[]) => {
    const result = await syncRecords(roster, id, records, findKind);
    expect(result.status).toBe('succeeded');
    return result;
  };
  const start = (email: string, extra = {}) =>
    startOffboarding(roster, 'member:admin@acme.example', { email, ...extra }, { findKind });
  const run = async (email: string) => {
    const view = await offboardingOf(roster.database.db, email);
    await runOffboardingTasks(roster, view.id, { findKind });
    return offboardingOf(roster.database.db, email);
  };
  const directoryUsers = [
    'ann@acme.example',
    'cat@acme.example',
    'dan@acme.example',
    'eve@acme.example',
    'fay@acme.example',
    'gus@acme.example',
    'hal@acme.example',
  ];

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    await updateSettings(roster, 'test', { domains: ['acme.example'] });
    dirId = await source('google-workspace', 'Directory');
    appsId = await source('apps', 'App exports');
    hrId = await source('hr', 'HR');
    await sync(dirId, [
      ...directoryUsers.map((email, i) => account(email, 'Directory', { externalId: `u${i + 1}` })),
      { type: 'alias', primaryEmail: 'ann@acme.example', field: 'emails', value: 'ann.lee@acme.example' },
    ]);
    await sync(appsId, [
      account('ann@acme.example', 'Jira'),
      account('ann.lee@acme.example', 'Atlassian'),
      account('ann@acme.example', 'Looker', { status: 'deleted' }),
      account('ann@acme.example', 'Zoom', { status: 'suspended' }),
      account('fay@acme.example', 'Jira'),
    ]);
    await sync(hrId, [
      employee('ann@acme.example', 'terminated', { terminationDate: day(-3) }),
      employee('cat@acme.example', 'active', { terminationDate: day(-1) }),
      employee('dan@acme.example', 'active'),
      employee('eve@acme.example', 'terminated'),
      employee('fay@acme.example', 'terminated'),
      employee('gus@acme.example', 'terminated'),
      employee('hal@acme.example', 'active', { terminationDate: day(30) }),
    ]);
    await configureMerge(roster, 'test', [{ source: 'Directory', fields: ['emails'] }]);
    await applyMerge(roster, 'test');
  });
  afterAll(() => roster?.close());

  it('lists as candidates the people who became past and are not offboarded yet, with why', async () => {
    const candidates = await offboardingCandidates(roster.database.db, day(0));
    expect(candidates.map((c) => [c.primaryEmail, c.reason])).toEqual([
      ['ann@acme.example', `terminated in HR (termination date ${day(-3)})`],
      ['cat@acme.example', `termination date ${day(-1)} reached (HR)`],
      ['eve@acme.example', 'terminated in HR'],
      ['fay@acme.example', 'terminated in HR'],
      ['gus@acme.example', 'terminated in HR'],
    ]);
    expect(candidates[0]).toMatchObject({ accounts: 5, activeAccounts: 3 });
  });

  it('previews every account of every email, active, suspended and deleted, without writing anything', async () => {
    const preview = await start('ann.lee@acme.example', { dryRun: true });
    if (!preview.dryRun) throw new Error('expected a preview');
    expect(preview.primaryEmail).toBe('ann@acme.example');
    expect(preview.emails).toEqual(['ann@acme.example', 'ann.lee@acme.example']);
    expect(preview.tasks.map((t) => [t.app, t.email, t.accountStatus, t.method, t.source])).toEqual([
      ['Atlassian', 'ann.lee@acme.example', 'active', 'manual', null],
      ['Directory', 'ann@acme.example', 'active', 'automatic', 'Directory'],
      ['Jira', 'ann@acme.example', 'active', 'manual', null],
      ['Looker', 'ann@acme.example', 'deleted', 'manual', null],
      ['Zoom', 'ann@acme.example', 'suspended', 'manual', null],
    ]);
    expect(preview.tasks[1]?.calls).toEqual([
      { method: 'PATCH', url: 'https://google-workspace.test/users/u1', purpose: 'Block sign-in' },
    ]);
    expect(directory.requests).toEqual([]);
    expect(await roster.database.db.selectFrom('offboardings').select('id').execute()).toEqual([]);
  });

  it('deprovisions automatically, records each request, and leaves manual tasks to an admin', async () => {
    await setOffboardingMethod(roster, 'member:admin@acme.example', { app: 'Zoom', method: 'ignore' });
    await start('ann@acme.example');
    const view = await run('ann@acme.example');
    const byApp = Object.fromEntries(view.tasks.map((t) => [t.app, t]));
    expect(byApp.Directory).toMatchObject({
      status: 'done',
      doneBy: 'Roster, automatically',
      note: 'Blocked sign-in',
      calls: [
        expect.objectContaining({
          method: 'PATCH',
          url: 'https://google-workspace.test/users/u1',
          status: 204,
        }),
      ],
    });
    expect(byApp.Zoom).toMatchObject({ status: 'skipped', method: 'ignore' });
    expect(byApp.Jira).toMatchObject({ status: 'pending', method: 'manual', doneBy: null });
    // Manual tasks marked done do not complete the offboarding: an admin completes it.
    await markTaskDone(roster, 'member:it@acme.example', 'ann@acme.example', { app: 'Jira' });
    const after = await offboardingOf(roster.database.db, 'ann.lee@acme.example');
    expect(after.tasks.find((t) => t.app === 'Jira')).toMatchObject({
      status: 'done',
      doneBy: 'member:it@acme.example',
    });
    expect(after.status).toBe('in_progress');
    await completeOffboarding(roster, 'member:it@acme.example', 'ann@acme.example');
    expect(await offboardingOf(roster.database.db, 'ann@acme.example')).toMatchObject({
      status: 'completed',
      completedBy: 'member:it@acme.example',
      completedHow: 'manual',
    });
    await expect(start('ann@acme.example')).rejects.toMatchObject({ code: 'conflict' });
  });

  it('completes by itself when the last remaining task finishes through the automatic method', async () => {
    await start('gus@acme.example');
    const view = await run('gus@acme.example');
    expect(view).toMatchObject({
      status: 'completed',
      completedBy: 'Roster, automatically',
      completedHow: 'automatic',
    });
  });

  it('keeps recording tasks that finish after an admin completed the offboarding', async () => {
    await start('fay@acme.example');
    await markTaskDone(roster, 'member:it@acme.example', 'fay@acme.example', { app: 'Jira' });
    await completeOffboarding(roster, 'member:it@acme.example', 'fay@acme.example');
    const view = await run('fay@acme.example');
    expect(view).toMatchObject({
      status: 'completed',
      completedHow: 'manual',
      completedBy: 'member:it@acme.example',
    });
    const directoryTask = view.tasks.find((t) => t.app === 'Directory');
    expect(directoryTask).toMatchObject({ status: 'done', doneBy: 'Roster, automatically' });
    expect(Date.parse(directoryTask?.doneAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse(view.completedAt ?? ''),
    );
  });

  it('never deprovisions a person the employee source of truth says is current, unless forced with a reason', async () => {
    await start('dan@acme.example');
    const waiting = await run('dan@acme.example');
    expect(waiting.tasks[0]).toMatchObject({ app: 'Directory', status: 'pending' });
    expect(waiting.tasks[0]?.note).toMatch(/^Waiting: dan@acme.example is a current employee in HR/);
    expect(directory.disabled.has('dan@acme.example')).toBe(false);

    await expect(start('hal@acme.example', { force: { reason: '  ' } })).rejects.toMatchObject({
      code: 'invalid_input',
      details: [{ field: 'force.reason', message: 'must not be empty' }],
    });
    await start('hal@acme.example', { force: { reason: 'Leaves today; HR updates tomorrow' } });
    const forced = await run('hal@acme.example');
    expect(forced.forced).toEqual({
      reason: 'Leaves today; HR updates tomorrow',
      by: 'member:admin@acme.example',
    });
    expect(forced.tasks[0]).toMatchObject({ app: 'Directory', status: 'done' });
    const audit = await roster.database.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'offboarding.start')
      .where('target_id', '=', 'hal@acme.example')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ forced: { reason: 'Leaves today; HR updates tomorrow' } });
  });

  it('keeps the provider error of a failed task, and a retry after a lost answer is a success', async () => {
    directory.failing.set('eve@acme.example', 'Insufficient privileges to complete the operation.');
    await start('eve@acme.example');
    const failed = await run('eve@acme.example');
    expect(failed.tasks[0]).toMatchObject({
      status: 'failed',
      note: 'google-workspace denied access (HTTP 403): Insufficient privileges to complete the operation.',
      calls: [
        expect.objectContaining({
          status: 403,
          detail: 'Insufficient privileges to complete the operation.',
        }),
      ],
    });
    expect(failed.status).toBe('in_progress');
    await expect(markTaskDone(roster, 'x', 'eve@acme.example', { app: 'Nope' })).rejects.toMatchObject({
      code: 'not_found',
    });
    // The provider did disable the user, but the answer was lost: the retry finds it done already.
    directory.failing.delete('eve@acme.example');
    directory.disabled.add('eve@acme.example');
    await retryTask(roster, 'member:it@acme.example', 'eve@acme.example', { app: 'Directory' });
    const retried = await run('eve@acme.example');
    expect(retried.tasks[0]).toMatchObject({
      status: 'done',
      attempts: 2,
      note: 'Sign-in was already blocked (already without access)',
    });
    expect(retried.tasks[0]?.calls).toHaveLength(1);
    expect(retried).toMatchObject({ status: 'completed', completedHow: 'automatic' });
    await expect(retryTask(roster, 'x', 'eve@acme.example', { app: 'Directory' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('flags an account active again after offboarding, and clears it once it is gone', async () => {
    // gus was offboarded automatically; the directory lists him active again (re-invited).
    const rerun = await sync(dirId, [
      ...directoryUsers.map((email, i) => account(email, 'Directory', { externalId: `u${i + 1}` })),
      { type: 'alias', primaryEmail: 'ann@acme.example', field: 'emails', value: 'ann.lee@acme.example' },
    ]);
    const run1 = await roster.database.db
      .selectFrom('sync_runs')
      .select('started_at')
      .where('id', '=', rerun.runId)
      .executeTakeFirstOrThrow();
    await checkOffboardingDrift(roster.database.db, dirId, new Date(run1.started_at));
    const drift = await listDrift(roster.database.db);
    expect(drift.map((d) => [d.primaryEmail, d.app, d.source])).toEqual(
      expect.arrayContaining([
        ['gus@acme.example', 'Directory', 'Directory'],
        ['eve@acme.example', 'Directory', 'Directory'],
      ]),
    );
    // A run that started before the offboarding completed raises nothing.
    await checkOffboardingDrift(roster.database.db, dirId, new Date('2000-01-01'));
    expect(await listDrift(roster.database.db)).toHaveLength(drift.length);

    const later = await sync(dirId, [
      ...directoryUsers.map((email, i) =>
        account(email, 'Directory', {
          externalId: `u${i + 1}`,
          status: email === 'gus@acme.example' ? 'suspended' : 'active',
        }),
      ),
      { type: 'alias', primaryEmail: 'ann@acme.example', field: 'emails', value: 'ann.lee@acme.example' },
    ]);
    const run2 = await roster.database.db
      .selectFrom('sync_runs')
      .select('started_at')
      .where('id', '=', later.runId)
      .executeTakeFirstOrThrow();
    await checkOffboardingDrift(roster.database.db, dirId, new Date(run2.started_at));
    const remaining = await listDrift(roster.database.db);
    expect(remaining.map((d) => d.primaryEmail)).not.toContain('gus@acme.example');
    expect(remaining.map((d) => d.primaryEmail)).toContain('eve@acme.example');
  });

  it("explains from the data why offboarding lists more apps than the person's page", async () => {
    const explanation = await explain(roster, 'offboarding-apps', 'ann.lee@acme.example');
    expect(explanation.figure).toEqual({ activeAccounts: 3, offboardingTasks: 5, emails: 2 });
    expect(explanation.causes.map((c) => c.text)).toEqual([
      'Looker (App exports): ann@acme.example is deleted (App exports reports it deleted)',
      'Zoom (App exports): ann@acme.example is suspended (App exports reports it suspended)',
      'Merge Users joined ann@acme.example, ann.lee@acme.example: the accounts of each are offboarded together.',
    ]);
  });

  it('tells the story of an offboarding an admin completed before its automatic task finished', async () => {
    const explanation = await explain(roster, 'offboarding', 'fay@acme.example');
    expect(explanation.figure).toMatchObject({ tasks: 2, finishedAfterCompletion: 1 });
    const story = explanation.causes.map((c) => c.text.replace(/^\S+: /, ''));
    expect(story).toEqual([
      'member:admin@acme.example started the offboarding of fay@acme.example',
      'Jira (fay@acme.example) done by member:it@acme.example through the manual method',
      'member:it@acme.example marked the offboarding completed',
      'Directory (fay@acme.example) done by Roster, automatically through the automatic method',
      'member:it@acme.example marked it completed before 1 task(s) finished; they finished afterwards: Directory.',
    ]);
  });
});
