import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium; ROSTER_CHROMIUM points elsewhere. playwright-core downloads no browser of its own. */
export const chromiumPath = process.env.ROSTER_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const installHint = `The console's end-to-end tests need Chromium at ${chromiumPath}: install it with \`apt-get install -y chromium\` (or set ROSTER_CHROMIUM).`;

/**
 * The locale of every page the tests open: the console writes dates in the viewer's locale, and the tests read
 * English text ("Mar 5, 2026"), whatever the machine running them prefers.
 */
export const testLocale = 'en-US';

export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Every context and page the tests open gets the test locale unless a test asks for another one.
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ locale: testLocale, ...options });
  browser.newPage = (options = {}) => newPage({ locale: testLocale, ...options });
  return browser;
}
