import type { Command } from 'commander';
import { invalidInput } from '../../lib/errors.js';
import { extensionClient } from '../clients/extension-client.js';
import { withClient, withClientReadOnly } from '../context.js';
import { printJson, printTable } from '../output.js';

export function registerExtensionCommands(program: Command) {
  const extension = program.command('extension').description('The browser extension: its tokens');
  extension
    .command('token')
    .description(
      'Issue an extension token for one person (testing, or a reporter of your own), or with --enrollment the token managed browsers enroll with (unauthenticated mode)',
    )
    .argument('[email]', 'the person it reports for (an address in the organisation’s domains)')
    .option('--enrollment', 'an enrollment token, for the extension’s managed storage (enrollmentToken)')
    .option('--json', 'print JSON')
    .action(async (email: string | undefined, options: { enrollment?: boolean; json?: boolean }) => {
      const json = Boolean(options.json);
      await withClient(json, extensionClient, async (client) => {
        if (Boolean(email) === Boolean(options.enrollment))
          throw invalidInput('Give either an email or --enrollment', [
            { field: 'email', message: 'give an email, or --enrollment without one' },
          ]);
        const issued = await client.issueToken(email ? { email } : { enrollment: true });
        if (json) printJson(issued);
        else
          process.stdout.write(
            `${issued.token}\n(shown once: store it now; ${issued.email ? `reports for ${issued.email}` : 'enrollment token'}, id ${issued.id})\n`,
          );
        return 0;
      });
    });
  extension
    .command('tokens')
    .description('Active extension tokens (never their secrets)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const json = Boolean(options.json);
      await withClientReadOnly(json, extensionClient, async (client) => {
        const items = await client.listTokens();
        if (json) printJson({ items });
        else
          printTable(items as never, [
            'id',
            'kind',
            'email',
            'issuedVia',
            'createdBy',
            'createdAt',
            'lastUsedAt',
          ]);
        return 0;
      });
    });
  extension
    .command('revoke')
    .description('Revoke an extension token by its id; it stops working at once')
    .argument('<id>', 'the token’s id (roster extension tokens)')
    .option('--json', 'print JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      const json = Boolean(options.json);
      await withClient(json, extensionClient, async (client) => {
        if (!/^\d+$/.test(id))
          throw invalidInput('The id is a number (roster extension tokens)', [
            { field: 'id', message: 'is not a number' },
          ]);
        await client.revokeToken(Number(id));
        if (json) printJson({ revoked: Number(id) });
        else process.stdout.write(`Revoked extension token ${id}.\n`);
        return 0;
      });
    });
}
