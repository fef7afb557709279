import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptedKind } from '../../../test/support/fake-kinds.js';
import { mailbox } from '../../../test/support/mailbox.js';
import { account, syncRecords } from '../../../test/support/records.js';
import { lanes, openTestRoster, type TestRoster } from '../../../test/support/test-roster.js';
import { capabilities } from '../../connectors/kit/capabilities.js';
import type { SourceKind } from '../../connectors/kit/connector.js';
import { type RunningJira, startJiraSimulator } from '../../simulators/jira/jira-simulator.js';
import { statuses } from '../../simulators/jira/jira-site.js';
import { type RunningScim, startScimSimulator } from '../../simulators/scim/scim-simulator.js';
import { scimPeople } from '../../simulators/scim/scim-user-store.js';
import { setAppOwners } from '../apps/app-owners.js';
import { updateSettings } from '../settings/settings.service.js';
import { addSource, syncSource } from '../sources/sources.service.js';
import { completeOffboarding, confirmOwnerTask } from './offboarding-admin.js';
import { setOffboardingMethod } from './offboarding-method-settings.js';
import { offboardingOf } from './offboarding-read.js';
import { runOffboardingTasks } from './offboarding-runner.js';
import { startOffboarding } from './offboarding-start.js';
import { followTickets } from './ticket-method.js';

// The methods against real parts: a SCIM service built on a SCIM server library (automatic), a simulated
// Jira Cloud (ticket) and a real SMTP server (notify-owner).
const kinds: Record<string, SourceKind<unknown, unknown>> = {
  hr: { ...scriptedKind, kind: 'hr', capabilities: capabilities(['employees']) },
  apps: { ...scriptedKind, kind: 'apps', capabilities: capabilities(['users']) },
};
const findKind = (kind: string) => kinds[kind];
const http = { timeoutMs: 5_000, maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 20 };

