import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { createOneTimeToken } from '../../src/modules/auth/auth.repo.js';
import { markLicenseStatesStale } from '../../src/modules/licenses/license-store.js';
import { seedDirectAccounts } from '../../test/support/seed-accounts.js';
import { openTestRoster, type TestRoster } from '../../test/support/test-roster.js';
import { seriousViolations } from './support/axe.js';
import { hasChromium, launchChromium } from './support/chromium.js';
import { ensureConsoleBuilt } from './support/console-build.js';

const LARGE = 10_000;

/**
 * 10,000 apps, 10,000 people each holding a suspended, licensed account in one of them: 10,000 inactive
 * licenses.
 */
async function seedLargeOrganisation(roster: TestRoster) {
  const { db } = roster.database;
  await sql`update organisation_settings set domains = '{large.example}' where id = 1`.execute(db);
  const source = await db
    .insertInto('sources')
    .values({ kind: 'csv', name: 'Large export', config: '{}', last_success_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`insert into apps (name) select 'Large App ' || lpad(a::text, 5, '0') from generate_series(0, ${LARGE - 1}) a`.execute(
    db,
  );
  await sql`insert into users (email, domain) select 'person' || lpad(u::text, 5, '0') || '@large.example', 'large.example' from generate_series(0, ${LARGE - 1}) u`.execute(
    db,
  );
  // Person i holds an account in app i: every app has one user, every person one app.
  // The export reports use, so Roster knows these licenses are inactive rather than of unknown use.
  await seedDirectAccounts(
    db,
    source.id,
    sql`select a.id as app_id, u.id as user_id, 'suspended'::text as status, 'Person ' || substr(u.email, 7, 5) as name,
               null::timestamptz as removed_at, now() - interval '200 days' as last_used_at
        from users u join apps a on substr(a.name, 11) = substr(u.email, 7, 5)`,
  );
  await sql`insert into license_types (app_id, source_id, name, purchased)
            select id, ${source.id}, 'Standard', 1 from apps`.execute(db);
  await sql`insert into account_licenses (account_id, license_type_id, assigned_at)
            select ac.id, lt.id, now() - interval '400 days'
            from accounts ac join license_types lt on lt.app_id = ac.app_id`.execute(db);
  await markLicenseStatesStale(db, 'all');
  await roster.database.afterLargeChange();
}

/**
 * An identity source listing, for each of the 10,000 people, an otherMails alias that is in use in an app:
 * Merge Users proposes 10,000 merges.
 */
async function seedAliases(roster: TestRoster) {
  const { db } = roster.database;
  const entra = await db
    .insertInto('sources')
    .values({ kind: 'microsoft-entra', name: 'Entra ID', config: '{}', last_success_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`insert into users (email, domain)
            select 'alias' || substr(email, 7, 5) || '@elsewhere.example', 'elsewhere.example'
            from users where email like 'person%'`.execute(db);
  await seedDirectAccounts(
    db,
    entra.id,
    sql`select (select min(id) from apps) as app_id, id as user_id, 'active'::text as status, null::text as name,
               null::timestamptz as removed_at, null::timestamptz as last_used_at
        from users where email like 'alias%'`,
  );
  await sql`insert into identity_aliases (source_id, primary_email, field, value)
            select ${entra.id}, email, 'otherMails', 'alias' || substr(email, 7, 5) || '@elsewhere.example'
            from users where email like 'person%'`.execute(db);
  await roster.database.afterLargeChange();
  return entra.id;
}

describe.skipIf(!hasChromium)('every list of the console: empty, loading, failing and 10,000 rows', () => {
  let roster: TestRoster;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  /** Items in each list response the browser received: no list may be downloaded whole. */
  const listed: { url: string; items: number }[] = [];

  const heading = (name: string) => page.getByRole('heading', { level: 1, name }).waitFor();

  beforeAll(async () => {
    ensureConsoleBuilt();
    [roster, browser] = await Promise.all([openTestRoster('pglite'), launchChromium()]);
    app = await buildServer(roster, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    page.on('response', async (response: Response) => {
      if (!/\/api\/v1\/(apps|users|licenses\/inactive)\?/.test(response.url())) return;
      const body = (await response.json().catch(() => null)) as { items?: unknown[] } | null;
      if (body?.items) listed.push({ url: response.url(), items: body.items.length });
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await roster?.close();
  });

  const expectAccessible = async (name: string) => {
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  };

  it('sets up the first admin with the setup token a new installation prints', async () => {
    const token = await createOneTimeToken(roster, 'setup', null);
    await page.goto(`${baseUrl}/setup?token=${encodeURIComponent(token)}`);
    await page.getByRole('heading', { name: 'Set up Roster' }).waitFor();
    expect(await page.getByLabel('Setup token').inputValue()).toBe(token);
    await expectAccessible('setup');
    await page.getByLabel('Admin email').fill('admin@large.example');
    await page.getByRole('button', { name: 'Create the first admin' }).click();
    await heading('Overview');
    await page.getByText('admin@large.example · admin').waitFor();
    await expectAccessible('overview of an empty organisation');
    // The token made one admin; it cannot make another.
    const again = await page.request.post(`${baseUrl}/api/setup`, {
      data: { token, email: 'intruder@large.example' },
      headers: { 'x-roster-request': 'console' },
    });
    expect(again.status()).toBeGreaterThanOrEqual(400);
  });

  it('says what would fill each list while the organisation is empty', async () => {
    const empty = page.getByTestId('empty-state');
    await page.goto(`${baseUrl}/apps`);
    await expect.poll(() => empty.textContent()).toMatch(/No apps yet/);
    await expectAccessible('apps, empty');
    await page.goto(`${baseUrl}/people`);
    await expect.poll(() => empty.textContent()).toMatch(/No users yet/);
    await expectAccessible('people, empty');
    await page.goto(`${baseUrl}/licenses`);
    await expect.poll(() => empty.textContent()).toMatch(/No inactive licenses/);
    await page.goto(`${baseUrl}/integrations`);
    await expect.poll(() => empty.textContent()).toMatch(/No sources yet/);
    await expectAccessible('integrations, empty');
  });

  it('shows a loader while a list loads, then the error the API answered', async () => {
    let answer: () => void = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    // The browser's network layer holds the request, then answers as a failing server would.
    await page.route('**/api/v1/apps?*', async (route) => {
      await answered;
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'unavailable', message: 'The database is not reachable' } }),
      });
    });
    try {
      await page.goto(`${baseUrl}/apps`);
      await page.getByLabel('Loading apps').waitFor();
      answer();
      const alert = page.getByRole('alert').filter({ hasText: 'Could not load apps' });
      // The console retries a failing server twice before it shows the error.
      await alert.waitFor();
      expect(await alert.textContent()).toContain('The database is not reachable');
    } finally {
      await page.unroute('**/api/v1/apps?*');
    }
  });

  it('pages through 10,000 apps, people and inactive licenses, one page at a time', async () => {
    await seedLargeOrganisation(roster);
    listed.length = 0;

    await page.goto(`${baseUrl}/people`);
    await heading('People');
    await page.getByText(`1–50 of ${LARGE.toLocaleString('en')} people`).waitFor();
    const people = page.getByRole('table', { name: 'people' }).locator('tbody tr');
    expect(await people.count()).toBe(50);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText(`51–100 of ${LARGE.toLocaleString('en')} people`).waitFor();
    expect(await people.first().textContent()).toContain('person00050@large.example');
    await expectAccessible('people, 10,000');

    await page.goto(`${baseUrl}/apps`);
    await heading('Apps');
    const apps = page.getByRole('table', { name: 'apps' }).locator('tbody tr');
    await apps.first().waitFor();
    expect(await apps.count()).toBe(50);
    await expectAccessible('apps, 10,000');
    await page.getByLabel('Search apps').fill('Large App 09999');
    await expect.poll(() => apps.count()).toBe(1);

    await page.goto(`${baseUrl}/licenses`);
    await heading('Inactive licenses');
    const licenses = page.getByRole('table', { name: 'inactive licenses' }).locator('tbody tr');
    await licenses.first().waitFor();
    expect(await licenses.count()).toBe(50);
    await page.getByLabel('Rows per page').selectOption('200');
    await expect.poll(() => licenses.count()).toBe(200);

    expect(listed.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...listed.map((l) => l.items))).toBeLessThanOrEqual(200);
  });

  it('shows a Merge Users report of 10,000 merges one page at a time', async () => {
    await seedAliases(roster);
    await page.goto(`${baseUrl}/settings/merge-users`);
    await heading('Merge Users');
    await page.getByLabel(/^otherMails/).check();
    await page.getByRole('button', { name: 'Preview changes' }).click();
    const report = page.getByTestId('merge-report');
    await report
      .getByText(`1–50 of ${LARGE.toLocaleString('en')} proposed merges`)
      .waitFor({ timeout: 60_000 });
    const merges = report.getByRole('table', { name: 'Proposed merges' }).locator('tbody tr');
    expect(await merges.count()).toBe(50);
    expect(await merges.first().textContent()).toContain('alias00000@elsewhere.example');
    await report.getByRole('button', { name: 'Next' }).first().click();
    await report.getByText(`51–100 of ${LARGE.toLocaleString('en')} proposed merges`).waitFor();
    expect(await merges.first().textContent()).toContain('alias00050@elsewhere.example');
  });
});
