import type { Command } from 'commander';
import { backupClient } from '../clients/backup-client.js';
import { cliActor, loadConfigOrExit, withClient } from '../context.js';
import { printJson, reportError } from '../output.js';
import { refuseRemote } from '../remote/local-only.js';

/** What the commands below need when they run: `roster --help` loads none of it. */
const loadRuntime = async () => ({
  ...(await import('../../modules/backup/backup.js')),
  ...(await import('../../modules/backup/restore.js')),
});

export function registerBackupCommands(program: Command) {
  program
    .command('backup')
    .description(
      'Write a consistent copy of the database to a file while Roster runs (the key is not in it: keep it apart)',
    )
    .argument(
      '[file]',
      'where to write it (default: roster-backup-<time>.tar.gz, or .dump on a PostgreSQL server)',
    )
    .option('--json', 'print JSON')
    .action(async (file: string | undefined, options: { json?: boolean }) => {
      const { backupFileName } = await loadRuntime();
      const json = Boolean(options.json);
      await withClient(json, backupClient, async (client) => {
        const extension = client.serverDatabase() ? '.dump' : '.tar.gz';
        const path = file ?? backupFileName(new Date()).replace(/\.tar\.gz$/, extension);
        const result = await client.backupTo(path);
        if (json) printJson(result);
        else
          process.stdout.write(
            `Backup written to ${result.file} (${result.bytes} bytes).\n` +
              'It holds credentials sealed under this installation’s key: keep the key (ROSTER_SECRET_KEY or the data directory’s key file) safe and apart from it.\n',
          );
        return 0;
      });
    });
  program
    .command('restore')
    .description('Restore a backup into an empty data directory or database (stop Roster first)')
    .argument('<file>', 'a file written by `roster backup`')
    .option('--replace', 'restore over the current database (it is kept beside it, not deleted)')
    .option('--json', 'print JSON')
    .action(async (file: string, options: { replace?: boolean; json?: boolean }) => {
      const json = Boolean(options.json);
      const config = await loadConfigOrExit(json);
      try {
        // A restore replaces files on this machine, Roster stopped: never through ROSTER_URL.
        refuseRemote();
        const { restoreBackup } = await loadRuntime();
        const result = await restoreBackup(config, file, { replace: options.replace, actor: cliActor() });
        if (json) printJson(result);
        else {
          process.stdout.write(`Restored ${file} into ${config.dataDir}.\n`);
          if (result.keptAt) process.stdout.write(`The database it replaced is kept at ${result.keptAt}.\n`);
          if (result.migrated.length)
            process.stdout.write(`Brought up to date with migrations ${result.migrated.join(', ')}.\n`);
        }
      } catch (error) {
        process.exitCode = reportError(error, json);
      }
    });
}
