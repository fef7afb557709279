import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptedKind } from '../../../test/support/fake-kinds.js';
import { account, syncRecords } from '../../../test/support/records.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import type { ActionScope } from '../../actions/action.js';
import {
  type RunningGoogleAdmin,
  startGoogleAdminSimulator,
} from '../../simulators/google-admin/google-admin-simulator.js';
import { generateDirectory } from '../../simulators/kit/directory.js';
import type { RunningProvider } from '../../simulators/kit/simulated-provider.js';
import { startMicrosoftGraph } from '../../simulators/microsoft-graph/graph-simulator.js';
import { updateSettings } from '../settings/settings.service.js';
import { addSource, syncSource } from '../sources/sources.service.js';
import { evaluateMatchesWorkflows } from './evaluate-workflows.js';
import { workflowActions } from './workflow-actions.js';
import { previewWorkflow } from './workflow-preview.js';
import type { RunStep } from './workflow-runner.js';
import { runQueuedWorkflowRuns } from './workflow-runner.js';
import { saveWorkflow } from './workflows.service.js';

const http = { baseDelayMs: 1, maxDelayMs: 20 };

describe.each(lanes)('the license.remove action through the simulators on %s', (lane) => {
  const directory = generateDirectory({ people: 40, now: new Date() });
  let roster: TestRoster;
  let graph: RunningProvider;
  let google: RunningGoogleAdmin;
  let workflows = 0;

  const licenseWorkflow = async (email: string, licenseType: string) => {
    workflows += 1;
    const name = `remove ${licenseType} of ${email} (${workflows})`;
    await saveWorkflow(
      roster,
      'member:admin@acme.example',
      {
        name,
        enabled: true,
        trigger: { type: 'matches', entity: 'license' },
        conditions: {
          all: [
            { field: 'account.email', op: 'equals', value: email },
            { field: 'license.type', op: 'equals', value: licenseType },
          ],
        },
        actions: [{ id: 'remove', type: 'license.remove' }],
      },
      'create',
      { actions: workflowActions(roster) },
    );
    return name;
  };
  /** The entity a run of that workflow records, as the preview reads it. */
  const scopeOf = async (workflow: string): Promise<ActionScope> => {
    const preview = await previewWorkflow(roster, workflow, workflowActions(roster));
    expect(preview.matching).toBe(1);
    return preview.items[0]!.entity;
  };
  const action = () => workflowActions(roster, 'workflow:test').find((a) => a.type === 'license.remove')!;
  const runAction = (scope: ActionScope) =>
    action().run({}, scope, { signal: AbortSignal.timeout(60_000), outbound: roster.outbound });
  const runsOf = async (workflow: string) =>
    (
      await sql<{ status: string; steps: RunStep[]; error: string | null }>`
        select r.status, r.steps, r.error from workflow_runs r join workflows w on w.id = r.workflow_id
        where w.name = ${workflow} order by r.id`.execute(roster.database.db)
    ).rows;
  /** The licence types Roster last saw held by that email in that app. */
  const held = async (app: string, email: string) =>
    (
      await sql<{ name: string }>`
        select lt.name from account_licenses al join license_types lt on lt.id = al.license_type_id
        join accounts ac on ac.id = al.account_id join apps a on a.id = ac.app_id join users u on u.id = ac.user_id
        where a.name = ${app} and u.email = ${email} and al.removed_at is null order by lt.name`.execute(
        roster.database.db,
      )
    ).rows.map((r) => r.name);
  /** A holder of a licence in that app (the first by email), and the licence. */
  const holder = async (app: string, licenseType?: string, not = '') => {
    const { rows } = await sql<{ email: string; name: string }>`
      select u.email, lt.name from account_licenses al join license_types lt on lt.id = al.license_type_id
      join accounts ac on ac.id = al.account_id join apps a on a.id = ac.app_id join users u on u.id = ac.user_id
      where a.name = ${app} and al.removed_at is null and ac.status = 'active'
        and (${licenseType ?? null}::text is null or lt.name = ${licenseType ?? null}) and lt.name <> ${not}
      order by u.email, lt.name limit 1`.execute(roster.database.db);
    if (!rows[0]) throw new Error(`The simulated ${app} has no licence holder`);
    return rows[0];
  };

  beforeAll(async () => {
    roster = await openTestRoster(lane);
    await updateSettings(roster, 'test', { domains: [directory.domain, ...directory.aliasDomains] });
    // Power BI Pro comes through a group in this tenant (group-based licensing), the rest directly.
    graph = await startMicrosoftGraph({
      directory,
      guests: 0,
      retryAfterSeconds: 0,
      groupLicensed: ['POWER_BI_PRO'],
    });
    google = await startGoogleAdminSimulator({ directory, pageSize: 50 });
    await addSource(roster, 'test', {
      kind: graph.kind,
      name: 'Entra ID',
      config: { ...graph.source.config, discoverApps: false, http },
      credentials: graph.source.credentials,
    });
    await addSource(roster, 'test', {
      kind: google.kind,
      name: 'Google Workspace',
      config: { ...google.source.config, discoverOAuthApps: false, http },
      credentials: google.source.credentials,
    });
    expect((await syncSource(roster, 'test', 'Entra ID')).status).toBe('succeeded');
    expect((await syncSource(roster, 'test', 'Google Workspace')).status).toBe('succeeded');
    // Slack's export names licences, but no integration of Roster's can change them.
    const exports = await roster.database.db
      .insertInto('sources')
      .values({ kind: 'scripted', name: 'Exports', config: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const slackUser = directory.people.find((p) => p.accountStatus === 'active')!.email;
    await syncRecords(
      roster,
      exports.id,
      [account(slackUser, 'Slack', { licenseTypes: ['Business+'] })],
      (k) => (k === 'scripted' ? scriptedKind : undefined),
    );
  });
  afterAll(async () => {
    await roster?.close();
    await graph?.close();
    await google?.close();
  });

  it('removes a Microsoft 365 licence with assignLicense in a run, and a second removal says it was already gone', async () => {
    const license = await holder('Microsoft 365', undefined, 'Power BI Pro');
    const workflow = await licenseWorkflow(license.email, license.name);
    expect(await evaluateMatchesWorkflows(roster, 'sync:license-remove')).toBeGreaterThanOrEqual(1);
    await runQueuedWorkflowRuns(roster, { actionsFor: (actor) => workflowActions(roster, actor) });
    const [run] = await runsOf(workflow);
    expect(run).toMatchObject({ status: 'succeeded', error: null });
    const step = run!.steps[0]!;
    expect(step.output).toEqual({
      outcome: 'done',
      summary: `Removed ${license.name} from ${license.email}`,
      license: license.name,
      source: 'Entra ID',
    });
    expect(step.requests.map((r) => r.method)).toContain('POST');
    expect(step.requests.find((r) => r.method === 'POST')?.url).toMatch(/\/assignLicense$/);

    // The next sync reads the tenant: the licence is gone, the user's others stay.
    const before = await held('Microsoft 365', license.email);
    expect((await syncSource(roster, 'test', 'Entra ID')).status).toBe('succeeded');
    expect(await held('Microsoft 365', license.email)).toEqual(before.filter((n) => n !== license.name));

    // A retry after a lost answer removes nothing twice: the licence is already gone, which is success.
    const again = await runAction(await scopeOfRun(workflow));
    expect(again).toMatchObject({
      status: 'succeeded',
      output: { outcome: 'already', summary: `${license.email} no longer holds ${license.name}` },
    });
    expect(again.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('removes a Google Workspace licence through the License Manager, once', async () => {
    const license = await holder('Google Workspace');
    const workflow = await licenseWorkflow(license.email, license.name);
    const scope = await scopeOf(workflow);
    const first = await runAction(scope);
    expect(first).toMatchObject({
      status: 'succeeded',
      output: { outcome: 'done', license: license.name, source: 'Google Workspace' },
    });
    expect(first.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
    const second = await runAction(scope);
    expect(second).toMatchObject({ status: 'succeeded', output: { outcome: 'already' } });
    expect(second.requests.some((r) => r.method === 'DELETE')).toBe(false);
    expect((await syncSource(roster, 'test', 'Google Workspace')).status).toBe('succeeded');
    expect(await held('Google Workspace', license.email)).not.toContain(license.name);
  });

  it('fails, naming the reason, for a licence a group hands out and for an app no integration can change', async () => {
    const grouped = await holder('Microsoft 365', 'Power BI Pro');
    const byGroup = await runAction(await scopeOf(await licenseWorkflow(grouped.email, 'Power BI Pro')));
    expect(byGroup).toMatchObject({
      status: 'failed',
      retryable: false,
      error: `Power BI Pro comes to ${grouped.email} from group membership: Microsoft Graph removes it only when they leave that group`,
    });
    const slack = await holder('Slack');
    const unsupported = await runAction(await scopeOf(await licenseWorkflow(slack.email, 'Business+')));
    expect(unsupported).toMatchObject({
      status: 'failed',
      retryable: false,
      error: 'No connected integration can remove licenses of Slack',
      requests: [],
    });
  });

  it('previews what it would remove, and fails without a license to act on', async () => {
    const license = await holder('Microsoft 365');
    const preview = await previewWorkflow(
      roster,
      await licenseWorkflow(license.email, license.name),
      workflowActions(roster),
    );
    expect(preview.items[0]?.actions).toEqual([
      {
        id: 'remove',
        type: 'license.remove',
        summary: `Would remove license ${license.name} of ${license.email} in Microsoft 365 through the integration that can`,
        requests: [],
      },
    ]);
    expect(await runAction({ person: { email: license.email } })).toMatchObject({
      status: 'failed',
      error: 'This workflow has no license to remove: use a license trigger or entity',
    });
  });

  /** The entity the workflow's run recorded. */
  async function scopeOfRun(workflow: string): Promise<ActionScope> {
    const { rows } = await sql<{ entity: ActionScope }>`
      select r.entity from workflow_runs r join workflows w on w.id = r.workflow_id where w.name = ${workflow}`.execute(
      roster.database.db,
    );
    return rows[0]!.entity;
  }
});
