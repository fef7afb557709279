import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { cliActor, loadConfigOrExit, withRoster } from '../context.js';
import { printJson, reportError } from '../output.js';

/** What the commands below need when they run: `roster --help` loads none of it. */
const loadRuntime = async () => ({
  ...(await import('../../modules/backup/backup.js')),
  ...(await import('../../modules/backup/restore.js')),
});

export function registerBackupCommands(program: Command) {
  program
    .command('backup')
    .description(
      'Write a consistent copy of the embedded database to a file (the key is not in it: keep it apart)',
    )
    .option('--out <file>', 'where to write it (default: roster-backup-<time>.tar.gz here)')
    .option('--json', 'print JSON')
    .action(async (options: { out?: string; json?: boolean }) => {
      const { createBackup } = await loadRuntime();
      const json = Boolean(options.json);
      await withRoster(json, async (roster) => {
        const backup = await createBackup(roster, cliActor());
        const path = options.out ?? backup.fileName;
        await writeFile(path, new Uint8Array(await backup.blob.arrayBuffer()), { mode: 0o600 });
        if (json) printJson({ file: path, bytes: backup.blob.size });
        else
          process.stdout.write(
            `Backup written to ${path} (${backup.blob.size} bytes).\n` +
              'It holds credentials sealed under this installation’s key: keep the key (ROSTER_SECRET_KEY or the data directory’s key file) safe and apart from it.\n',
          );
        return 0;
      });
    });
  program
    .command('restore')
    .description('Restore a backup into the embedded data directory (stop Roster first)')
    .argument('<file>', 'a file written by `roster backup`')
    .option('--replace', 'restore over the current database (it is kept beside it, not deleted)')
    .option('--json', 'print JSON')
    .action(async (file: string, options: { replace?: boolean; json?: boolean }) => {
      const json = Boolean(options.json);
      const config = await loadConfigOrExit(json);
      try {
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
