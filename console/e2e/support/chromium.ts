import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium; ROSTER_CHROMIUM points elsewhere. playwright-core downloads no browser of its own. */
export const chromiumPath = process.env.ROSTER_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const installHint = `The console's end-to-end tests need Chromium at ${chromiumPath}: install it with \`apt-get install -y chromium\` (or set ROSTER_CHROMIUM).`;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}
