import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offboardingCandidates } from '../../src/modules/offboarding/offboarding-candidates.js';
import { dayOf } from '../../src/modules/offboarding/offboarding-person.js';
import { evaluateMatchesWorkflows } from '../../src/modules/workflows/evaluate-workflows.js';
import { workflowActions } from '../../src/modules/workflows/workflow-actions.js';
import { runQueuedWorkflowRuns } from '../../src/modules/workflows/workflow-runner.js';
import { saveWorkflow } from '../../src/modules/workflows/workflows.service.js';
import { seriousViolations } from './support/axe.js';
import { hasChromium, installHint, launchChromium } from './support/chromium.js';
import { ensureConsoleBuilt } from './support/console-build.js';
import { type DemoServer, startDemoServer } from './support/demo-server.js';

const screenshots = join(process.cwd(), 'test-output', 'screenshots');
if (!hasChromium) console.warn(`Skipping the console's end-to-end tests. ${installHint}`);

describe.skipIf(!hasChromium)('building, testing and running a workflow in the console', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const name = 'Offboard one leaver';
  // A past employee of the demo with accounts: the workflow's condition names them alone.
  let leaver: string;

  const expectAccessible = async (what: string) => {
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page), `axe on ${what}`).toEqual([]);
  };
  const shot = (file: string) => page.screenshot({ path: join(screenshots, `${file}.png`), fullPage: true });
  const workflowRow = () =>
    page.getByRole('table', { name: 'workflows' }).getByRole('row').filter({ hasText: name });

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    ensureConsoleBuilt();
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    const candidates = await offboardingCandidates(server.roster.database.db, dayOf(new Date()));
    leaver = candidates[0]?.primaryEmail ?? '';
    expect(leaver, 'a demo leaver').not.toBe('');
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

  it('builds a workflow from the published schema, shows the API errors by path, and saves it', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Workflows' }).click();
    await page.getByRole('heading', { level: 1, name: 'Workflows' }).waitFor();
    await page.getByText('No workflows yet.').waitFor();
    await page.getByRole('link', { name: 'New workflow' }).click();
    await page.getByRole('heading', { level: 1, name: 'New workflow' }).waitFor();

    await page.getByRole('textbox', { name: 'Name' }).fill(name);
    await page.getByRole('combobox', { name: 'Trigger type' }).selectOption('matches');
    await page.getByRole('combobox', { name: 'entity' }).selectOption('person');
    await page.getByRole('button', { name: 'Add condition' }).click();
    const condition = page.getByRole('group', { name: 'Condition all[0]' });
    await condition.getByRole('combobox', { name: 'Field' }).selectOption('person.email');
    await condition.getByRole('combobox', { name: 'Operator' }).selectOption('equals');
    await condition.getByRole('textbox', { name: 'Value' }).fill(leaver);
    // An OR group nested inside the AND: the leaver is past, or their status is empty.
    await page.getByRole('button', { name: 'Add group' }).click();
    const group = page.getByRole('group', { name: 'Group all[1]' });
    await group.getByRole('button', { name: 'Add condition' }).click();
    const nested = group.getByRole('group', { name: 'Condition all[1].any[0]' });
    await nested.getByRole('combobox', { name: 'Field' }).selectOption('person.status');
    await nested.getByRole('textbox', { name: 'Value' }).fill('past');

    // No action yet: the API refuses the document and names the path.
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'The workflow was not saved' })
      .getByText(/^actions/)
      .waitFor();

    await page.getByRole('combobox', { name: 'Action type' }).selectOption('offboarding.start');
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByRole('group', { name: 'Action 1: offboarding.start' }).waitFor();
    // The JSON view shows the same document the form builds.
    const json = JSON.parse(await page.getByRole('textbox', { name: 'Workflow document JSON' }).inputValue());
    expect(json).toMatchObject({
      name,
      trigger: { type: 'matches', entity: 'person' },
      conditions: {
        all: [
          { field: 'person.email', op: 'equals', value: leaver },
          { any: [{ field: 'person.status', op: 'equals', value: 'past' }] },
        ],
      },
      actions: [{ type: 'offboarding.start' }],
    });
    await expectAccessible('the workflow builder');
    await shot('workflow-builder');

    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('tab', { name: 'Test' }).waitFor();
    const saved = await server.roster.database.db
      .selectFrom('workflows')
      .select(['enabled', 'version'])
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ enabled: false, version: 1 });
  });

  it('previews who matches and what each action would do, doing nothing', async () => {
    await page.getByRole('tab', { name: 'Test' }).click();
    await page.getByRole('button', { name: 'Test the saved workflow' }).click();
    const matches = page.getByRole('table', { name: 'test matches' });
    const row = matches.getByRole('row').filter({ hasText: leaver });
    await row.getByText(`Start the offboarding of ${leaver}`).waitFor();
    await page.getByText('1 match now').waitFor();
    expect(await server.roster.database.db.selectFrom('offboardings').select('id').execute()).toEqual([]);
    await expectAccessible('the test preview');
    await shot('workflow-test');
  });

  it('is enabled from the list, runs, and shows the run in its log and the list', async () => {
    await page.getByRole('link', { name: '← Workflows' }).click();
    await workflowRow().waitFor();
    await workflowRow()
      .getByRole('switch', { name: `${name} enabled` })
      .click();
    await workflowRow().getByText('Enabled', { exact: true }).waitFor();
    const { enabled } = await server.roster.database.db
      .selectFrom('workflows')
      .select('enabled')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    expect(enabled).toBe(true);

    // What the job worker does after a sync (it does not run beside this test's server).
    expect(await evaluateMatchesWorkflows(server.roster, 'e2e-sync')).toBeGreaterThan(0);
    expect(
      await runQueuedWorkflowRuns(server.roster, {
        actionsFor: (actor) => workflowActions(server.roster, actor),
      }),
    ).toBe(1);

    await page.reload();
    await workflowRow().getByText('succeeded').waitFor();
    await workflowRow().getByRole('link', { name }).click();
    await page.getByRole('tab', { name: 'Run log' }).click();
    const run = page
      .getByRole('table', { name: 'workflow runs' })
      .getByRole('row')
      .filter({ hasText: leaver });
    await run.getByText('matches', { exact: true }).waitFor();
    await run.getByText('succeeded').first().waitFor();
    await run.getByText(/offboarding\.start/).waitFor();
    await expectAccessible('the run log');
    await shot('workflow-runs');
  });

  it('retries a failed run from its log', async () => {
    // Offboarding fired for an app has no person to offboard: the run fails, and can be retried.
    const { name: app } = await server.roster.database.db
      .selectFrom('apps')
      .select('name')
      .orderBy('name')
      .limit(1)
      .executeTakeFirstOrThrow();
    const failing = 'Offboard an app';
    await saveWorkflow(
      server.roster,
      'e2e',
      {
        name: failing,
        enabled: true,
        trigger: { type: 'matches', entity: 'app' },
        conditions: { all: [{ field: 'app.name', op: 'equals', value: app }] },
        actions: [{ type: 'offboarding.start' }],
      },
      'create',
      { actions: workflowActions(server.roster) },
    );
    await evaluateMatchesWorkflows(server.roster, 'e2e-sync-2');
    await runQueuedWorkflowRuns(server.roster, {
      actionsFor: (actor) => workflowActions(server.roster, actor),
    });
    const { id, status } = await server.roster.database.db
      .selectFrom('workflow_runs')
      .innerJoin('workflows', 'workflows.id', 'workflow_runs.workflow_id')
      .select(['workflow_runs.id', 'workflow_runs.status'])
      .where('workflows.name', '=', failing)
      .executeTakeFirstOrThrow();
    expect(status).toBe('failed');

    await page.goto(`${server.baseUrl}/workflows/${encodeURIComponent(failing)}?tab=runs`);
    const run = page.getByRole('table', { name: 'workflow runs' }).getByRole('row').filter({ hasText: app });
    await run.getByText('This workflow has no person to offboard').first().waitFor();
    await run.getByRole('button', { name: `Retry run ${id}` }).click();
    await run.getByText('queued', { exact: true }).waitFor();
    const retried = await server.roster.database.db
      .selectFrom('workflow_runs')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(retried.status).toBe('queued');
    expect(pageErrors).toEqual([]);
  });
});
