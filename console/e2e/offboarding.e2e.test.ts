import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOneTimeToken, ensureMember } from '../../src/modules/auth/auth.repo.js';
import { markTaskDone } from '../../src/modules/offboarding/offboarding-admin.js';
import { offboardingCandidates } from '../../src/modules/offboarding/offboarding-candidates.js';
import { checkOffboardingDrift } from '../../src/modules/offboarding/offboarding-drift.js';
import { dayOf } from '../../src/modules/offboarding/offboarding-person.js';
import { startOffboarding } from '../../src/modules/offboarding/offboarding-start.js';
import { seriousViolations } from './support/axe.js';
import { hasChromium, installHint, launchChromium } from './support/chromium.js';
import { ensureConsoleBuilt } from './support/console-build.js';
import { type DemoServer, startDemoServer } from './support/demo-server.js';

const screenshots = join(process.cwd(), 'test-output', 'screenshots');
if (!hasChromium) console.warn(`Skipping the console's end-to-end tests. ${installHint}`);

type Preview = Extract<Awaited<ReturnType<typeof startOffboarding>>, { dryRun: true }>;

describe.skipIf(!hasChromium)('offboarding a leaver in the console', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  // A leaver of the demo with manual tasks (an admin marks them done) and automatic ones (no job worker
  // runs here, so those stay pending and the offboarding view keeps reading itself again).
  let leaver: Preview;
  let otherLeaver: string;
  let offboardingId: number;

  const preview = async (email: string) =>
    (await startOffboarding(server.roster, 'e2e', { email, dryRun: true })) as Preview;
  const go = async (path: string, heading: string | RegExp) => {
    await page.goto(`${server.baseUrl}${path}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  };
  const expectAccessible = async (name: string) => {
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  };
  const shot = (name: string) => page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  const rowOf = (table: string, text: string) =>
    page.getByRole('table', { name: table, exact: true }).getByRole('row').filter({ hasText: text });

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    ensureConsoleBuilt();
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    const candidates = await offboardingCandidates(server.roster.database.db, dayOf(new Date()));
    for (const candidate of candidates) {
      const plan = await preview(candidate.primaryEmail);
      const manual = plan.tasks.filter((t) => t.method === 'manual').length;
      const automatic = plan.tasks.some((t) => t.method === 'automatic' && t.calls.length > 0);
      const inactive = plan.tasks.some((t) => t.accountStatus !== 'active');
      if (!leaver && manual >= 2 && automatic && inactive) leaver = plan;
      else otherLeaver ??= candidate.primaryEmail;
    }
    expect(leaver, 'a demo leaver with manual and automatic tasks').toBeDefined();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on(
      'console',
      (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && pageErrors.push(m.text()),
    );
    await page.goto(await server.signInLink());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the leaver among the candidates, in the navigation', async () => {
    await go('/', 'Overview');
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Offboarding' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Offboarding' }).waitFor();
    const row = rowOf('Candidates', leaver.primaryEmail);
    await row.waitFor();
    const accounts = leaver.tasks.length;
    const active = leaver.tasks.filter((t) => t.accountStatus === 'active').length;
    expect(await row.getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining([String(accounts), String(active)]),
    );
    await expectAccessible('the offboarding candidates');
    await shot('offboarding-candidates');
  });

  it('previews every task from the person page, then starts and opens the offboarding', async () => {
    await rowOf('Candidates', leaver.primaryEmail).getByRole('link', { name: leaver.primaryEmail }).click();
    // The candidates list has a button of the same name: wait for the person page before pressing it.
    await page.waitForURL(`${server.baseUrl}/people/${encodeURIComponent(leaver.primaryEmail)}`);
    await page.getByRole('table', { name: 'Apps' }).waitFor();
    await page.getByRole('button', { name: `Start offboarding ${leaver.primaryEmail}` }).click();
    const dialog = page.getByRole('dialog');
    const planned = dialog.getByRole('table', { name: 'Planned tasks' });
    await planned.waitFor();
    // A header row, then one row per task: suspended and deleted accounts too, which the person page omits.
    expect(await planned.locator('tbody > tr').count()).toBe(leaver.tasks.length);
    await dialog.getByText('suspended and deleted accounts are offboarded too', { exact: false }).waitFor();
    const automatic = leaver.tasks.find((t) => t.method === 'automatic' && t.calls.length > 0);
    expect(automatic).toBeDefined();
    await dialog
      .getByRole('button', {
        name: `Show the planned requests for ${automatic?.app} (${automatic?.instance}) for ${automatic?.email}`,
      })
      .click();
    await dialog.getByText(`${automatic?.calls[0]?.method} ${automatic?.calls[0]?.url}`).first().waitFor();
    expect(await dialog.getByText('This person is current').count()).toBe(0);
    await expectAccessible('the offboarding preview');
    await shot('offboarding-preview');
    // The preview changed nothing.
    const before = await server.roster.database.db.selectFrom('offboardings').select('id').execute();
    expect(before).toEqual([]);

    await dialog.getByRole('button', { name: 'Start offboarding', exact: true }).click();
    await page.waitForURL(/\/offboarding\/\d+$/);
    offboardingId = Number(page.url().split('/').pop());
    await page.getByRole('heading', { level: 1, name: `Offboarding ${leaver.primaryEmail}` }).waitFor();
    const tasks = page.getByRole('table', { name: 'Tasks', exact: true });
    await tasks.waitFor();
    expect(await tasks.locator(':scope > tbody > tr').count()).toBe(leaver.tasks.length);
  });

  it('shows each task as Roster changes it, without reloading, while tasks are pending', async () => {
    const byServer = leaver.tasks.filter((t) => t.method === 'manual')[1];
    if (!byServer) throw new Error('the leaver has two manual tasks');
    // Marked done elsewhere (the API, another admin): the open view reads it on its own.
    await markTaskDone(server.roster, 'member:someone-else@acme.example', leaver.primaryEmail, byServer);
    await rowOf('Tasks', byServer.app).filter({ hasText: 'member:someone-else@acme.example' }).waitFor();
  });

  it('marks a manual task done, shows the requests made, and completes the offboarding', async () => {
    const manual = leaver.tasks.find((t) => t.method === 'manual');
    if (!manual) throw new Error('the leaver has a manual task');
    const name = `${manual.app} (${manual.instance}) for ${manual.email}`;
    await page.getByRole('button', { name: `Mark done: ${name}` }).click();
    const row = rowOf('Tasks', manual.app).filter({ hasText: manual.email }).first();
    await row.getByText('Done', { exact: true }).waitFor();
    await row.getByText(`member:${server.adminEmail}`).waitFor();
    expect(await page.getByRole('button', { name: `Mark done: ${name}` }).count()).toBe(0);
    const stored = await server.roster.database.db
      .selectFrom('offboarding_tasks')
      .select(['status', 'done_by'])
      .where('offboarding_id', '=', offboardingId)
      .where('status', '=', 'done')
      .execute();
    expect(stored).toContainEqual({ status: 'done', done_by: `member:${server.adminEmail}` });

    // A manual task made no request; an automatic one lists those it made (none yet: no worker runs here).
    await page.getByRole('button', { name: `Show the requests made for ${name}` }).click();
    await page.getByText('No requests made: this method makes none.').waitFor();
    await expectAccessible('the offboarding view');
    await shot('offboarding-view');

    // A failed automatic task (as the worker records one) shows up on its own, with Retry; retrying puts it
    // back to pending for the worker.
    const automatic = leaver.tasks.find((t) => t.method === 'automatic');
    if (!automatic) throw new Error('the leaver has an automatic task');
    const automaticName = `${automatic.app} (${automatic.instance}) for ${automatic.email}`;
    await server.roster.database.db
      .updateTable('offboarding_tasks')
      .set({ status: 'failed', note: 'The provider refused the token' })
      .where('offboarding_id', '=', offboardingId)
      .where('method', '=', 'automatic')
      .execute();
    await rowOf('Tasks', automatic.app).getByText('The provider refused the token').waitFor();
    await page.getByRole('button', { name: `Retry: ${automaticName}` }).click();
    await expect.poll(() => page.getByRole('button', { name: `Retry: ${automaticName}` }).count()).toBe(0);
    // Every automatic task failed; the one retried alone is pending again.
    const automaticStatuses = await server.roster.database.db
      .selectFrom('offboarding_tasks')
      .select('status')
      .where('offboarding_id', '=', offboardingId)
      .where('method', '=', 'automatic')
      .execute();
    const automaticCount = leaver.tasks.filter((t) => t.method === 'automatic').length;
    expect(automaticStatuses.map((t) => t.status).sort()).toEqual([
      ...Array(automaticCount - 1).fill('failed'),
      'pending',
    ]);

    await page.getByRole('button', { name: 'Mark completed' }).click();
    await page.getByTestId('completion').getByText(`Marked done by member:${server.adminEmail}`).waitFor();
    await page.getByRole('button', { name: 'Re-open' }).waitFor();
  });

  it('lists the offboarding under Completed, and links the person page to it', async () => {
    await go('/offboarding?tab=completed', 'Offboarding');
    const row = rowOf('Completed offboardings', leaver.primaryEmail);
    await row.getByText(`Marked done by member:${server.adminEmail}`).waitFor();
    await expectAccessible('the completed offboardings');
    await row.getByRole('link', { name: leaver.primaryEmail }).click();
    await page.waitForURL(`${server.baseUrl}/offboarding/${offboardingId}`);

    await go(`/people/${encodeURIComponent(leaver.primaryEmail)}`, /.+/);
    await page.getByRole('link', { name: 'Offboarded' }).click();
    await page.waitForURL(`${server.baseUrl}/offboarding/${offboardingId}`);
    expect(await page.getByRole('button', { name: /^Start offboarding/ }).count()).toBe(0);
  });

  it('lists an account active again after the offboarding, linking to the offboarding', async () => {
    const { db } = server.roster.database;
    // A sync after the offboarding completed still sees one of the leaver's accounts active.
    const seen = await db
      .selectFrom('account_observations as ob')
      .innerJoin('users as u', 'u.id', 'ob.user_id')
      .select('ob.source_id')
      .where('u.email', '=', leaver.primaryEmail)
      .where('ob.status', '=', 'active')
      .where('ob.removed_at', 'is', null)
      .executeTakeFirstOrThrow();
    const drift = await checkOffboardingDrift(db, seen.source_id, new Date(Date.now() + 60_000));
    expect(drift.detected).toBeGreaterThan(0);
    await go('/offboarding?tab=active-again', 'Offboarding');
    const row = rowOf('Accounts active again', leaver.primaryEmail).first();
    await row.waitFor();
    await expectAccessible('the accounts active again');
    await row.getByRole('link', { name: leaver.primaryEmail }).click();
    await page.waitForURL(`${server.baseUrl}/offboarding/${offboardingId}`);
    await page.getByRole('heading', { level: 1, name: `Offboarding ${leaver.primaryEmail}` }).waitFor();
  });

  it('asks a reason before offboarding someone the employee source still lists as current', async () => {
    const current = await server.roster.database.db
      .selectFrom('users')
      .select('email')
      .where('email', 'like', '%@acme.example')
      .execute();
    let employee: string | undefined;
    for (const { email } of current) {
      const plan = await preview(email).catch(() => null);
      if (plan?.current && plan.tasks.length > 0) {
        employee = plan.primaryEmail;
        break;
      }
    }
    expect(employee, 'a current demo employee').toBeDefined();
    await go(`/people/${encodeURIComponent(employee ?? '')}`, /.+/);
    await page.getByRole('button', { name: `Start offboarding ${employee}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('This person is current').waitFor();
    const force = dialog.getByRole('button', { name: 'Force offboarding' });
    expect(await force.isDisabled()).toBe(true);
    await dialog
      .getByRole('textbox', { name: /^Reason to offboard a current employee/ })
      .fill('Leaves today');
    expect(await force.isDisabled()).toBe(false);
    await expectAccessible('the forced offboarding preview');
    await page.keyboard.press('Escape');
  });

  it('offers a read-only member no change', async () => {
    const member = await ensureMember(server.roster, 'e2e', 'auditor@acme.example', 'read-only');
    const readOnly = await browser.newContext();
    try {
      const auditor = await readOnly.newPage();
      await auditor.goto(
        `${server.baseUrl}/auth/link?token=${await createOneTimeToken(server.roster, 'sign_in', member.id)}`,
      );
      await auditor.getByRole('button', { name: 'Sign in' }).click();
      await auditor.waitForURL(`${server.baseUrl}/`);
      await auditor.goto(`${server.baseUrl}/offboarding/${offboardingId}`);
      await auditor.getByRole('table', { name: 'Tasks', exact: true }).waitFor();
      expect(
        await auditor.getByRole('button', { name: /^(Mark done|Retry|Re-open|Mark completed)/ }).count(),
      ).toBe(0);
      await auditor.goto(`${server.baseUrl}/offboarding`);
      await auditor.getByRole('table', { name: 'Candidates' }).getByText(otherLeaver).waitFor();
      expect(await auditor.getByRole('button', { name: /^Start offboarding/ }).count()).toBe(0);
      await auditor.goto(`${server.baseUrl}/people/${encodeURIComponent(otherLeaver)}`);
      await auditor
        .getByRole('table', { name: 'Apps' })
        .or(auditor.getByText('No active accounts.'))
        .waitFor();
      expect(await auditor.getByRole('button', { name: /^Start offboarding/ }).count()).toBe(0);
      const app = leaver.tasks[0]?.app ?? '';
      await auditor.goto(`${server.baseUrl}/apps/${encodeURIComponent(app)}?tab=offboarding`);
      await auditor
        .getByText(`Offboarding ${app}`)
        .or(auditor.getByText(`No method is set for ${app}`))
        .waitFor();
      expect(await auditor.getByRole('button', { name: 'Save method' }).count()).toBe(0);
    } finally {
      await readOnly.close();
    }
  });

  it("sets an app's offboarding method on the app's page", async () => {
    const app = leaver.tasks.find((t) => t.method === 'manual')?.app ?? '';
    await go(`/apps/${encodeURIComponent(app)}?tab=offboarding`, app);
    await page.getByText(`No method is set for ${app}`).waitFor();
    await page.getByLabel('Offboarding method').selectOption('ignore');
    await page.getByRole('button', { name: 'Save method' }).click();
    await page.getByRole('status').getByText(`Saved: new offboardings of ${app} use it.`).waitFor();
    await page.getByText(`Offboarding ${app}: Ignore: listed, never acted on`).waitFor();
    const stored = await server.roster.database.db
      .selectFrom('offboarding_methods as m')
      .innerJoin('apps as a', 'a.id', 'm.app_id')
      .select(['a.name', 'm.method', 'm.instance_id'])
      .execute();
    expect(stored).toEqual([{ name: app, method: 'ignore', instance_id: null }]);
    await expectAccessible("an app's offboarding method");
  });

  it('raised no page error and no content-security-policy violation', () => {
    expect(pageErrors).toEqual([]);
  });
});
