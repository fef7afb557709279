import type { Command } from 'commander';
import { invalidInput } from '../../lib/errors.js';
import type { MergeReport } from '../../modules/merge/merge.service.js';
import { mergeClient } from '../clients/merge-client.js';
import { withClient, withClientReadOnly } from '../context.js';
import { printJson } from '../output.js';

async function printReport(report: MergeReport, json: boolean) {
  if (json) printJson(report);
  else
    process.stdout.write((await import('../../modules/merge/merge-report-text.js')).mergeReportText(report));
}

/** Pairs each --source with the --fields that follows it. */
function pairSources(argv: string[]): { source: string; fields: string[] }[] {
  const pairs: { source: string; fields: string[] }[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--source') pairs.push({ source: argv[++i] ?? '', fields: [] });
    else if (argv[i] === '--fields') {
      const last = pairs[pairs.length - 1];
      if (!last)
        throw invalidInput('--fields must follow a --source', [
          { field: 'fields', message: 'name the source first' },
        ]);
      last.fields.push(...(argv[++i] ?? '').split(','));
    }
  }
  return pairs;
}

export function registerMergeCommands(program: Command) {
  const merge = program
    .command('merge')
    .description('Merge Users: one person per human, from identity-provider aliases');
  merge
    .command('configure')
    .description(
      'Choose alias sources: --source NAME --fields a,b (repeat per source); shows the report, applies nothing',
    )
    .requiredOption('--source <name>', 'an identity or HR source')
    .requiredOption(
      '--fields <list>',
      'its alias fields: proxyAddresses, otherMails, emails, secondEmail, login, personal_email',
    )
    .option('--json', 'print JSON')
    .allowExcessArguments(false)
    .action(async (options) => {
      const json = Boolean(options.json);
      await withClient(json, mergeClient, async (client) => {
        await printReport(await client.configure(pairSources(process.argv)), json);
        return 0;
      });
    });
  merge
    .command('preview')
    .description('The full changes report of the configured alias sources')
    .option('--email-to <address>', 'also email the report (needs ROSTER_SMTP_URL)')
    .option('--json', 'print JSON')
    .action(async (options) => {
      const json = Boolean(options.json);
      await withClientReadOnly(json, mergeClient, async (client) => {
        const report = await client.preview();
        if (options.emailTo) await client.emailReport(String(options.emailTo));
        await printReport(report, json);
        return 0;
      });
    });
  for (const [name, run, description] of [
    ['apply', 'apply', 'Turn Merge Users on with the configured alias sources'],
    ['revoke', 'revoke', 'Turn Merge Users off; every user is restored exactly'],
  ] as const) {
    merge
      .command(name)
      .description(description)
      .option('--json', 'print JSON')
      .action(async (options) => {
        const json = Boolean(options.json);
        await withClient(json, mergeClient, async (client) => {
          const result = await client[run]();
          if (json) printJson(result);
          else process.stdout.write(`${result.message}\n`);
          return 0;
        });
      });
  }
}
