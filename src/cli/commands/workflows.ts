import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { invalidInput } from '../../lib/errors.js';
import { workflowsClient } from '../clients/workflows-client.js';
import { withClient, withClientReadOnly } from '../context.js';
import { exitCodes } from '../exit-codes.js';
import { printJson, printTable } from '../output.js';

async function readDocument(file: string, what = 'one workflow document'): Promise<Record<string, unknown>> {
  const text = await readFile(file, 'utf8');
  try {
    const value = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch (error) {
    throw invalidInput(`${file} is not JSON: ${(error as Error).message}`);
  }
  throw invalidInput(`${file} must hold ${what} (a JSON object)`);
}

export function registerWorkflowCommands(program: Command) {
  const workflows = program
    .command('workflows')
    .description('Workflows: a trigger, conditions and ordered actions, every run logged');
  for (const mode of ['create', 'update'] as const) {
    workflows
      .command(mode)
      .description(
        mode === 'create'
          ? 'Create a workflow from a document (see GET /api/workflows/schema)'
          : 'Save a new version of the workflow the document names',
      )
      .requiredOption('--file <path>', 'the workflow document (JSON)')
      .option('--json', 'print JSON')
      .action(async (options) => {
        const json = Boolean(options.json);
        await withClient(json, workflowsClient, async (client) => {
          const saved = await client.save(await readDocument(options.file), mode);
          if (json) printJson(saved);
          else
            process.stdout.write(
              `${saved.document.name}: version ${saved.version} saved (${saved.document.enabled ? 'enabled' : 'disabled'})\n`,
            );
          return exitCodes.ok;
        });
      });
  }
  workflows
    .command('list')
    .description('Workflows with their last run')
    .option('--json', 'print JSON')
    .action(async (options) => {
      const json = Boolean(options.json);
      await withClientReadOnly(json, workflowsClient, async (client) => {
        const items = await client.list();
        if (json) printJson(items);
        else
          printTable(
            items.map((w) => ({
              ...w,
              lastRun: w.lastRun ? `${w.lastRun.status} ${w.lastRun.at}` : '',
            })),
            ['name', 'enabled', 'version', 'trigger', 'mode', 'lastRun'],
          );
        return exitCodes.ok;
      });
    });
  for (const [name, description] of [
    ['show', 'A workflow document as saved'],
    ['export', 'A workflow document to keep in version control (secrets as "(kept)")'],
  ] as const) {
    workflows
      .command(`${name} <workflow>`)
      .description(description)
      .action(async (ref) => {
        await withClientReadOnly(true, workflowsClient, async (client) => {
          printJson(await client.show(ref));
          return exitCodes.ok;
        });
      });
  }
  for (const enabled of [true, false]) {
    workflows
      .command(`${enabled ? 'enable' : 'disable'} <workflow>`)
      .description(enabled ? 'Turn a workflow on' : 'Turn a workflow off')
      .option('--json', 'print JSON')
      .action(async (ref, options) => {
        const json = Boolean(options.json);
        await withClient(json, workflowsClient, async (client) => {
          const result = await client.setEnabled(ref, enabled);
          if (json) printJson(result);
          else process.stdout.write(`${result.name}: ${result.enabled ? 'enabled' : 'disabled'}\n`);
          return exitCodes.ok;
        });
      });
  }
  workflows
    .command('runs <workflow>')
    .description("A workflow's run log, newest first: trigger, entity, each action's requests and outcome")
    .option('--limit <n>', 'how many runs', '50')
    .option('--json', 'print JSON')
    .action(async (ref, options) => {
      const json = Boolean(options.json);
      await withClientReadOnly(json, workflowsClient, async (client) => {
        const runs = await client.runs(ref, Number(options.limit));
        if (json) printJson(runs);
        else
          printTable(
            runs.map((r) => ({
              ...r,
              trigger: String(r.trigger.type ?? ''),
              steps: r.steps.map((s) => `${s.id}:${s.status} ${s.durationMs}ms`).join(', '),
              error: r.error ?? '',
            })),
            ['id', 'status', 'createdAt', 'trigger', 'steps', 'error'],
          );
        return exitCodes.ok;
      });
    });
  workflows
    .command('test <workflow>')
    .description('Who matches now and what each action would do; nothing is sent or written')
    .option('--limit <n>', 'how many matching entities to show', '20')
    .option('--json', 'print JSON')
    .action(async (ref, options) => {
      const json = Boolean(options.json);
      await withClientReadOnly(json, workflowsClient, async (client) => {
        const preview = await client.test(ref, Number(options.limit));
        if (json) printJson(preview);
        else {
          process.stdout.write(`${preview.workflow}: ${preview.matching} matching now\n`);
          for (const item of preview.items)
            for (const action of item.actions)
              process.stdout.write(`  ${action.id} (${action.type}): ${action.summary}\n`);
        }
        return exitCodes.ok;
      });
    });
  workflows
    .command('retry <run>')
    .description('Run a failed run again from its failed action (the job worker of `roster serve` runs it)')
    .action(async (run) => {
      const id = Number(run);
      await withClient(false, workflowsClient, async (client) => {
        if (!Number.isInteger(id) || id < 1) throw invalidInput('<run> must be a run id');
        await client.retry(id);
        process.stdout.write(`Run ${id} queued\n`);
        return exitCodes.ok;
      });
    });
  registerCredentialCommands(workflows);
}

/** `roster workflows credentials set|list`: the provider credentials actions need, kept sealed. */
function registerCredentialCommands(workflows: Command) {
  const credentials = workflows
    .command('credentials')
    .description('Provider credentials of workflow actions (Slack bot token, Jira site), kept encrypted');
  credentials
    .command('set <action-type>')
    .description('Set the credentials of an action type, e.g. slack.message with {"botToken": "xoxb-…"}')
    .requiredOption('--file <path>', 'the credentials (a JSON object)')
    .option('--json', 'print JSON')
    .action(async (type, options) => {
      const json = Boolean(options.json);
      await withClient(json, workflowsClient, async (client) => {
        const state = await client.setCredentials(type, await readDocument(options.file, 'the credentials'));
        if (json) printJson(state);
        else process.stdout.write(`${state.type}: credentials set\n`);
        return exitCodes.ok;
      });
    });
  credentials
    .command('list')
    .description('The action types that take credentials and whether they are set (never the values)')
    .option('--json', 'print JSON')
    .action(async (options) => {
      const json = Boolean(options.json);
      await withClient(json, workflowsClient, async (client) => {
        const items = await client.listCredentials();
        if (json) printJson(items);
        else
          printTable(
            items.map((c) => ({ ...c, updatedBy: c.updatedBy ?? '', updatedAt: c.updatedAt ?? '' })),
            ['type', 'set', 'updatedBy', 'updatedAt'],
          );
        return exitCodes.ok;
      });
    });
}
