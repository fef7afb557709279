import type { Command } from 'commander';
import { invalidInput } from '../../lib/errors.js';
import { explainWhats } from '../../modules/explain/explain-whats.js';
import { type InactiveReason, inactiveReasonCodes } from '../../modules/licenses/inactive-reasons.js';
import { explainClient } from '../clients/explain-client.js';
import { type InactiveQuery, licensesClient } from '../clients/licenses-client.js';
import { withClientReadOnly } from '../context.js';
import { printTable } from '../output.js';

export function registerLicenseCommands(program: Command) {
  const licenses = program
    .command('licenses')
    .description('Licenses: who holds which, and which are inactive and why');
  licenses
    .command('inactive')
    .description('Inactive licenses with their reason')
    .option('--app <app>', 'one app')
    .option('--license-type <name>', 'one license type')
    .option('--reason <code>', `one of ${inactiveReasonCodes.join(', ')}`)
    .option('--user <email>', 'a holder (any of their emails)')
    .option('--json', 'print JSON (one object with items)')
    .option('--csv', 'print CSV (streamed; cells safe from spreadsheet formulas)')
    .action(async (options) => {
      const json = Boolean(options.json);
      await withClientReadOnly(json, licensesClient, async (client) => {
        if (options.reason && !inactiveReasonCodes.includes(options.reason)) {
          throw invalidInput(`Unknown reason "${options.reason}"`, [
            { field: 'reason', message: `must be one of ${inactiveReasonCodes.join(', ')}` },
          ]);
        }
        const query: InactiveQuery = {
          ...(options.app ? { app: options.app } : {}),
          ...(options.licenseType ? { licenseType: options.licenseType } : {}),
          ...(options.reason ? { reason: options.reason as InactiveReason } : {}),
          ...(options.user ? { user: options.user } : {}),
        };
        if (options.csv) {
          await client.inactiveCsv(query, process.stdout);
          return 0;
        }
        const items = await client.inactive(query);
        if (json) process.stdout.write(`${JSON.stringify({ items }, null, 2)}\n`);
        else
          printTable(items as never, [
            'user',
            'email',
            'app',
            'licenseType',
            'lastUsedAt',
            'usageSource',
            'reason',
          ]);
        return 0;
      });
    });

  program
    .command('explain <what> [subject]')
    .description(
      `Why a figure is what it is (${explainWhats.join(', ')}); the subject is an app, or an email for offboarding figures`,
    )
    .option('--json', 'print JSON')
    .action(async (what: string, app: string | undefined, options) => {
      const json = Boolean(options.json);
      await withClientReadOnly(json, explainClient, async (client) => {
        const explanation = await client.explain(what, app);
        if (json) process.stdout.write(`${JSON.stringify(explanation, null, 2)}\n`);
        else {
          const figure = Object.entries(explanation.figure)
            .map(([k, v]) => `${k} ${v ?? 'unknown'}`)
            .join(', ');
          process.stdout.write(
            `${explanation.what}${explanation.subject ? ` of ${explanation.subject}` : ''}: ${figure}\n${explanation.computation}\n`,
          );
          for (const cause of explanation.causes) process.stdout.write(`- ${cause.text}\n`);
          for (const step of explanation.toImprove) process.stdout.write(`To improve: ${step}\n`);
        }
        return 0;
      });
    });
}
