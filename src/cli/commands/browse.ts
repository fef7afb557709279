import type { Command } from 'commander';
import { appSortFields } from '../../modules/apps/app-sort-fields.js';
import { checkInactivityDays } from '../../modules/apps/inactivity-days.js';
import { userSortFields } from '../../modules/users/user-sort-fields.js';
import { appsClient } from '../clients/apps-client.js';
import { browseClient } from '../clients/browse-client.js';
import { withClient, withClientReadOnly } from '../context.js';
import { printJson, printTable } from '../output.js';
import { sortOption } from '../sort-option.js';

/** Reads every page of a paginated list (the CLI prints whole lists). */
async function allPages<T>(
  fetchPage: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** An account with a "Seen by" column: its sources, the direct one first, partial ones marked. */
const withSeenBy = <T extends { sources: { source: string; role: string }[] }>(account: T) => ({
  ...account,
  seenBy: account.sources.map((s) => (s.role === 'partial' ? `${s.source} (partial)` : s.source)).join(', '),
});

export function registerBrowseCommands(program: Command) {
  const apps = program.command('apps').description("The organisation's apps");
  apps
    .command('list')
    .option('--search <text>', 'filter by name')
    .option('--sort <field>', `order by ${appSortFields.join(', ')} ("-" first for descending)`)
    .option('--json', 'print JSON')
    .action(async (options) => {
      const json = Boolean(options.json);
      await withClientReadOnly(json, browseClient, async (client) => {
        const sort = sortOption(options.sort, appSortFields);
        const items = await allPages((cursor) => client.listApps({ search: options.search, sort, cursor }));
        if (json) printJson({ items });
        else printTable(items as never, ['name', 'origin', 'category', 'users', 'licenseTypes', 'sources']);
        return 0;
      });
    });
  apps
    .command('show <app>')
    .option('--json', 'print JSON')
    .option('--removed', 'include removed accounts')
    .action(async (ref: string, options) => {
      const json = Boolean(options.json);
      await withClientReadOnly(json, browseClient, async (client) => {
        const first = await client.showApp(ref, { includeRemoved: Boolean(options.removed) });
        const accounts = [...first.accounts.items];
        let cursor = first.accounts.nextCursor;
        while (cursor) {
          const next = await client.showApp(ref, { includeRemoved: Boolean(options.removed), cursor });
          accounts.push(...next.accounts.items);
          cursor = next.accounts.nextCursor;
        }
        // The whole list: one account per user per instance, each with every source's observation.
        const detail = { ...first, accounts };
        if (json) printJson(detail);
        else {
          process.stdout.write(
            `${detail.name} (${detail.origin}${detail.category ? `, ${detail.category}` : ''}): ${detail.users} users, ${detail.activeAccounts} active accounts\n`,
          );
          if (detail.instances.length > 1)
            process.stdout.write(
              `Instances: ${detail.instances.map((i) => `${i.name} (${i.accounts})`).join(', ')}\n`,
            );
          process.stdout.write('\n');
          printTable(detail.licenseTypesDetail as never, [
            'name',
            'purchased',
            'assigned',
            'unassigned',
            'source',
          ]);
          process.stdout.write('\n');
          printTable(accounts.map(withSeenBy) as never, [
            'email',
            ...(detail.instances.length > 1 ? ['instance'] : []),
            'nameInApp',
            'status',
            'licenseTypes',
            'lastUsedAt',
            'seenBy',
            'removedAt',
          ]);
        }
        return 0;
      });
    });
  apps
    .command('add <name>')
    .description('Add an app by hand (a custom app unless the catalog knows the name)')
    .option('--json', 'print JSON')
    .action(async (name: string, options) => {
      const json = Boolean(options.json);
      await withClient(json, appsClient, async (client) => {
        const app = await client.add(name);
        if (json) printJson(app);
        else process.stdout.write(`Added ${app.catalogId ? 'catalog' : 'custom'} app ${app.name}\n`);
        return 0;
      });
    });

  apps
    .command('threshold <app> <days>')
    .description(
      'Days without use after which the app’s licenses are inactive ("default" for the organisation’s)',
    )
    .action(async (app: string, days: string) => {
      await withClient(false, appsClient, async (client) => {
        const value = checkInactivityDays(
          days === 'default' ? null : /^\d+$/.test(days) ? Number(days) : Number.NaN,
        );
        await client.setThreshold(app, value);
        process.stdout.write(`${app}: ${value === null ? 'organisation default' : `${value} days`}\n`);
        return 0;
      });
    });
  apps
    .command('owners <app> [emails...]')
    .description(
      "Set the app's owners (their email addresses; none to clear them): app-owner members and tokens see the apps they own",
    )
    .option('--json', 'print JSON')
    .action(async (app: string, emails: string[], options) => {
      const json = Boolean(options.json);
      await withClient(json, appsClient, async (client) => {
        const owners = await client.setOwners(app, emails);
        if (json) printJson({ owners });
        else process.stdout.write(`Owners of ${app}: ${owners.join(', ') || 'none'}\n`);
        return 0;
      });
    });
  apps
    .command('domains <app> [domains...]')
    .description(
      'Set the domains the organisation gives the app (an intranet, an app the catalog lacks; none to clear them): the browser extension reports visits to them',
    )
    .option('--json', 'print JSON')
    .action(async (app: string, domains: string[], options) => {
      const json = Boolean(options.json);
      await withClient(json, appsClient, async (client) => {
        const set = await client.setDomains(app, domains);
        if (json) printJson({ domains: set });
        else process.stdout.write(`Domains of ${app}: ${set.join(', ') || 'none'}\n`);
        return 0;
      });
    });

  const users = program.command('users').description('Users: unique email addresses with access to an app');
  users
    .command('list')
    .option('--search <text>', 'find by any email or name')
    .option('--sort <field>', `order by ${userSortFields.join(', ')} ("-" first for descending)`)
    .option('--json', 'print JSON')
    .action(async (options) => {
      const json = Boolean(options.json);
      await withClientReadOnly(json, browseClient, async (client) => {
        const sort = sortOption(options.sort, userSortFields);
        const items = await allPages((cursor) => client.listUsers({ search: options.search, sort, cursor }));
        if (json) printJson({ items });
        else printTable(items as never, ['email', 'name', 'type', 'status', 'apps']);
        return 0;
      });
    });
  users
    .command('show <email>')
    .option('--json', 'print JSON')
    .action(async (email: string, options) => {
      const json = Boolean(options.json);
      await withClientReadOnly(json, browseClient, async (client) => {
        const user = await client.showUser(email);
        if (json) printJson(user);
        else {
          process.stdout.write(
            `${user.name ?? user.email} <${user.email}>: ${user.type} (${user.typeRule}), ${user.status}, ${user.apps} apps\n\n`,
          );
          printTable(user.accounts.map(withSeenBy) as never, [
            'app',
            'email',
            'instance',
            'nameInApp',
            'status',
            'licenseTypes',
            'lastUsedAt',
            'seenBy',
            'removedAt',
          ]);
        }
        return 0;
      });
    });
}
