import type { Command } from 'commander';
import type { Role } from '../../db/schema.js';
import { invalidInput } from '../../lib/errors.js';
import { defaultTokenRole, roles, tokenRoles } from '../../modules/tokens/token-roles.js';
import { adminClient } from '../clients/admin-client.js';
import { employeesClient } from '../clients/employees-client.js';
import { withClient, withClientReadOnly, withRoster } from '../context.js';
import { printJson, printTable } from '../output.js';

/** What the commands below need when they run: `roster --help` loads none of it. */
const loadRuntime = async () => ({
  ...(await import('../../db/migrate.js')),
});

/** A role given on the command line, one of `allowed` (members' roles, or tokens', which add `metrics`). */
function checkRole<R extends Role>(role: string, allowed: readonly R[]): R {
  if (!(allowed as readonly string[]).includes(role)) {
    throw invalidInput(`Unknown role "${role}"`, [
      { field: 'role', message: `must be one of ${allowed.join(', ')}` },
    ]);
  }
  return role as R;
}

export function registerAdminCommands(program: Command) {
  const tokens = program.command('tokens').description('API tokens');
  tokens
    .command('create')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--role <role>', `one of ${tokenRoles.join(', ')}`, defaultTokenRole)
    .option('--expires <date>', 'expiry (ISO 8601)')
    .option('--acts-for <email>', 'for the app-owner role: the owner whose apps the token sees')
    .option('--json', 'print JSON')
    .action(async (options) => {
      const json = Boolean(options.json);
      await withClient(json, adminClient, async (client) => {
        const expiresAt = options.expires ? new Date(options.expires) : null;
        if (expiresAt && Number.isNaN(expiresAt.getTime()))
          throw invalidInput('--expires is not a date', [{ field: 'expires', message: 'use ISO 8601' }]);
        const created = await client.createToken({
          name: options.name,
          role: checkRole(options.role, tokenRoles),
          expiresAt,
          actsForEmail: options.actsFor ?? null,
        });
        if (json) printJson(created);
        else process.stdout.write(`${created.token}\n(shown once: store it now; role ${created.role})\n`);
        return 0;
      });
    });
  tokens
    .command('list')
    .option('--json', 'print JSON')
    .action(async (options) => {
      const json = Boolean(options.json);
      await withClientReadOnly(json, adminClient, async (client) => {
        const items = await client.listTokens();
        if (json) printJson({ items });
        else
          printTable(items as never, ['name', 'role', 'createdBy', 'createdAt', 'expiresAt', 'lastUsedAt']);
        return 0;
      });
    });
  tokens.command('revoke <name>').action(async (name: string) => {
    await withClient(false, adminClient, async (client) => {
      await client.revokeToken(name);
      process.stdout.write(`Revoked ${name}\n`);
      return 0;
    });
  });

  program
    .command('audit')
    .description('The audit log, newest first')
    .option('--action <action>', 'only this action (e.g. source.add, merge.apply)')
    .option('--actor <actor>', 'only this actor (e.g. member:ann@acme.io, token:ci)')
    .option('--limit <n>', 'how many entries', '100')
    .option('--json', 'print JSON')
    .action(async (options) => {
      const json = Boolean(options.json);
      await withClientReadOnly(json, adminClient, async (client) => {
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
          throw invalidInput('--limit must be 1-1000', [
            { field: 'limit', message: 'is not a whole number from 1 to 1000' },
          ]);
        }
        const page = await client.listAudit({ action: options.action, actor: options.actor, limit });
        if (json) printJson(page);
        else printTable(page.items as never, ['at', 'actor', 'action', 'targetType', 'targetId']);
        return 0;
      });
    });

  program
    .command('migrate')
    .description('Apply pending database migrations')
    .action(async () => {
      const { migrate } = await loadRuntime();
      // Opening Roster migrates; report what this run applied.
      await withRoster(false, async (roster) => {
        const applied = await migrate(roster.database);
        process.stdout.write(
          applied.length ? `Applied ${applied.join(', ')}\n` : 'The database is up to date\n',
        );
        return 0;
      });
    });

  program
    .command('sign-in-link <email>')
    .description(
      'Print a one-time sign-in link for an admin member (creates the first admin on a new install)',
    )
    .action(async (email: string) => {
      await withClient(false, adminClient, async (client) => {
        process.stdout.write(`${(await client.signInLink(email)).url}\n`);
        return 0;
      });
    });

  program
    .command('password-link <email>')
    .description('Print a one-time link with which an admin member sets (or resets) a local password')
    .action(async (email: string) => {
      await withClient(false, adminClient, async (client) => {
        const link = await client.passwordLink(email);
        process.stdout.write(`${link.setPasswordUrl}\n(valid 30 minutes, once)\n`);
        return 0;
      });
    });

  const members = program.command('members').description('Admin members and their roles');
  members
    .command('list')
    .option('--json', 'print JSON')
    .action(async (options) => {
      await withClientReadOnly(Boolean(options.json), adminClient, async (client) => {
        const items = await client.listMembers();
        if (options.json) printJson({ items });
        else printTable(items as never, ['email', 'role', 'hasPassword', 'singleSignOnBound', 'disabled']);
        return 0;
      });
    });
  members
    .command('add <email>')
    .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
    .action(async (email: string, options) => {
      await withClient(false, adminClient, async (client) => {
        const member = await client.addMember({ email, role: checkRole(options.role, roles) });
        process.stdout.write(`Added ${member.email} as ${member.role}\n`);
        return 0;
      });
    });
  members.command('set-role <email> <role>').action(async (email: string, role: string) => {
    await withClient(false, adminClient, async (client) => {
      const member = await client.updateMember(email, { role: checkRole(role, roles) });
      process.stdout.write(`${member.email} is now ${member.role}\n`);
      return 0;
    });
  });
  members
    .command('forget-sso <email>')
    .description(
      'Forget the single sign-on account a member is bound to (they moved to another account at the provider); their next SSO sign-in binds one again, and their sessions end now',
    )
    .action(async (email: string) => {
      await withClient(false, adminClient, async (client) => {
        await client.updateMember(email, { forgetSingleSignOn: true });
        process.stdout.write(
          `${email} is no longer bound to a single sign-on account; their next SSO sign-in binds one\n`,
        );
        return 0;
      });
    });
  members
    .command('disable <email>')
    .description('Disable a member; their sessions end at once')
    .action(async (email: string) => {
      await withClient(false, adminClient, async (client) => {
        await client.updateMember(email, { disabled: true });
        process.stdout.write(`${email} is disabled\n`);
        return 0;
      });
    });

  program
    .command('employees')
    .description('Employees')
    .command('source [source]')
    .description(
      'Show or choose the employee source of truth (an HR system or IdP source name); --default goes back to HR sources, else the IdPs',
    )
    .option('--default', 'forget the chosen source and use the default rule')
    .option('--json', 'print JSON')
    .action(async (source: string | undefined, options) => {
      const choose = Boolean(source || options.default);
      // Showing only reads: the local data opens without migrating.
      await (choose ? withClient : withClientReadOnly)(
        Boolean(options.json),
        employeesClient,
        async (client) => {
          const value = choose
            ? await client.setSource(options.default ? null : (source ?? null))
            : await client.getSource();
          if (options.json) printJson(value);
          else {
            const names = value.effective.map((s) => `${s.name} (${s.kind})`).join(', ') || 'none';
            process.stdout.write(`Employee source of truth: ${names}\n${value.explanation}\n`);
          }
          return 0;
        },
      );
    });

  const settings = program.command('settings').description('Organisation settings');
  settings
    .command('show')
    .option('--json', 'print JSON')
    .action(async (options) => {
      await withClientReadOnly(Boolean(options.json), adminClient, async (client) => {
        const value = await client.getSettings();
        if (options.json) printJson(value);
        else
          printTable(
            [value as never],
            ['name', 'domains', 'stalenessDays', 'inactivityDays', 'autoOffboarding', 'currency'],
          );
        return 0;
      });
    });
  settings
    .command('set')
    .option('--name <name>', 'organisation name')
    .option('--domains <list>', 'comma-separated email domains the organisation owns')
    .option('--staleness-days <n>', 'days without a successful sync before a source needs attention')
    .option('--inactivity-days <n>', 'default days without use before a license is inactive')
    .option('--auto-offboarding <on|off>', 'start offboarding by itself for each new offboarding candidate')
    .option('--currency <code>', 'ISO 4217 code every expense figure is shown in (USD until set)')
    .option('--json', 'print JSON')
    .action(async (options) => {
      await withClient(Boolean(options.json), adminClient, async (client) => {
        const value = await client.updateSettings({
          ...(options.name ? { name: options.name } : {}),
          ...(options.domains ? { domains: String(options.domains).split(',').filter(Boolean) } : {}),
          ...(options.stalenessDays ? { stalenessDays: Number(options.stalenessDays) } : {}),
          ...(options.inactivityDays ? { inactivityDays: Number(options.inactivityDays) } : {}),
          ...(options.autoOffboarding !== undefined
            ? { autoOffboarding: onOff(String(options.autoOffboarding)) }
            : {}),
          ...(options.currency ? { currency: String(options.currency) } : {}),
        });
        if (options.json) printJson(value);
        else
          printTable(
            [value as never],
            ['name', 'domains', 'stalenessDays', 'inactivityDays', 'autoOffboarding', 'currency'],
          );
        return 0;
      });
    });
}

function onOff(value: string): boolean {
  if (value === 'on' || value === 'off') return value === 'on';
  throw invalidInput('--auto-offboarding takes on or off', [
    { field: 'autoOffboarding', message: `"${value}" is not on or off` },
  ]);
}
