import { networkInterfaces } from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { createOneTimeToken, ensureMember } from '../../src/modules/auth/auth.repo.js';
import { openTestRoster, type TestRoster } from '../../test/support/test-roster.js';
import { hasChromium, launchChromium } from './support/chromium.js';
import { ensureConsoleBuilt } from './support/console-build.js';

/**
 * The address another machine on the network would use: a browser treats loopback as secure, so only a
 * non-loopback address shows what an admin opening `http://roster-host:8080/` from their laptop sees.
 */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;
if (hasChromium && !lanAddress)
  console.warn('Skipping the plain-http console test: this machine has no non-loopback IPv4 address.');

describe.skipIf(!hasChromium || !lanAddress)('the console over plain http from another machine', () => {
  let roster: TestRoster;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureConsoleBuilt();
    roster = await openTestRoster('pglite');
    app = await buildServer(roster, { logger: false });
    await app.listen({ port: 0, host: '0.0.0.0' });
    const address = app.server.address();
    baseUrl = `http://${lanAddress}:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // A content-security-policy violation (a script asked for over https) shows up as a console error.
    page.on(
      'console',
      (m) =>
        m.type() === 'error' &&
        /Content Security Policy|ERR_|Cross-Origin-Opener-Policy/i.test(m.text()) &&
        pageErrors.push(m.text()),
    );
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await roster?.close();
  });

  it('renders the sign-in page and, after signing in, the overview', async () => {
    const member = await ensureMember(roster, 'test', 'admin@acme.io', 'admin');
    await page.goto(`${baseUrl}/apps`);
    await page.getByRole('heading', { name: 'Sign in to Roster' }).waitFor({ timeout: 30_000 });
    await page.goto(`${baseUrl}/auth/link?token=${await createOneTimeToken(roster, 'sign_in', member.id)}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).protocol).toBe('http:');
    expect(pageErrors).toEqual([]);
  });
});
