import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOneTimeToken, ensureMember } from '../../src/modules/auth/auth.repo.js';
import { issueExtensionToken } from '../../src/modules/extension/extension-tokens.js';
import { importCsv } from '../../src/modules/imports/imports.service.js';
import { mailbox } from '../../test/support/mailbox.js';
import { seriousViolations } from './support/axe.js';
import { hasChromium, installHint, launchChromium } from './support/chromium.js';
import { ensureConsoleBuilt } from './support/console-build.js';
import { type DemoServer, startDemoServer } from './support/demo-server.js';

const screenshots = join(process.cwd(), 'test-output', 'screenshots');
if (!hasChromium) console.warn(`Skipping the console's end-to-end tests. ${installHint}`);

/** The admin's chores in the console, on the demo organisation, as one signed-in admin. */
describe.skipIf(!hasChromium)('admin tasks in the console', () => {
  let server: DemoServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let mail: Awaited<ReturnType<typeof mailbox>>;
  const pageErrors: string[] = [];

  const open = async (path: string, heading: string) => {
    await page.goto(`${server.baseUrl}${path}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  };
  const checkPage = async (name: string) => {
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  };
  const audited = (action: string) =>
    server.roster.database.db
      .selectFrom('audit_log')
      .select(['actor', 'target_id as targetId', 'after'])
      .where('action', '=', action)
      .orderBy('id')
      .execute();
  /** The signed-in admin's session, for checking the console's figures against the API's. */
  const sessionCookie = async () => ({
    roster_session: (await context.cookies()).find((c) => c.name === 'roster_session')?.value ?? '',
  });
  const signIn = async (into: Page) => {
    await into.goto(await server.signInLink());
    await into.getByRole('button', { name: 'Sign in' }).click();
    await into.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  };

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    ensureConsoleBuilt();
    mail = await mailbox();
    [server, browser] = await Promise.all([
      startDemoServer({ ROSTER_SMTP_URL: `smtp://127.0.0.1:${mail.port}` }),
      launchChromium(),
    ]);
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on(
      'console',
      (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && pageErrors.push(m.text()),
    );
    await signIn(page);
  }, 240_000);

  afterAll(async () => {
    await mail?.close();
    await browser?.close();
    await server?.close();
  });

  it('invites a member, changes their role and disables them', async () => {
    await open('/settings/members', 'Members and roles');
    const invite = page.getByRole('form', { name: 'Invite a member' });
    await invite.getByRole('textbox', { name: 'Email' }).fill('new.admin@acme.io');
    await invite.getByRole('combobox', { name: 'Role' }).selectOption('read-only');
    await invite.getByRole('button', { name: 'Invite' }).click();
    const role = page.getByRole('combobox', { name: 'Role of new.admin@acme.io' });
    await role.waitFor();
    expect(await role.inputValue()).toBe('read-only');
    await checkPage('settings-members');

    await role.selectOption('editor');
    await expect.poll(async () => (await audited('member.update')).length).toBeGreaterThan(0);
    const member = () =>
      server.roster.database.db
        .selectFrom('admin_members')
        .select(['role', 'disabled_at'])
        .where('email', '=', 'new.admin@acme.io')
        .executeTakeFirstOrThrow();
    await expect.poll(async () => (await member()).role).toBe('editor');
    await page.getByRole('button', { name: 'Disable new.admin@acme.io' }).click();
    await page.getByRole('button', { name: 'Enable new.admin@acme.io' }).waitFor();
    expect((await member()).disabled_at).not.toBeNull();
  });

  it('creates a metrics token with an expiry, shows its secret once, and revokes it', async () => {
    await open('/settings/tokens', 'API tokens');
    const form = page.getByRole('form', { name: 'Create a token' });
    await form.getByRole('textbox', { name: 'Name' }).fill('prometheus');
    await form.getByRole('combobox', { name: 'Role' }).selectOption('metrics');
    await form.getByLabel('Expires after').fill('2099-12-31');
    await form.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.getByTestId('token-secret').textContent()) ?? '';
    expect(secret).toMatch(/^rst_/);
    // The secret works, for /metrics only.
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await server.app.inject({ url: '/metrics', headers: bearer })).statusCode).toBe(200);
    expect((await server.app.inject({ url: '/api/apps', headers: bearer })).statusCode).toBe(403);
    const row = page.getByRole('table', { name: 'Tokens' }).getByRole('row', { name: /prometheus/ });
    expect(await row.textContent()).toContain('metrics');
    await checkPage('settings-tokens');

    // Shown once: dismissed or after a reload, it is nowhere on the page.
    await page.getByRole('button', { name: 'Done' }).click();
    await page.reload();
    await page
      .getByRole('table', { name: 'Tokens' })
      .getByRole('row', { name: /prometheus/ })
      .waitFor();
    expect(await page.content()).not.toContain(secret);

    await page.getByRole('button', { name: 'Revoke prometheus' }).click();
    await page.getByRole('row', { name: /prometheus/ }).waitFor({ state: 'detached' });
    expect((await server.app.inject({ url: '/metrics', headers: bearer })).statusCode).toBe(401);
  });

  it('filters the audit log and downloads the filtered entries as CSV', async () => {
    await open('/settings/audit', 'Audit log');
    const action = page.getByRole('textbox', { name: 'Action' });
    await action.fill('token.revoke');
    await action.press('Enter');
    const table = page.getByRole('table', { name: 'audit entries' });
    await expect.poll(async () => (await table.getByRole('row').count()) - 1).toBe(1);
    expect(await table.getByRole('row').nth(1).textContent()).toContain(`member:${server.adminEmail}`);
    expect(page.url()).toContain('action=token.revoke');
    await checkPage('settings-audit');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('audit-log.csv');
    const lines = readFileSync((await download.path()) ?? '', 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines[0]).toBe('id,at,actor,action,targetType,targetId,before,after');
    expect(lines.slice(1).map((l) => l.split(',')[3])).toEqual(['token.revoke']);
    expect((await audited('audit.export')).map((e) => e.after)).toEqual([
      { format: 'csv', filters: { action: 'token.revoke' } },
    ]);
  });

  it('changes the default inactivity threshold, and the inactive licenses page says the new one', async () => {
    await open('/licenses', 'Inactive licenses');
    // The settings arrive after the heading; wait for them rather than read the placeholder.
    await expect.poll(() => page.getByTestId('default-threshold').textContent()).toBe('90 days');
    await open('/settings/organisation', 'Organisation settings');
    await page.getByRole('textbox', { name: /^Default inactivity threshold/ }).fill('45');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await checkPage('settings-organisation');
    await open('/licenses', 'Inactive licenses');
    await expect.poll(() => page.getByTestId('default-threshold').textContent()).toBe('45 days');
  });

  it("sets an app's own threshold and its owners on the app page", async () => {
    const app = await server.roster.database.db
      .selectFrom('apps')
      .select(['id', 'name'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await open(`/apps/${encodeURIComponent(app.name)}?tab=settings`, app.name);
    const threshold = page.getByTestId('app-threshold');
    await expect
      .poll(() => threshold.textContent())
      .toContain("45 days without use (the organisation's default)");
    await page.getByRole('textbox', { name: /^Days without use/ }).fill('30');
    await page.getByRole('button', { name: 'Save threshold' }).click();
    await expect
      .poll(() => threshold.textContent())
      .toContain("30 days without use (this app's own threshold)");
    await page.getByRole('textbox', { name: /^Owner emails/ }).fill('owner.one@acme.io\nowner.two@acme.io');
    await page.getByRole('button', { name: 'Save owners' }).click();
    await page.getByText('Owners saved.').waitFor();
    await checkPage('app-settings');
    const owners = await server.app.inject({
      url: `/api/apps/${app.id}`,
      cookies: await sessionCookie(),
    });
    expect(owners.json()).toMatchObject({
      inactivityDays: 30,
      owners: ['owner.one@acme.io', 'owner.two@acme.io'],
    });
  });

  it("shows a failed run's rejected rows, then removes a source after saying its data stays", async () => {
    // An upload with bad rows is rejected whole: its run fails with each row and field.
    const failed = await importCsv(server.roster, 'e2e', {
      app: (
        await server.roster.database.db
          .selectFrom('apps')
          .select('name')
          .orderBy('id')
          .executeTakeFirstOrThrow()
      ).name,
      content: Buffer.from('email,status\nnot-an-email,active\nok@acme.io,sideways\n'),
    });
    expect(failed.status).toBe('failed');
    await open('/integrations', 'Integrations');
    const sources = page.getByRole('table', { name: 'Sources' });
    await sources.getByRole('button', { name: `Details of ${failed.source.name}'s run` }).click();
    const dialog = page.getByRole('dialog');
    const rejected = dialog.getByRole('table', { name: 'Rejected records' });
    await rejected.waitFor();
    // The table may appear before its last rows render: wait for the rows rather than read them once.
    const rows = () => rejected.getByRole('row').allTextContents();
    await expect
      .poll(async () => (await rows()).slice(1).some((r) => r.startsWith('2') && r.includes('email')))
      .toBe(true);
    await expect
      .poll(async () => (await rows()).slice(1).some((r) => r.startsWith('3') && r.includes('status')))
      .toBe(true);
    await checkPage('integrations-run-details');
    await dialog.getByRole('button', { name: 'Close the details' }).click();

    await sources.getByRole('button', { name: `Remove ${failed.source.name}` }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText('Removing disconnects the source; it deletes nothing it reported.').waitFor();
    await checkPage('integrations-remove-source');
    await confirm.getByRole('button', { name: `Disconnect ${failed.source.name}` }).click();
    await confirm.waitFor({ state: 'detached' });
    const source = await server.roster.database.db
      .selectFrom('sources')
      .select(['disconnected_at'])
      .where('id', '=', failed.source.id)
      .executeTakeFirstOrThrow();
    expect(source.disconnected_at).not.toBeNull();
    await sources
      .getByRole('row', { name: new RegExp(failed.source.name.replace(/[()]/g, '\\$&')) })
      .getByText('disconnected', { exact: true })
      .waitFor();
  });

  it('sets a password from a password link, then signs in with it', async () => {
    const member = await ensureMember(server.roster, 'e2e', 'pat@acme.io', 'read-only');
    const token = await createOneTimeToken(server.roster, 'password', member.id);
    const other = await browser.newContext();
    const visitor = await other.newPage();
    await visitor.goto(`${server.baseUrl}/set-password?token=${token}`);
    await visitor.getByRole('heading', { name: 'Set your password' }).waitFor();
    await visitor.getByLabel('New password').fill('a long enough password');
    await visitor.getByLabel('Repeat the password').fill('a long enough password');
    await visitor.getByRole('button', { name: 'Set password' }).click();
    await visitor.getByText('The password of pat@acme.io is set.').waitFor();
    await visitor.getByRole('link', { name: 'Sign in' }).click();
    await visitor.getByRole('textbox', { name: 'Email' }).fill('pat@acme.io');
    await visitor.getByLabel(/^Password/).fill('a long enough password');
    await visitor.getByRole('button', { name: 'Sign in', exact: true }).click();
    await visitor.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    // The link was spent: it sets nothing a second time.
    const again = await server.app.inject({
      method: 'POST',
      url: '/api/session/password',
      payload: { token, password: 'another long password' },
    });
    expect(again.statusCode).toBe(401);
    await other.close();
  });

  it('shows whom the browser extension reports for, and reminds the others once a week', async () => {
    // One employee's extension reports a visit; every other current employee is not reporting.
    const [reporter] = await server.roster.database.db
      .selectFrom('employees_of_record')
      .select('email')
      .where('status', '=', 'active')
      .where('removed_at', 'is', null)
      .orderBy('email')
      .limit(1)
      .execute();
    const { token } = await issueExtensionToken(server.roster, 'test', {
      kind: 'reporting',
      email: reporter!.email,
      via: 'admin',
    });
    const reported = await server.app.inject({
      method: 'POST',
      url: '/api/extension/events',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        batchId: randomUUID(),
        events: [{ type: 'visit', domain: 'app.slack.com', at: new Date().toISOString() }],
      },
    });
    expect(reported.statusCode).toBe(202);
    const status = (
      await server.app.inject({ url: '/api/extension/status', cookies: await sessionCookie() })
    ).json();
    expect(status.peopleReporting).toBe(1);
    expect(status.notReporting.length).toBeGreaterThan(100);

    await open('/extension', 'Browser extension');
    await expect.poll(() => page.getByTestId('people-reporting').textContent()).toBe('1');
    expect(await page.getByTestId('mode-admin').textContent()).toBe('1');
    expect(await page.getByTestId('not-reporting').textContent()).toBe(
      status.notReporting.length.toLocaleString('en-US'),
    );
    const table = page.getByRole('table', { name: 'Employees not reporting' });
    expect(await table.textContent()).toContain(status.notReporting[0].email);
    expect(await table.textContent()).not.toContain(reporter!.email);
    await checkPage('extension');

    await page.getByRole('button', { name: 'Email a reminder to each' }).click();
    await expect
      .poll(() => page.getByTestId('remind-result').textContent())
      .toContain(`${status.notReporting.length} sent, 0 already reminded`);
    expect(mail.received.filter((m) => m.subject === 'Connect the Roster browser extension')).toHaveLength(
      status.notReporting.length,
    );
    // A second press within the week sends nobody anything again.
    await page.getByRole('button', { name: 'Email a reminder to each' }).click();
    await expect
      .poll(() => page.getByTestId('remind-result').textContent())
      .toContain(`0 sent, ${status.notReporting.length} already reminded`);
    expect(mail.received.filter((m) => m.subject === 'Connect the Roster browser extension')).toHaveLength(
      status.notReporting.length,
    );
    expect((await audited('extension.remind')).map((e) => e.actor)).toEqual([
      `member:${server.adminEmail}`,
      `member:${server.adminEmail}`,
    ]);
  });

  it('signs out everywhere: every session of the admin ends, on every browser', async () => {
    const other = await browser.newContext();
    const laptop = await other.newPage();
    await signIn(laptop);
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('heading', { name: 'Sign in to Roster' }).waitFor();
    await laptop.reload();
    await laptop.getByRole('heading', { name: 'Sign in to Roster' }).waitFor();
    expect((await audited('session.sign-out-everywhere')).map((e) => e.actor)).toEqual([
      `member:${server.adminEmail}`,
    ]);
    await other.close();
  });

  it('raised no page error and no content-security-policy violation', () => {
    expect(pageErrors).toEqual([]);
  });
});