describe.each(lanes)('offboarding methods on %s', (lane) => {
  let roster: TestRoster;
  let mail: Awaited<ReturnType<typeof mailbox>>;
  let scim: RunningScim;
  let jira: RunningJira;
  const leaver = 'person0001@acme.example';

  const source = async (kind: string, name: string) =>
    (
      await roster.database.db
        .insertInto('sources')
        .values({ kind, name, config: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    mail = await mailbox();
    scim = await startScimSimulator({ users: scimPeople(3) });
    jira = await startJiraSimulator({ retryAfterSeconds: 0 });
    roster = await openTestRoster(lane, {
      ROSTER_SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
      ROSTER_MAIL_FROM: 'Roster <roster@acme.example>',
      ROSTER_PUBLIC_URL: 'https://roster.acme.example',
    });
    await updateSettings(roster, 'test', { domains: ['acme.example'] });
    const { config, credentials } = scim.source('Notion');
    await addSource(roster, 'test', {
      kind: 'scim',
      name: 'Notion SCIM',
      config: { ...config, http },
      credentials,
      schedule: null,
    });
    expect((await syncSource(roster, 'test', 'Notion SCIM')).status).toBe('succeeded');
    const hr = await source('hr', 'HR');
    await syncRecords(roster, hr, [{ type: 'employee', email: leaver, status: 'terminated' }], findKind);
    const apps = await source('apps', 'Exports');
    await syncRecords(roster, apps, [account(leaver, 'Figma'), account(leaver, 'Miro')], findKind);
    await setAppOwners(roster, 'test', 'Miro', ['owner@acme.example']);
    await setOffboardingMethod(roster, 'test', { app: 'Miro', method: 'notify-owner' });
  });
  afterAll(async () => {
    await roster?.close();
    await scim?.close();
    await jira?.close();
    await mail?.close();
  });

  it('refuses a ticket method without Jira credentials, naming the field', async () => {
    await expect(
      setOffboardingMethod(roster, 'test', {
        app: 'Figma',
        method: 'ticket',
        config: { baseUrl: jira.url, projectKey: 'OPS' },
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', details: [{ field: 'credentials' }] });
    await expect(
      setOffboardingMethod(roster, 'test', {
        app: 'Figma',
        method: 'ticket',
        config: { baseUrl: jira.url, projectKey: 'ops' },
        credentials: { email: jira.email, apiToken: jira.apiToken },
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', details: [{ field: 'config.projectKey' }] });
  });

  it('deprovisions through SCIM, files a Jira ticket and emails the owner, then records who finished each', async () => {
    const set = await setOffboardingMethod(roster, 'test', {
      app: 'Figma',
      method: 'ticket',
      config: { baseUrl: jira.url, projectKey: 'OPS', http },
      credentials: { email: jira.email, apiToken: jira.apiToken },
    });
    expect(set).toMatchObject({ method: 'ticket', hasCredentials: true });
    expect(JSON.stringify(set)).not.toContain(jira.apiToken);

    const preview = await startOffboarding(roster, 'test', { email: leaver, dryRun: true });
    if (!preview.dryRun) throw new Error('expected a preview');
    expect(preview.tasks.find((t) => t.app === 'Notion')?.calls.map((c) => c.method)).toEqual([
      'GET',
      'PATCH',
    ]);
    expect(scim.store.get('user-0001')?.active).toBe(true);

    const started = await startOffboarding(roster, 'member:it@acme.example', { email: leaver });
    if (started.dryRun) throw new Error('expected a start');
    await runOffboardingTasks(roster, started.id);
    const view = await offboardingOf(roster.database.db, leaver);
    const byApp = Object.fromEntries(view.tasks.map((t) => [t.app, t]));

    expect(byApp.Notion).toMatchObject({
      method: 'automatic',
      status: 'done',
      doneBy: 'Roster, automatically',
    });
    expect(byApp.Notion?.calls.map((c) => [c.method, c.status])).toEqual([
      ['GET', 200],
      ['PATCH', 200],
    ]);
    expect(scim.store.get('user-0001')?.active).toBe(false);

    expect(byApp.Figma).toMatchObject({ method: 'ticket', status: 'in_progress', ticketKey: 'OPS-1' });
    const issue = jira.site.issue('OPS-1');
    expect(JSON.stringify(issue?.fields)).toContain(`Remove ${leaver} from Figma`);

    expect(byApp.Miro).toMatchObject({
      method: 'notify-owner',
      status: 'in_progress',
      notifiedTo: 'owner@acme.example',
    });
    expect(mail.received).toHaveLength(1);
    expect(mail.received[0]).toMatchObject({
      to: 'owner@acme.example',
      subject: `Remove ${leaver} from Miro`,
    });
    const token = /\/offboarding\/confirm\?token=([\w-]+)/.exec(mail.received[0]?.text ?? '')?.[1];
    expect(mail.received[0]?.text).toContain('https://roster.acme.example/offboarding/confirm?token=');
    // The email action's HTML part beside the text, everything in it escaped.
    expect(mail.received[0]?.html).toContain(
      `<p>You own Miro in Roster. Please remove or deactivate the account ${leaver} in Miro,<br>\nthen confirm it here:</p>`,
    );
    expect(mail.received[0]?.html).toContain(
      `<p>https://roster.acme.example/offboarding/confirm?token&#61;${token}</p>`,
    );

    // The ticket is not done until Jira says so. Both reads at one instant: `everyMs: 0` reads every time,
    // even within the millisecond of the read before.
    const instant = new Date();
    const atOnce = { everyMs: 0, now: () => instant };
    expect(await followTickets(roster, atOnce)).toEqual({ checked: 1, done: 0 });
    // Someone closes the ticket in Jira.
    const done = statuses.find((st) => st.name === 'Done');
    if (!issue || !done) throw new Error('expected the ticket and the Done status');
    issue.status = done;
    expect(await followTickets(roster, atOnce)).toEqual({ checked: 1, done: 1 });

    await confirmOwnerTask(roster, token ?? '');
    await expect(confirmOwnerTask(roster, token ?? '')).rejects.toMatchObject({ code: 'unauthenticated' });

    const after = await offboardingOf(roster.database.db, leaver);
    expect(after.tasks.map((t) => [t.app, t.status, t.doneBy])).toEqual([
      ['Figma', 'done', 'Jira issue OPS-1'],
      ['Miro', 'done', 'owner@acme.example'],
      ['Notion', 'done', 'Roster, automatically'],
    ]);
    // The last task finished through a ticket, not automatically: an admin completes the offboarding.
    expect(after.status).toBe('in_progress');
    await completeOffboarding(roster, 'member:it@acme.example', leaver);
    expect((await offboardingOf(roster.database.db, leaver)).completedHow).toBe('manual');
  });
});
