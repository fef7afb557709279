import type { Command } from 'commander';
import { invalidInput } from '../../lib/errors.js';
import type { OffboardingView } from '../../modules/offboarding/offboarding-read.js';
import { offboardingClient } from '../clients/offboarding-client.js';
import { withClient, withClientReadOnly } from '../context.js';
import { exitCodes } from '../exit-codes.js';
import { parseJsonOption } from '../json-option.js';
import { printJson, printTable } from '../output.js';

function printOffboarding(view: OffboardingView, json: boolean) {
  if (json) return printJson(view);
  const completion =
    view.status === 'completed'
      ? `completed ${view.completedAt} by ${view.completedBy} (${view.completedHow === 'manual' ? 'marked done' : 'the last task finished automatically'})`
      : 'in progress';
  process.stdout.write(`Offboarding of ${view.primaryEmail} (${view.emails.join(', ')}): ${completion}\n`);
  if (view.forced) process.stdout.write(`Forced by ${view.forced.by}: ${view.forced.reason}\n`);
  printTable(
    view.tasks.map((t) => ({ ...t, note: t.note ?? t.action })),
    ['app', 'instance', 'email', 'accountStatus', 'method', 'status', 'doneBy', 'note'],
  );
}

/** Shows an offboarding whose tasks Roster just acted on; exit 9 when a task failed. */
function showActedOn(view: OffboardingView, json: boolean): number {
  printOffboarding(view, json);
  return view.counts.failed > 0 ? exitCodes.tasksFailed : exitCodes.ok;
}

export function registerOffboardingCommands(program: Command) {
  const offboarding = program
    .command('offboarding')
    .description("Offboarding: remove a leaver's every account, in every app");
  offboarding
    .command('candidates')
    .description('People who became past in the employee source of truth and are not offboarded yet')
    .option('--json', 'print JSON')
    .action(async (options) => {
      const json = Boolean(options.json);
      await withClientReadOnly(json, offboardingClient, async (client) => {
        const items = await client.candidates();
        if (json) printJson(items);
        else
          printTable(items as unknown as Record<string, unknown>[], [
            'primaryEmail',
            'reason',
            'accounts',
            'activeAccounts',
          ]);
        return 0;
      });
    });
  offboarding
    .command('start <email>')
    .description(
      'Start offboarding a person (any of their emails): every account of every email, active, suspended and deleted',
    )
    .option('--dry-run', 'list the tasks and every request automatic ones would make; change nothing')
    .option(
      '--force-reason <text>',
      'run automatic actions although the employee source says the person is current',
    )
    .option('--json', 'print JSON')
    .action(async (email: string, options) => {
      const json = Boolean(options.json);
      await withClient(json, offboardingClient, async (client) => {
        const started = await client.start({
          email,
          dryRun: Boolean(options.dryRun),
          ...(options.forceReason !== undefined ? { force: { reason: String(options.forceReason) } } : {}),
        });
        if (!('dryRun' in started)) return showActedOn(started, json);
        if (json) printJson(started);
        else {
          process.stdout.write(
            `Dry run: nothing was changed. Offboarding ${started.primaryEmail} would list:\n`,
          );
          if (started.current)
            process.stdout.write(
              `${started.current.email} is a current employee in ${started.current.source}: automatic actions would wait (--force-reason to run them)\n`,
            );
          printTable(
            started.tasks.map((t) => ({ ...t, calls: t.calls.map((c) => `${c.method} ${c.url}`) })),
            ['app', 'instance', 'email', 'accountStatus', 'method', 'action', 'calls'],
          );
        }
        return 0;
      });
    });
  offboarding
    .command('show <email>')
    .description("A person's offboarding: each task with its method, status, and who did it when")
    .option('--json', 'print JSON')
    .action(async (email: string, options) => {
      const json = Boolean(options.json);
      await withClientReadOnly(json, offboardingClient, async (client) => {
        printOffboarding(await client.show(email), json);
        return 0;
      });
    });
  offboarding
    .command('task <email> <action>')
    .description('Mark one task done, or retry a failed one: task <email> --app <app> done|retry')
    .requiredOption('--app <app>', 'the app of the task')
    .option('--instance <instance>', 'the instance, when the person has accounts in several')
    .option('--account <email>', "which of the person's emails, when several have an account in the app")
    .option('--json', 'print JSON')
    .action(async (email: string, action: string, options) => {
      const json = Boolean(options.json);
      await withClient(json, offboardingClient, async (client) => {
        const ref = {
          app: String(options.app),
          ...(options.instance ? { instance: String(options.instance) } : {}),
          ...(options.account ? { email: String(options.account) } : {}),
        };
        if (action === 'done') {
          printOffboarding(await client.markTaskDone(email, ref), json);
          return 0;
        }
        if (action === 'retry') return showActedOn(await client.retryTask(email, ref), json);
        throw invalidInput(`Unknown task action "${action}"`, [
          { field: 'action', message: 'must be done or retry' },
        ]);
      });
    });
  for (const [name, act, description] of [
    ['complete', 'complete', 'Mark the offboarding done (tasks that finish later are still recorded)'],
    ['reopen', 'reopen', 'Re-open a completed offboarding'],
  ] as const)
    offboarding
      .command(`${name} <email>`)
      .description(description)
      .option('--json', 'print JSON')
      .action(async (email: string, options) => {
        const json = Boolean(options.json);
        await withClient(json, offboardingClient, async (client) => {
          printOffboarding(await client[act](email), json);
          return 0;
        });
      });
  offboarding
    .command('drift')
    .description("Accounts active again after their person's offboarding completed (needs attention)")
    .option('--json', 'print JSON')
    .action(async (options) => {
      const json = Boolean(options.json);
      await withClientReadOnly(json, offboardingClient, async (client) => {
        const items = await client.drift();
        if (json) printJson(items);
        else
          printTable(items as unknown as Record<string, unknown>[], [
            'primaryEmail',
            'app',
            'instance',
            'email',
            'source',
            'detectedAt',
          ]);
        return 0;
      });
    });
  offboarding
    .command('method <app> <method>')
    .description(
      "Set how an app's accounts are offboarded: automatic, ticket, notify-owner, manual or ignore",
    )
    .option('--instance <instance>', 'only this instance of the app (its source, or unmanaged)')
    .option('--config <json>', "the method's settings as JSON")
    .option('--credentials <json>', 'the ticket method\'s Jira account as JSON: {"email": …, "apiToken": …}')
    .option('--json', 'print JSON')
    .action(async (app: string, method: string, options) => {
      const json = Boolean(options.json);
      await withClient(json, offboardingClient, async (client) => {
        const config = parseJsonOption(options.config, 'config');
        const credentials = parseJsonOption(options.credentials, 'credentials');
        const set = await client.setMethod({
          app,
          method,
          ...(options.instance ? { instance: String(options.instance) } : {}),
          ...(config !== undefined ? { config } : {}),
          ...(credentials !== undefined ? { credentials } : {}),
        });
        if (json) printJson(set);
        else process.stdout.write(`${set.app}${set.instance ? ` (${set.instance})` : ''}: ${set.method}\n`);
        return 0;
      });
    });
}
