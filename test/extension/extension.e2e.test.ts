import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
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
import { type RosterStub, startRosterStub } from './support/roster-stub.js';

const runnable = hasBrowser && canWritePolicy();
if (!runnable) {
  console.warn(
    `Skipping the extension's end-to-end tests: they need Chromium (/usr/bin/chromium or ROSTER_CHROMIUM) and write access to ${policyDir}, where Chromium reads the managed settings (run as root, as CI does).`,
  );
}

const person = 'ada@acme.io';
const appDomains = ['notes.test', 'webinars.test', 'boards.test'];

describe.skipIf(!runnable)('the browser extension in Chromium, authenticated mode', () => {
  let sites: AppSites;
  let roster: RosterStub;
  let browser: ExtensionBrowser;
  let page: Page;
  const site = (host: string, path = '/') => `http://${host}:${sites.port}${path}`;

  /** Clicks on the page's text: the person doing something on an app's page is what makes a visit. */
  async function visit(host: string) {
    await page.goto(site(host));
    await page.locator('#content').click();
  }

  async function signIn(host: string, email: string) {
    await page.goto(site(host, '/login'));
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Thanks' }).waitFor();
  }

  const counted = (domain: string) => roster.counted.filter((e) => e.domain === domain);
  const registeredScripts = () =>
    browser.worker.evaluate(async () =>
      (await chrome.scripting.getRegisteredContentScripts()).flatMap((script) => script.matches ?? []),
    );

  /** Waits until a visit to notes.test reached Roster: events the extension sent before it have arrived too. */
  async function syncPoint() {
    const before = roster.batches.length;
    await page.reload();
    await page.locator('#content').click();
    await eventually(
      async () => roster.batches.length,
      (n) => n > before,
      { what: 'a later batch reaching Roster' },
    );
  }

  beforeAll(async () => {
    buildExtension();
    sites = await startAppSites();
    roster = await startRosterStub({
      person,
      orgDomains: ['acme.io'],
      apps: [
        { app: 'Acme Notes', domains: ['notes.test'] },
        { app: 'Webinars', domains: ['webinars.test'] },
        { app: 'Boards', domains: ['boards.test'] },
      ],
    });
    applyManagedSettings({ rosterUrl: roster.url, mode: 'authenticated', orgDomains: ['acme.io'] });
    browser = await launchWithExtension(
      [...appDomains, 'elsewhere.test'].flatMap((d) => [`MAP ${d} 127.0.0.1`, `MAP *.${d} 127.0.0.1`]),
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
    expect(roster.requests).toEqual([]);
    await popup.close();
  });

  it('signs in through Roster, then reports a visit and a sign-in that move the account’s last used', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const connectTab = browser.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Sign in to Roster' }).click();
    const connected = await connectTab;
    await connected.getByText(`Signed in as ${person}`).waitFor();
    // The token does not stay in the tab's address or history.
    expect(connected.url()).toBe(`chrome-extension://${extensionId}/connected.html`);
    await eventually(registeredScripts, (m) => m.includes('*://*.notes.test/*'), {
      what: 'the content script on the app domains',
    });

    await visit('notes.test');
    const afterVisit = await eventually(
      async () => roster.lastUsed(person, 'notes.test'),
      (at) => at !== null,
      { what: 'the visit reaching Roster' },
    );
    await signIn('notes.test', person);
    await eventually(
      async () => counted('notes.test').filter((e) => e.type === 'sign_in'),
      (signIns) => signIns.length === 1,
      { what: 'the sign-in reaching Roster' },
    );
    const signInAt = counted('notes.test').find((e) => e.type === 'sign_in')!.at;
    expect(signInAt >= afterVisit!).toBe(true);
    expect(roster.lastUsed(person, 'notes.test')).toBe(signInAt);
    expect(counted('notes.test').map((e) => [e.type, e.email])).toEqual([
      ['visit', person],
      ['sign_in', person],
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
      async () => counted('webinars.test'),
      (events) => events.length > 0,
      { what: 'the sign-up reaching Roster' },
    );
    await visit('notes.test');
    await syncPoint();
    expect(counted('webinars.test').map((e) => e.type)).toEqual(['sign_up']);
    expect(roster.lastUsed(person, 'webinars.test')).toBeNull();
  });

  it('ignores a sign-in with a personal address, and the app’s visits after it', async () => {
    await signIn('boards.test', 'ada.lovelace@gmail.com');
    await visit('boards.test');
    await visit('notes.test');
    await syncPoint();
    expect(counted('boards.test')).toEqual([]);
  });

  it('sends nothing about a site outside the app domains, and makes no request but Roster’s', async () => {
    await signIn('elsewhere.test', person);
    await visit('elsewhere.test');
    await visit('notes.test');
    await syncPoint();
    const origin = new URL(roster.url).origin;
    for (const request of browser.extensionRequests) {
      expect(new URL(request.url).origin, request.url).toBe(origin);
      expect(['GET /api/extension/config', 'POST /api/extension/events']).toContain(
        `${request.method} ${new URL(request.url).pathname}`,
      );
      expect(request.body ?? '').not.toMatch(/elsewhere|gmail|password|horse/);
    }
    expect(browser.extensionRequests.length).toBeGreaterThan(0);
    const reported = new Set(roster.counted.map((e) => e.domain));
    expect([...reported].sort()).toEqual(['notes.test', 'webinars.test']);
    // The sites themselves saw only the browser's own page loads.
    expect(
      sites.requests.every((r) => r.method === 'GET' || r.path === '/session' || r.path === '/registrations'),
    ).toBe(true);
  });

  it('sends a batch whose answer was lost again under the same id, and Roster counts it once', async () => {
    roster.loseNextAnswer();
    const before = roster.batches.length;
    await page.goto(site('notes.test', '/?lost'));
    await page.locator('#content').click();
    const lost = await eventually(
      async () => roster.batches[before],
      (b) => b !== undefined,
      { what: 'the batch whose answer is lost' },
    );
    // New activity sends the batch in flight first, under its id.
    await syncPoint();
    const sends = roster.batches.filter((b) => b.batchId === lost!.batchId);
    expect(sends).toEqual([
      { batchId: lost!.batchId, duplicate: false },
      { batchId: lost!.batchId, duplicate: true },
    ]);
    expect(roster.counted.filter((e) => e.batchId === lost!.batchId)).toHaveLength(1);
  });

  it('stops and forgets everything when the policy turns it off', async () => {
    applyManagedSettings({ rosterUrl: roster.url, mode: 'disabled', orgDomains: ['acme.io'] });
    // Chromium notices the changed policy file by itself and tells the extension.
    await eventually(
      () => browser.worker.evaluate(() => chrome.storage.local.get(['token', 'outbox'])),
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
