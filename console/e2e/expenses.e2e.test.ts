import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertExpenseLines, insertExpenseSource } from '../../test/support/expense-figures-lines.js';
import { seriousViolations } from './support/axe.js';
import { hasChromium, installHint, launchChromium } from './support/chromium.js';
import { ensureConsoleBuilt } from './support/console-build.js';
import { type DemoServer, startDemoServer } from './support/demo-server.js';

const screenshots = join(process.cwd(), 'test-output', 'screenshots');
if (!hasChromium) console.warn(`Skipping the console's end-to-end tests. ${installHint}`);

describe.skipIf(!hasChromium)('expenses in the console', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    ensureConsoleBuilt();
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    await server.roster.database.db.updateTable('organisation_settings').set({ currency: 'EUR' }).execute();
    const card = await insertExpenseSource(server.roster, 'Amex card');
    // In the organisation's currency, so that a rule or an exclusion deriving the lines again keeps them converted.
    await insertExpenseLines(server.roster, [
      {
        source: card,
        date: '2026-01-10',
        amount: 1200,
        currency: 'EUR',
        vendor: 'E2E SPEND APP 0042',
        app: 'E2E Spend App',
      },
      {
        source: card,
        date: '2026-02-10',
        amount: 800,
        currency: 'EUR',
        vendor: 'E2E SPEND APP 0042',
        app: 'E2E Spend App',
      },
      {
        source: card,
        date: '2026-03-10',
        amount: 25_000,
        currency: 'EUR',
        vendor: 'DATADOG INC NEW YORK NY',
      },
    ]);
    const corporate = await insertExpenseSource(server.roster, 'Corporate card');
    await insertExpenseLines(server.roster, [
      {
        source: corporate,
        date: '2026-03-12',
        amount: 500,
        currency: 'EUR',
        vendor: 'CITY GYM',
        account: 'Card 9999',
      },
    ]);
    // The accounts API answers for the kinds that import expense lines.
    await server.roster.database.db
      .updateTable('sources')
      .set({ kind: 'expense-csv' })
      .where('id', 'in', [card, corporate])
      .execute();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(await server.signInLink());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the total in euros, spend per app and the unmatched line with the rule that would catch it', async () => {
    await page.getByRole('link', { name: /Spend a year/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Expenses' }).waitFor();
    expect(await page.getByTestId('expenses-Total').textContent()).toBe('€27,500');
    await page.getByRole('cell', { name: 'DATADOG INC NEW YORK NY', exact: true }).waitFor();
    expect(await page.getByText('vendor equals "DATADOG INC NEW YORK NY"').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Download all lines (CSV)' }).getAttribute('href')).toBe(
      '/api/v1/expenses/lines.csv',
    );
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page), 'axe on Expenses').toEqual([]);
    await page.screenshot({ path: join(screenshots, 'expenses.png'), fullPage: true });
  });

  it("opens an app's spend month by month", async () => {
    await page.getByRole('link', { name: 'E2E Spend App' }).click();
    await page.getByRole('heading', { level: 1, name: 'E2E Spend App' }).waitFor();
    await page.getByRole('cell', { name: '2026-02' }).waitFor();
    expect(await page.getByText(/€2,000 in 2 lines/).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('tests a rule written from an unmatched line, then saves it: the line moves to its app', async () => {
    await page.getByRole('link', { name: 'Expenses', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Expenses' }).waitFor();
    await page.getByRole('cell', { name: 'DATADOG INC NEW YORK NY', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Write this rule for DATADOG INC NEW YORK NY' }).click();
    const form = page.getByRole('form', { name: 'Add a rule' });
    expect(await form.getByLabel('Value').inputValue()).toBe('DATADOG INC NEW YORK NY');
    expect(await form.getByLabel('Operator').inputValue()).toBe('equals');
    await form.getByRole('combobox', { name: 'App' }).fill('Datadog');
    // Nothing is saved before the rule is tested.
    expect(await form.getByRole('button', { name: 'Save rule' }).isDisabled()).toBe(true);
    await form.getByRole('button', { name: 'Test rule' }).click();
    const test = page.getByTestId('rule-test');
    await test.waitFor();
    // The test re-runs matching over the history: without the rule, the catalog's alias would catch it.
    expect(await page.getByTestId('rule-test-takes').textContent()).toContain(
      '1 line (€25,000) from automatic matching on “Datadog” (on Datadog): DATADOG INC NEW YORK NY',
    );
    expect(await page.getByRole('cell', { name: 'DATADOG INC NEW YORK NY', exact: true }).count()).toBe(1);
    await test.screenshot({ path: join(screenshots, 'expenses-rule-test.png') });
    await form.getByRole('button', { name: 'Save rule' }).click();
    await page
      .getByRole('cell', { name: 'DATADOG INC NEW YORK NY', exact: true })
      .waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Datadog', exact: true }).waitFor();
    const rules = page.getByRole('table', { name: 'Expense rules' });
    expect(await rules.getByRole('row').nth(1).textContent()).toContain('1 line, €25,000');
    expect(pageErrors).toEqual([]);
  });

  it('excludes an account: its lines count in no figure', async () => {
    const accounts = page.getByRole('table', { name: 'Accounts of Corporate card' });
    await accounts.getByRole('button', { name: 'Exclude account Card 9999' }).click();
    await accounts.getByText('Excluded: counts in no figure').waitFor();
    await expect.poll(() => page.getByTestId('expenses-Total').textContent()).toBe('€27,000');
    await accounts.getByRole('button', { name: 'Include account Card 9999' }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('imports an expense file: a rejected one names its rows and changes nothing, a good one adds its lines', async () => {
    const form = page.getByRole('form', { name: 'Import an expense file' });
    await form.getByRole('textbox', { name: /^Source/ }).fill('Uploaded card');
    await form.getByLabel('Preset').selectOption('amex');
    await form.getByRole('textbox', { name: /^Currency/ }).fill('eur');
    await form.getByLabel('Count items').selectOption('main');
    const amex = 'Date,Description,Card Member,Account #,Amount\n';
    await form.getByLabel('Expense file (CSV or XLSX)').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `${amex}01/02/2026,FIGMA,ANN LEE,-41007,100\n13/45/2026,ZOOM.US,BOB RAY,-52001,5\n`,
      ),
    });
    await form.getByRole('button', { name: 'Import expenses' }).click();
    const rejected = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
    await rejected.waitFor();
    expect(await rejected.textContent()).toContain(
      'Row 3, Date: "13/45/2026" is not a date like 01/31/2026 (MM/DD/YYYY)',
    );
    await page.screenshot({ path: join(screenshots, 'expenses-upload-rejected.png'), fullPage: true });
    expect(await page.getByRole('table', { name: 'Accounts of Uploaded card' }).count()).toBe(0);
    expect(await page.getByTestId('expenses-Total').textContent()).toBe('€27,000');

    await form.getByLabel('Expense file (CSV or XLSX)').setInputFiles({
      name: 'january.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `${amex}01/02/2026,FIGMA,ANN LEE,-41007,100\n01/03/2026,ZOOM.US,BOB RAY,-52001,50\n`,
      ),
    });
    await form.getByRole('button', { name: 'Import expenses' }).click();
    const imported = page.getByRole('status').filter({ hasText: 'Imported into Uploaded card' });
    await imported.waitFor();
    expect(await imported.textContent()).toContain('2 line(s) added, 0 corrected, 0 already imported');
    await expect.poll(() => page.getByTestId('expenses-Total').textContent()).toBe('€27,150');
    await page.getByRole('table', { name: 'Accounts of Uploaded card' }).waitFor();
    expect(await page.getByText('Counts main items').count()).toBe(1);
    expect(await seriousViolations(page), 'axe on the expense upload').toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
