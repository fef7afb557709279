import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealedContexts } from '../../src/lib/secret-box.js';
import { addSource, syncSource } from '../../src/modules/sources/sources.service.js';
import { generateDirectory } from '../../src/simulators/kit/directory.js';
import type { RunningProvider } from '../../src/simulators/kit/simulated-provider.js';
import { startMicrosoftGraph } from '../../src/simulators/microsoft-graph/graph-simulator.js';
import { seriousViolations } from './support/axe.js';
import { hasChromium, installHint, launchChromium } from './support/chromium.js';
import { ensureConsoleBuilt } from './support/console-build.js';
import { type DemoServer, startDemoServer } from './support/demo-server.js';

const screenshots = join(process.cwd(), 'test-output', 'screenshots');
if (!hasChromium) console.warn(`Skipping the console's end-to-end tests. ${installHint}`);

describe.skipIf(!hasChromium)("editing a source's settings and credentials in the console", () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  let entra: RunningProvider;
  let sourceId: number;
  const pageErrors: string[] = [];
  const expiresAt = new Date(Math.floor((Date.now() + 20 * 86_400_000) / 1000) * 1000);

  const storedSecret = async () => {
    const row = await server.roster.database.db
      .selectFrom('sources')
      .select(['name', 'credentials_encrypted'])
      .where('id', '=', sourceId)
      .executeTakeFirstOrThrow();
    const credentials = JSON.parse(
      server.roster.secrets.open(row.credentials_encrypted ?? '', sealedContexts.sourceCredentials(sourceId)),
    );
    return { name: row.name, credentials };
  };

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    ensureConsoleBuilt();
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    // A tenant whose client secret runs out in 20 days: the sync records it and the source warns.
    entra = await startMicrosoftGraph({
      directory: generateDirectory({ people: 6, seed: 11, now: new Date() }),
      clientSecretExpiresAt: expiresAt,
      retryAfterSeconds: 0,
    });
    const created = await addSource(server.roster, 'e2e', {
      kind: entra.kind,
      name: 'Entra ID (expiring)',
      config: { ...entra.source.config, discoverApps: false },
      credentials: entra.source.credentials,
    });
    sourceId = created.id;
    expect((await syncSource(server.roster, 'e2e', created.id)).status).toBe('succeeded');
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
    await entra?.close();
    await server?.close();
  });

  it('warns of the expiring secret, then edits the source from its schema, keeping a secret left empty', async () => {
    await page.goto(`${server.baseUrl}/integrations`);
    await page.getByRole('heading', { level: 1, name: 'Integrations' }).waitFor();
    const warning = `Client secret expires on ${expiresAt.toISOString().slice(0, 10)}: create a new one in Entra and update the source`;
    await page.getByTestId('needs-attention').getByText(warning).waitFor();

    await page
      .getByRole('table', { name: 'Sources' })
      .getByRole('button', { name: 'Edit Entra ID (expiring)' })
      .click();
    // Found by role alone: its title follows the source's name, which the test changes.
    const dialog = page.getByRole('dialog');
    const tenant = dialog.getByRole('textbox', { name: /^Directory \(tenant\) ID/ });
    // The form starts from what is stored; the secret is never sent to the browser, so it starts empty.
    expect(await tenant.inputValue()).toBe(entra.source.config.tenantId);
    const secret = dialog.locator('input[type=password]');
    expect(await secret.inputValue()).toBe('');
    expect(await secret.getAttribute('placeholder')).toBe('Leave empty to keep the stored value');
    expect(await page.content()).not.toContain(String(entra.source.credentials?.clientSecret));
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page), 'axe on the edit form').toEqual([]);
    await page.screenshot({ path: join(screenshots, 'integrations-edit-source.png'), fullPage: true });

    // The server's message comes back next to the field, and nothing is changed.
    await tenant.fill('not a tenant!');
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Entra ID (renewed)');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    const tenantWrapper = tenant.locator('xpath=ancestor::div[contains(@class, "InputWrapper-root")][1]');
    await tenantWrapper.getByText('must be a directory (tenant) ID or a domain of the tenant').waitFor();
    expect(await storedSecret()).toEqual({
      name: 'Entra ID (expiring)',
      credentials: entra.source.credentials,
    });

    // Renamed with the secret left empty: the stored secret stays.
    await tenant.fill(String(entra.source.config.tenantId));
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Entra ID (renewed) saved' }).waitFor();
    expect(await storedSecret()).toEqual({
      name: 'Entra ID (renewed)',
      credentials: entra.source.credentials,
    });

    // A new secret replaces it, is not kept in the form, and the audit log names the field only.
    await secret.fill('a-new-client-secret-value');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(async () => (await storedSecret()).credentials)
      .toEqual({
        clientSecret: 'a-new-client-secret-value',
      });
    await expect.poll(() => secret.inputValue()).toBe('');
    const audit = await server.roster.database.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'source.update')
      .where('target_id', '=', String(sourceId))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.after)).toEqual([
      { name: 'Entra ID (renewed)', changed: ['name'] },
      { credentials: { clientSecret: 'changed' }, changed: ['credentials.clientSecret'] },
    ]);
    expect(JSON.stringify(audit)).not.toContain('a-new-client-secret-value');
  });

  it('raised no page error and no content-security-policy violation', () => {
    expect(pageErrors).toEqual([]);
  });
});
