import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldExtensionActivity } from '../../src/modules/extension/fold-activity.js';
import { eventually } from '../support/eventually.js';
import { lanes } from '../support/test-roster.js';
import { type AppSites, startAppSites } from './support/app-sites.js';
import {
  applyManagedSettings,
  buildExtension,
  canWritePolicy,
  type ExtensionBrowser,
  extensionId,
  hasBrowser,
  launchWithExtension,
  policyDir,
  removeManagedSettings,
} from './support/extension-browser.js';
import { type ExtensionRoster, startExtensionRoster, testApps } from './support/extension-roster.js';

const runnable = hasBrowser && canWritePolicy();
if (!runnable) {
  console.warn(
    `Skipping the extension's end-to-end tests: they need Chromium (/usr/bin/chromium or ROSTER_CHROMIUM) and write access to ${policyDir}, where Chromium reads the managed settings (run as root, as CI does).`,
  );
}

const person = 'ada@acme.io';

describe.skipIf(!runnable).each(lanes)('the browser extension in Chromium against Roster on %s', (lane) => {
  let sites: AppSites;
  let roster: ExtensionRoster;
  let browser: ExtensionBrowser;
  let page: Page;
  const site = (host: string, path = '/') => `http://${host}:${sites.port}${path}`;

  /** Clicks on the page's text: the person doing something on an app's page is what makes a visit. */
  async function visit(host: string, path = '/') {
    await page.goto(site(host, path));
    await page.locator('#content').click();
  }

  async function signIn(host: string, email: string) {
    await page.goto(site(host, '/login'));
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Thanks' }).waitFor();
  }

  const registeredScripts = () =>
    browser.worker.evaluate(async () =>
      (await chrome.scripting.getRegisteredContentScripts()).flatMap((script) => script.matches ?? []),
    );

  /** Visits an app and waits for the batch it makes: what the extension sent before has reached Roster too. */
  async function syncPoint() {
    const before = roster.proxy.batches.length;
    await visit('notes.test', `/?sync=${before}`);
    await eventually(
      async () => roster.proxy.batches.slice(before),
      (answers) => answers.some((a) => !a.duplicate && a.accepted > 0),
      { what: 'a later batch reaching Roster' },
    );
  }

  beforeAll(async () => {
    buildExtension();
    [sites, roster] = await Promise.all([startAppSites(), startExtensionRoster(lane)]);
    applyManagedSettings({ rosterUrl: roster.proxy.url, mode: 'authenticated', orgDomains: ['acme.io'] });
    browser = await launchWithExtension(
      [...testApps.map((a) => a.domain), 'elsewhere.test'].flatMap((d) => [
        `MAP ${d} 127.0.0.1`,
        `MAP *.${d} 127.0.0.1`,
      ]),
    );
    page = await browser.context.newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await roster?.close();
    await sites?.close();
    removeManagedSettings();
  });

  it('reads its managed settings from policy and sends nothing before its person signs in', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByText('Nothing is reported until you do').waitFor();
    await signIn('notes.test', person);
    await visit('notes.test');
    // Before sign-in the extension has no app domains, so its content script runs nowhere.
    expect(await registeredScripts()).toEqual([]);
    expect(browser.extensionRequests).toEqual([]);
    expect(roster.proxy.requests).toEqual([]);
    await popup.close();
  });

  it('signs in through Roster with an emailed link, then reports a visit and a sign-in that move last used', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const connectTab = browser.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Sign in to Roster' }).click();
    const connect = await connectTab;
    await connect.getByLabel('Work email').fill(person);
    await connect.getByRole('button', { name: 'Send the link' }).click();
    await connect.getByRole('heading', { name: 'Check your email' }).waitFor();
    const mail = await eventually(
      async () => roster.mail.find((m) => m.to === person),
      (m) => m !== undefined,
      { what: 'the connect link email' },
    );
    await connect.goto(mail!.text.match(/https?:\/\/\S+\/extension\/connect\/link\?token=\S+/)![0]);
    await connect.getByRole('button', { name: 'Connect' }).click();
    await connect.getByText(`Signed in as ${person}`).waitFor();
    // The token does not stay in the tab's address or history.
    expect(connect.url()).toBe(`chrome-extension://${extensionId}/connected.html`);
    await eventually(registeredScripts, (m) => m.includes('*://*.notes.test/*'), {
      what: 'the content script on the app domains',
    });

    await visit('notes.test');
    const [afterVisit] = await eventually(
      () => roster.activity('Acme Notes'),
      (rows) => rows.length === 1 && rows[0]!.visits === 1,
      { what: 'the visit reaching Roster' },
    );
    expect(afterVisit).toMatchObject({ email: person, signIns: 0, signUps: 0 });
    await signIn('notes.test', person);
    const [afterSignIn] = await eventually(
      () => roster.activity('Acme Notes'),
      (rows) => rows[0]?.signIns === 1,
      { what: 'the sign-in reaching Roster' },
    );
    expect(afterSignIn).toMatchObject({ email: person, visits: 1, signIns: 1, signUps: 0 });
    expect(afterSignIn!.lastUsedAt! > afterVisit!.lastUsedAt!).toBe(true);

    // The job worker's step folds the reports into the account's observation by the extension's source.
    const folded = await foldExtensionActivity(roster.roster, 'test');
    expect(folded.status, JSON.stringify(folded.error)).toBe('succeeded');
    const account = await roster.roster.database.db
      .selectFrom('account_observations as o')
      .innerJoin('users as u', 'u.id', 'o.user_id')
      .innerJoin('apps as a', 'a.id', 'o.app_id')
      .innerJoin('sources as s', 's.id', 'o.source_id')
      .select(['o.last_used_at', 's.kind'])
      .where('u.email', '=', person)
      .where('a.name', '=', 'Acme Notes')
      .execute();
    expect(account.map((o) => [o.kind, new Date(o.last_used_at!).toISOString()])).toEqual([
      ['browser-extension', afterSignIn!.lastUsedAt],
    ]);
  });

  it('marks a sign-up form as a sign-up only', async () => {
    await page.goto(site('webinars.test', '/webinar'));
    await page.getByLabel('Name').click();
    await page.getByLabel('Name').fill('Ada');
    await page.getByLabel('Work email').fill(person);
    await page.getByRole('button', { name: 'Register' }).click();
    await page.getByRole('heading', { name: 'Thanks' }).waitFor();
    await eventually(
      () => roster.activity('Webinars'),
      (rows) => rows.length > 0,
      { what: 'the sign-up reaching Roster' },
    );
    await syncPoint();
    expect(await roster.activity('Webinars')).toEqual([
      { email: person, visits: 0, signIns: 0, signUps: 1, lastUsedAt: null },
    ]);
  });

  it('ignores a sign-in with a personal address, and the app’s visits after it', async () => {
    await signIn('boards.test', 'ada.lovelace@gmail.com');
    await visit('boards.test');
    await syncPoint();
    expect(await roster.activity('Boards')).toEqual([]);
    for (const request of browser.extensionRequests) expect(request.body ?? '').not.toMatch(/boards|gmail/);
  });

  it('sends nothing about a site outside the app domains, and makes no request but Roster’s', async () => {
    await signIn('elsewhere.test', person);
    await visit('elsewhere.test');
    await syncPoint();
    const origin = new URL(roster.proxy.url).origin;
    expect(browser.extensionRequests.length).toBeGreaterThan(0);
    for (const request of browser.extensionRequests) {
      expect(new URL(request.url).origin, request.url).toBe(origin);
      expect(['GET /api/v1/extension/config', 'POST /api/v1/extension/events']).toContain(
        `${request.method} ${new URL(request.url).pathname}`,
      );
      expect(request.body ?? '').not.toMatch(/elsewhere|password|horse/);
    }
    const apps = await roster.roster.database.db
      .selectFrom('extension_activity')
      .select('app_name')
      .distinct()
      .execute();
    expect(apps.map((a) => a.app_name).sort()).toEqual(['Acme Notes', 'Webinars']);
  });

  it('sends a batch whose answer was lost again under the same id, and Roster counts it once', async () => {
    const visitsBefore = (await roster.activity('Acme Notes'))[0]!.visits;
    const before = roster.proxy.batches.length;
    roster.proxy.loseNextBatchAnswer();
    await visit('notes.test', '/?lost');
    const lost = await eventually(
      async () => roster.proxy.batches[before],
      (b) => b !== undefined,
      { what: 'the batch whose answer is lost' },
    );
    // New activity sends the batch in flight first, under its id, then the new one.
    await syncPoint();
    expect(roster.proxy.batches.filter((b) => b.batchId === lost!.batchId)).toEqual([
      { batchId: lost!.batchId, accepted: 1, duplicate: false },
      { batchId: lost!.batchId, accepted: 0, duplicate: true },
    ]);
    expect((await roster.activity('Acme Notes'))[0]!.visits).toBe(visitsBefore + 2);
  });

  it('keeps what happens while Roster is unreachable and sends it once Roster answers again', async () => {
    const visitsBefore = (await roster.activity('Acme Notes'))[0]!.visits;
    const signUpsBefore = (await roster.activity('Webinars'))[0]!.signUps;
    const pending = () =>
      browser.worker.evaluate(async () => {
        const { outbox } = (await chrome.storage.local.get('outbox')) as {
          outbox: { queue: unknown[]; pending: { batchId: string; events: unknown[] } | null };
        };
        return { batchId: outbox.pending?.batchId ?? null, queued: outbox.queue.length };
      });
    roster.proxy.setOffline(true);
    await visit('notes.test', '/?offline');
    const waiting = await eventually(pending, (p) => p.batchId !== null, {
      what: 'a batch waiting for Roster',
    });
    await page.goto(site('webinars.test', '/webinar'));
    await page.getByLabel('Work email').fill(person);
    await page.getByRole('button', { name: 'Register' }).click();
    await eventually(pending, (p) => p.queued > 0, { what: 'the sign-up queued behind it' });
    roster.proxy.setOffline(false);
    await syncPoint();
    await eventually(pending, (p) => p.batchId === null && p.queued === 0, { what: 'the queue emptied' });
    expect(roster.proxy.batches.filter((b) => b.batchId === waiting.batchId)).toEqual([
      { batchId: waiting.batchId, accepted: 1, duplicate: false },
    ]);
    expect((await roster.activity('Acme Notes'))[0]!.visits).toBe(visitsBefore + 2);
    expect((await roster.activity('Webinars'))[0]!.signUps).toBe(signUpsBefore + 1);
  });

  it('stops and forgets everything when the policy turns it off', async () => {
    applyManagedSettings({ rosterUrl: roster.proxy.url, mode: 'disabled', orgDomains: ['acme.io'] });
    // Chromium notices the changed policy file by itself and tells the extension.
    await eventually(
      () => browser.worker.evaluate(() => chrome.storage.local.get(['token'])),
      (local) => local.token === null,
      { what: 'the extension forgetting its token', timeoutMs: 120_000 },
    );
    expect(await registeredScripts()).toEqual([]);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByText('Your organisation has turned reporting off.').waitFor();
    await popup.close();
  });
});
