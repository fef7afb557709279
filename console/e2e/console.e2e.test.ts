import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOneTimeToken, ensureMember } from '../../src/modules/auth/auth.repo.js';
import { addSource, syncSource } from '../../src/modules/sources/sources.service.js';
import { generateDirectory } from '../../src/simulators/kit/directory.js';
import { startMicrosoftGraph } from '../../src/simulators/microsoft-graph/graph-simulator.js';
import { startOktaSimulator } from '../../src/simulators/okta/okta-simulator.js';
import { seriousViolations } from './support/axe.js';
import { hasChromium, installHint, launchChromium } from './support/chromium.js';
import { ensureConsoleBuilt } from './support/console-build.js';
import { type DemoServer, startDemoServer } from './support/demo-server.js';

const screenshots = join(process.cwd(), 'test-output', 'screenshots');
if (!hasChromium) console.warn(`Skipping the console's end-to-end tests. ${installHint}`);

/** Splits one CSV line as Roster writes it (quoted fields with doubled quotes). */
const cells = (line: string) =>
  [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
    .slice(0, -1)
    .map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));

describe.skipIf(!hasChromium)('the console against the demo organisation', () => {
  let server: DemoServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  const shot = (name: string) => page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  const go = async (path: string, heading: string | RegExp) => {
    await page.goto(`${server.baseUrl}${path}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  };
  const expectAccessible = async (name: string) => {
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  };

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    ensureConsoleBuilt();
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // A content-security-policy violation shows up as a console error.
    page.on(
      'console',
      (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && pageErrors.push(m.text()),
    );
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the sign-in page to strangers and signs the admin in with a one-time link', async () => {
    await page.goto(`${server.baseUrl}/apps`);
    await page.getByRole('heading', { name: 'Sign in to Roster' }).waitFor();
    await expectAccessible('sign-in');
    await shot('sign-in');
    // Opening the link shows its page (link previews cannot use it); its button signs in.
    await page.goto(await server.signInLink());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await expect(page.getByText(server.adminEmail)).toBeTruthy();
    const apps = await server.app.inject({ url: '/api/overview', cookies: await sessionCookie() });
    const figure = page.getByRole('link', { name: /Apps: open the list/ });
    expect(await figure.textContent()).toBe(String(apps.json().apps));
    await page.getByText('License use per app').waitFor();
    await expectAccessible('overview');
    await shot('overview');
  });

  async function sessionCookie() {
    const cookie = (await context.cookies()).find((c) => c.name === 'roster_session');
    return { roster_session: cookie!.value };
  }

  it('opens an app, its tabs, and its inactive licenses', async () => {
    await go('/apps', 'Apps');
    await page.getByRole('searchbox', { name: 'Search apps' }).fill('Slack');
    await page.getByRole('link', { name: 'Slack', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Slack' }).waitFor();
    await page.getByRole('table', { name: 'Slack accounts' }).waitFor();
    expect(
      await page.getByRole('table', { name: 'Slack accounts' }).getByRole('row').count(),
    ).toBeGreaterThan(10);
    // One row per account, with the sources that saw it; a row opens on each source's observation.
    const accounts = page.getByRole('table', { name: 'Slack accounts' });
    await accounts.getByRole('columnheader', { name: 'Seen by' }).waitFor();
    expect(await accounts.getByRole('columnheader', { name: 'Reported by' }).count()).toBe(0);
    const open = accounts.getByRole('button', { name: /^Show what each source saw for / }).first();
    await open.click();
    expect(await open.getAttribute('aria-expanded')).toBe('true');
    const observations = page.getByRole('table', { name: /^What each source saw for / });
    await observations.waitFor();
    await observations.getByRole('columnheader', { name: 'Sees the app' }).waitFor();
    expect(await observations.locator('tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible('app users');
    await shot('app-users');
    // The header's figures are the API's, and the Users tab has exactly as many rows as users.
    const api = (
      await server.app.inject({ url: '/api/apps/Slack?limit=1', cookies: await sessionCookie() })
    ).json();
    const grouped = (n: number) => n.toLocaleString('en-GB');
    await page.getByText(`${grouped(api.users)} users`, { exact: true }).waitFor();
    await page.getByText(`${grouped(api.activeAccounts)} active accounts`, { exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('200');
    let rows = 0;
    for (let from = 1; ; from += 200) {
      const to = Math.min(from + 199, api.users);
      await page.getByText(`${grouped(from)}–${grouped(to)} of ${grouped(api.users)} accounts`).waitFor();
      // The previous page stays on screen while this one loads: wait for this page's rows.
      const onPage = accounts.getByRole('button', { name: /^Show what each source saw for / });
      await expect.poll(() => onPage.count(), { timeout: 15_000 }).toBe(to - from + 1);
      rows += await onPage.count();
      const next = page.getByRole('button', { name: 'Next' });
      if (await next.isDisabled()) break;
      await next.click();
    }
    expect(rows).toBe(api.users);
    await page.getByRole('tab', { name: 'Licenses' }).click();
    await page.getByRole('table', { name: 'Slack license types' }).waitFor();
    await expectAccessible('app licenses');
    await page.getByRole('tab', { name: 'Sources' }).click();
    await page.getByRole('table', { name: 'Sources of Slack' }).waitFor();
    await expectAccessible('app sources');
    await page.getByRole('tab', { name: 'Why these numbers' }).click();
    await page.getByTestId('explanation-app-users').waitFor();
    await expectAccessible('app explanation');
    await shot('app-why');
    await page.getByRole('link', { name: /inactive licenses$/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Inactive licenses' }).waitFor();
    const table = page.getByRole('table', { name: 'inactive licenses' });
    await table.waitFor();
    const apps = await table.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(apps.length).toBeGreaterThan(0);
    expect(new Set(apps)).toEqual(new Set(['Slack']));
    await expectAccessible('inactive licenses');
    await shot('inactive-licenses');
  });

  it('sorts the apps on the server: twice on Users puts the app with the most users first', async () => {
    // The next test starts where the previous one ended: come back to it afterwards.
    const previous = page.url();
    await go('/apps', 'Apps');
    const table = page.getByRole('table', { name: 'apps' });
    await table.locator('tbody tr').first().waitFor();
    const users = table.getByRole('columnheader', { name: /^Users/ });
    await users.getByRole('button').click();
    await expect.poll(() => users.getAttribute('aria-sort')).toBe('ascending');
    // The order comes from the server, not from reordering the rows already on screen.
    const sortedOnServer = page.waitForResponse(
      (r) => r.url().includes('/api/v1/apps?') && new URL(r.url()).searchParams.get('sort') === '-users',
    );
    await users.getByRole('button').click();
    await sortedOnServer;
    const response = await page.request.get(`${server.baseUrl}/api/apps?sort=-users&limit=1`);
    expect(response.status()).toBe(200);
    const top = ((await response.json()) as { items: { name: string }[] }).items[0]!;
    await expect
      .poll(() => table.locator('tbody tr').first().locator('td').first().textContent())
      .toBe(top.name);
    expect(await users.getAttribute('aria-sort')).toBe('descending');
    expect(await table.locator('th[aria-sort]').count()).toBe(1);
    await page.goto(previous);
    await page.getByRole('heading', { level: 1 }).waitFor();
  });

  it('downloads the inactive licenses as CSV, with the rows the API lists', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(cells(csv[0]!)).toEqual([
      'user',
      'email',
      'app',
      'licenseType',
      'lastUsedAt',
      'usageSource',
      'usageStale',
      'reason',
      'reasonText',
    ]);
    const listed = await server.app.inject({
      url: '/api/licenses/inactive?app=Slack&limit=1000',
      cookies: await sessionCookie(),
    });
    const items: { email: string; reason: string }[] = listed.json().items;
    const rows = csv.slice(1).map(cells);
    expect(rows).toHaveLength(items.length);
    expect(rows.every((r) => r[2] === 'Slack')).toBe(true);
    expect(rows.map((r) => `${r[1]} ${r[7]}`).sort()).toEqual(
      items.map((i) => `${i.email} ${i.reason}`).sort(),
    );
  });

  it('imports a CSV with its own headers after a mapping preview', async () => {
    // An active employee whose HR record lists a personal address: once an app shows that address in
    // use, Merge Users can merge it into the employee.
    const employee = await server.roster.database.db
      .selectFrom('employees')
      .select(['email', 'personal_email'])
      .where('status', '=', 'active')
      .where('personal_email', 'is not', null)
      .orderBy('email')
      .executeTakeFirstOrThrow();
    const alias = { primary_email: employee.email, value: employee.personal_email! };
    await go('/integrations/new', 'Add a source');
    await page.getByRole('textbox', { name: /^App/ }).fill('Side Projects <b>Board</b>');
    await page.getByLabel('CSV file').setInputFiles({
      name: 'side-projects.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `Email Address,Full Name,Plan\n${alias.value},Personal Address,Pro\nkit@acme.example,Kit,Pro\n`,
      ),
    });
    const preview = page.getByRole('table', { name: /Preview of the first rows/ });
    await preview.waitFor();
    expect(await preview.textContent()).toContain(alias.value);
    expect(await page.getByLabel('Email (required)').inputValue()).toBe('Email Address');
    await page.getByLabel('License types').selectOption('Plan');
    await expectAccessible('add source');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('2 added').waitFor();
    await shot('csv-import-ok');
    // Text from sources is text: the markup in the app's name is shown, never run.
    await go('/apps', 'Apps');
    await page.getByRole('searchbox', { name: 'Search apps' }).fill('Side Projects');
    await page.getByRole('link', { name: 'Side Projects <b>Board</b>' }).waitFor();
    expect(await page.locator('main b').count()).toBe(0);
    (globalThis as { alias?: typeof alias }).alias = alias;
  });

  it('rejects a CSV with a bad row, naming the row, and shows its source as needing attention', async () => {
    await go('/integrations/new', 'Add a source');
    await page.getByRole('textbox', { name: /^App/ }).fill('Broken Export');
    await page.getByLabel('CSV file').setInputFiles({
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('email,name\nann@acme.example,Ann\nnot-an-email,Bad Row\n'),
    });
    await page.getByRole('button', { name: 'Import' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Row 3/);
    await shot('csv-import-error');
    await go('/integrations', 'Integrations');
    const attention = page.getByTestId('needs-attention');
    await attention.waitFor();
    expect(await attention.textContent()).toContain('Broken Export');
    // The demo's Okta, whose token was revoked after its first sync, with Okta's own error.
    expect(await attention.textContent()).toContain('Okta');
    expect(await attention.textContent()).toContain('Invalid token provided');
    await expectAccessible('integrations');
    await shot('integrations-needs-attention');
  });

  it('holds an upload that would empty an app, and an editor confirms it on Integrations', async () => {
    const upload = async (content: string) => {
      await go('/integrations/new', 'Add a source');
      await page.getByRole('textbox', { name: /^App/ }).fill('Held Export');
      await page.getByLabel('CSV file').setInputFiles({
        name: 'held.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(content),
      });
      await page.getByRole('button', { name: 'Import' }).click();
    };
    const people = Array.from({ length: 12 }, (_, i) => `held${i}@acme.example,Held ${i}`);
    await upload(['email,name', ...people].join('\n'));
    await page.getByText('12 added').waitFor();
    expect(await page.getByTestId('csv-replaces-notice').textContent()).toContain(
      'An upload replaces the app’s list',
    );

    await upload('email,name\n');
    await page.getByText('Held for confirmation: Held Export (CSV)').waitFor();
    await go('/integrations', 'Integrations');
    const attention = page.getByTestId('needs-attention');
    await attention.getByText('12 removals held for confirmation').waitFor();
    await expectAccessible('integrations with a held sync');
    await shot('integrations-held-sync');
    const confirm = page.getByRole('button', { name: 'Confirm 12 removals' });
    await confirm.click();
    await confirm.waitFor({ state: 'detached' });
    const source = await server.app.inject({
      url: `/api/sources/${encodeURIComponent('Held Export (CSV)')}`,
      cookies: await sessionCookie(),
    });
    expect(source.json()).toMatchObject({ heldRemovals: null, lastRunStatus: 'succeeded' });
  });

  it('runs Merge Users: preview, enable, find a person by an alias, revoke', async () => {
    const { alias } = globalThis as unknown as { alias: { primary_email: string; value: string } };
    await go('/settings/merge-users', 'Merge Users');
    await page.getByLabel(/^personal_email/).check();
    await page.getByRole('button', { name: 'Preview changes' }).click();
    const report = page.getByTestId('merge-report');
    await report.waitFor();
    expect(await report.getByRole('table', { name: 'Proposed merges' }).textContent()).toContain(alias.value);
    await page.getByLabel('Email me this report').check();
    await expectAccessible('merge preview');
    await shot('merge-preview');
    await page.getByRole('button', { name: 'Enable Merge Users' }).click();
    await page.getByTestId('merge-enabled').waitFor();
    await expectAccessible('merge enabled');
    // No mail server in this test: the report could not be sent, and the console says so.
    await page.getByText(/The report (was emailed|could not be emailed)/).waitFor();
    await shot('merge-enabled');

    await go('/people', 'People');
    await page.getByRole('searchbox', { name: 'Search people' }).fill(alias.value);
    const people = page.getByRole('table', { name: 'people' });
    // The search runs once typing pauses: wait for the list to narrow to the one person.
    await expect.poll(() => people.locator('tbody tr').count(), { timeout: 15_000 }).toBe(1);
    await people.getByText(`also ${alias.value}`).waitFor();
    expect(await people.textContent()).toContain(alias.primary_email);
    await people.getByRole('link', { name: alias.primary_email }).click();
    await page.getByText('primary', { exact: true }).waitFor();
    expect(await page.getByText(alias.value).count()).toBeGreaterThan(0);
    // The person's apps count as the People list counts them: distinct apps of the accounts not removed.
    const listed = await server.app.inject({
      url: `/api/users?search=${encodeURIComponent(alias.primary_email)}`,
      cookies: await sessionCookie(),
    });
    const summary = listed
      .json()
      .items.find((u: { email: string; apps: number }) => u.email === alias.primary_email);
    await page.getByRole('heading', { level: 2, name: `Apps (${summary.apps})`, exact: true }).waitFor();
    const apps = page.getByRole('table', { name: 'Apps', exact: true });
    await apps.getByRole('columnheader', { name: 'Seen by' }).waitFor();
    // The extra fields the demo's BambooHR syncs are shown with the person's HR record.
    const record = await server.roster.database.db
      .selectFrom('employees')
      .select('attributes')
      .where('email', '=', alias.primary_email)
      .executeTakeFirstOrThrow();
    const { jobTitle } = record.attributes as { jobTitle: string };
    const attributes = page.getByRole('table', { name: 'Employee attributes' });
    expect(await attributes.getByRole('row', { name: /jobTitle/ }).textContent()).toBe(`jobTitle${jobTitle}`);
    await expectAccessible('person');
    await shot('person-merged');

    await go('/settings/merge-users', 'Merge Users');
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByTestId('merge-report').waitFor();
    await page.getByRole('button', { name: 'Revoke Merge Users' }).click();
    await page.getByRole('button', { name: 'Preview changes' }).waitFor();
    await go('/people', 'People');
    await page.getByRole('searchbox', { name: 'Search people' }).fill(alias.value);
    await expect.poll(() => people.locator('tbody tr').count(), { timeout: 15_000 }).toBe(1);
    await people.getByRole('link', { name: alias.value }).waitFor();
    expect(await people.textContent()).not.toContain(alias.primary_email);
  });

  it('adds an Okta source through the form drawn from its settings schema, with messages next to their fields', async () => {
    await go('/integrations/new?way=connector', 'Add a source');
    await page.getByLabel('Kind').selectOption({ label: 'Okta' });
    await page.getByRole('textbox', { name: /^Name/ }).fill('Okta (second org)');
    // Okta takes an API token or an OAuth service app: the form offers the schema's titled alternatives.
    await page.getByText('OAuth service app', { exact: true }).click();
    await page.getByLabel(/^Private key/).waitFor();
    await page.getByText('API token (SSWS)', { exact: true }).click();
    const token = page.getByLabel(/^API token( \*)?$/);
    expect(await token.getAttribute('type')).toBe('password');
    await token.fill('00a-okta-api-token-from-the-form');
    await page.getByRole('button', { name: 'Advanced settings' }).click();
    await page.getByRole('group', { name: 'HTTP tuning' }).waitFor();
    await expectAccessible('add source: the Okta form');
    await shot('connector-okta-form');

    // A required field left empty is named where it is.
    const oktaUrl = page.getByRole('textbox', { name: /^Okta URL/ });
    const wrapperOf = (field: typeof oktaUrl) =>
      field.locator('xpath=ancestor::div[contains(@class, "InputWrapper-root")][1]');
    await page.getByRole('button', { name: 'Add source' }).click();
    await expect.poll(() => oktaUrl.getAttribute('aria-invalid')).toBe('true');
    expect(await wrapperOf(oktaUrl).textContent()).toContain('is required');
    // The server's own rule (https only) comes back next to the field too.
    await oktaUrl.fill('http://acme-two.okta.com');
    await page.getByRole('button', { name: 'Add source' }).click();
    await wrapperOf(oktaUrl).getByText('must be an https:// URL').waitFor();
    await shot('connector-okta-error');

    await oktaUrl.fill('https://acme-two.okta.com');
    await page.getByRole('button', { name: 'Add source' }).click();
    await page.getByRole('status').filter({ hasText: 'Okta (second org) added' }).waitFor();
    // The token went to the server once and is not kept in the form.
    const secrets = page.locator('input[type=password]');
    expect(await secrets.count()).toBe(1);
    expect(await secrets.inputValue()).toBe('');
    const sources = await server.app.inject({ url: '/api/sources', cookies: await sessionCookie() });
    const added = sources.json().items.find((s: { name: string }) => s.name === 'Okta (second org)');
    expect(added).toMatchObject({
      kind: 'okta',
      hasCredentials: true,
      config: { baseUrl: 'https://acme-two.okta.com' },
    });
    expect(sources.body).not.toContain('00a-okta-api-token-from-the-form');

    await go('/integrations', 'Integrations');
    await page
      .getByRole('table', { name: 'Sources' })
      .getByText('Okta (second org)', { exact: true })
      .waitFor();
  });

  it('shows the employee source of truth, lets the admin choose it, and what a provider could not give', async () => {
    // The demo's providers give everything they can, so a tenant without Entra ID P1/P2 is added: Microsoft
    // Graph refuses its sign-in activity, and the source reports usage as unavailable with Graph's reason.
    const entra = await startMicrosoftGraph({
      directory: generateDirectory({ people: 6, seed: 7, now: new Date() }),
      premium: false,
      retryAfterSeconds: 0,
    });
    try {
      const created = await addSource(server.roster, 'e2e', {
        kind: entra.kind,
        name: 'Entra ID (no P1)',
        config: entra.source.config,
        credentials: entra.source.credentials,
      });
      expect((await syncSource(server.roster, 'e2e', created.id)).status).toBe('succeeded');
    } finally {
      await entra.close();
    }
    const cookies = await sessionCookie();
    const sources: { name: string; unavailable: { capability: string; reason: string }[] }[] = (
      await server.app.inject({ url: '/api/sources', cookies })
    ).json().items;
    const reported = sources.filter((s) => s.unavailable.length > 0);
    expect(reported.map((s) => s.name)).toEqual(['Entra ID (no P1)']);
    const reason = reported[0]!.unavailable.find((u) => u.capability === 'lastUsed')!.reason;
    expect(reason).toContain('P1 or P2');

    await go('/integrations', 'Integrations');
    const table = page.getByRole('table', { name: 'Sources' });
    const row = table.getByRole('row').filter({ hasText: 'Entra ID (no P1)' });
    expect(await row.getByTestId('unavailable').textContent()).toBe(`Usage unavailable: ${reason}`);
    // Only the source that reported a gap shows one.
    expect(await table.getByTestId('unavailable').count()).toBe(1);

    const truth = (await server.app.inject({ url: '/api/employees/source', cookies })).json();
    const card = page.getByTestId('employee-source');
    await card.getByText(truth.explanation).waitFor();
    for (const source of truth.effective) expect(await card.textContent()).toContain(source.name);
    await expectAccessible('integrations with the employee source');
    await shot('integrations-employee-source');

    // The admin chooses the demo's Entra ID, then returns to the default rule.
    const choice = card.getByLabel('Employee source');
    await choice.selectOption({ label: 'Microsoft Entra ID' });
    await card.getByRole('button', { name: 'Save' }).click();
    await card.getByText('Chosen by an admin').waitFor();
    const chosen = (await server.app.inject({ url: '/api/employees/source', cookies })).json();
    expect(chosen).toMatchObject({ rule: 'chosen', chosen: { name: 'Microsoft Entra ID' } });
    await choice.selectOption({ value: '' });
    await card.getByRole('button', { name: 'Save' }).click();
    await card.getByText(truth.explanation).waitFor();
    expect((await server.app.inject({ url: '/api/employees/source', cookies })).json().rule).toBe(truth.rule);
  });

  it('creates a custom integration whose token, shown once, pushes a snapshot', async () => {
    await go('/integrations/new', 'Add a source');
    await page.getByRole('tab', { name: 'Custom integration' }).click();
    await page.getByRole('textbox', { name: /^App/ }).fill('Warehouse Scanner');
    await page.getByRole('button', { name: 'Create the app and its token' }).click();
    const shown = page.getByRole('alert').filter({ hasText: 'shown only once' });
    await shown.waitFor();
    await expectAccessible('add source: custom integration');
    const token = (await shown.locator('pre').first().textContent())!.trim();
    expect(token.length).toBeGreaterThan(20);
    // The script the admin would write: the token, not the console's session, authenticates it.
    const pushed = await fetch(`${server.baseUrl}/api/imports/custom?app=Warehouse%20Scanner`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        users: [{ email: 'kit@acme.example', status: 'active', licenseTypes: ['Scanner'] }],
      }),
    });
    expect(pushed.status, await pushed.clone().text()).toBe(200);
    // It pushes, and that is all it does.
    const read = await fetch(`${server.baseUrl}/api/apps`, { headers: { authorization: `Bearer ${token}` } });
    expect(read.status).toBe(403);
    await go('/integrations', 'Integrations');
    await page.getByRole('table', { name: 'Sources' }).getByText('app: Warehouse Scanner').waitFor();
  });

  it('follows a sync started elsewhere while it runs, page by page, without a reload', async () => {
    // The real engine, as the job worker or another server runs it, paused before its second page of users.
    const okta = await startOktaSimulator({
      directory: generateDirectory({ people: 45, now: new Date() }),
      pageSize: 10,
      faults: { holdPages: [2] },
    });
    try {
      await addSource(server.roster, 'e2e', {
        kind: okta.kind,
        name: 'Okta (live)',
        config: { ...okta.source.config, http: { timeoutMs: 120_000, baseDelayMs: 1, maxDelayMs: 50 } },
        credentials: okta.source.credentials,
      });
      const sync = syncSource(server.roster, 'schedule', 'Okta (live)');
      await okta.faults.whenHeld();
      await go('/integrations', 'Integrations');
      const row = page.getByRole('table', { name: 'Sources' }).getByRole('row', { name: /^Okta \(live\)/ });
      const running = row.getByText(/^running: [1-9][\d,]* pages? · [1-9][\d,]* records so far$/);
      await running.waitFor();
      // What the console shows is what the run's row says while the page is held.
      const cookies = await sessionCookie();
      const run = (
        await server.app.inject({ url: '/api/sync-runs?source=Okta%20(live)&limit=1', cookies })
      ).json().items[0];
      expect(run.status).toBe('running');
      expect(await running.textContent()).toBe(`running: ${run.pages} pages · ${run.records} records so far`);
      okta.faults.release();
      expect((await sync).status).toBe('succeeded');
      await row.getByText(/^succeeded: /).waitFor();
    } finally {
      await okta.close();
    }
  });

  it('offers a read-only member no action the API would refuse them', async () => {
    const member = await ensureMember(server.roster, 'e2e', 'auditor@acme.example', 'read-only');
    const readOnly = await browser.newContext();
    try {
      const auditor = await readOnly.newPage();
      await auditor.goto(
        `${server.baseUrl}/auth/link?token=${await createOneTimeToken(server.roster, 'sign_in', member.id)}`,
      );
      await auditor.getByRole('button', { name: 'Sign in' }).click();
      await auditor.waitForURL(`${server.baseUrl}/`);
      await auditor.goto(`${server.baseUrl}/integrations`);
      // Wait for the sources' rows, not only the table, so the absent buttons are not merely unloaded.
      await auditor.getByRole('table', { name: 'Sources' }).getByRole('row').nth(1).waitFor();
      expect(await auditor.getByText('read-only', { exact: false }).count()).toBeGreaterThan(0);
      expect(await auditor.getByRole('link', { name: 'Add a source' }).count()).toBe(0);
      expect(await auditor.getByRole('button', { name: /^Sync/ }).count()).toBe(0);
      // The address typed by hand says why there is no form.
      await auditor.goto(`${server.baseUrl}/integrations/new`);
      await auditor.getByText('Only editors and admins add sources').waitFor();
      expect(await auditor.getByRole('button', { name: 'Import' }).count()).toBe(0);
      // The admin sees both.
      await go('/integrations', 'Integrations');
      // The heading paints before the sources arrive: wait for the table's first button.
      await page.getByRole('button', { name: /^Sync/ }).first().waitFor();
      expect(await page.getByRole('link', { name: 'Add a source' }).count()).toBe(1);
    } finally {
      await readOnly.close();
    }
  });

  it('raised no page error and no content-security-policy violation', () => {
    expect(pageErrors).toEqual([]);
  });
});
