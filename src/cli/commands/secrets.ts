import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { invalidInput } from '../../lib/errors.js';
import { cliActor, withRoster } from '../context.js';
import { printJson } from '../output.js';

/** What the commands below need when they run: `roster --help` loads none of it. */
const loadRuntime = async () => ({
  ...(await import('../../lib/key-file.js')),
  ...(await import('../../lib/secret-box.js')),
  ...(await import('../../modules/secrets/rotate-key.js')),
});

export function registerSecretsCommands(program: Command) {
  const secrets = program.command('secrets').description('The key that seals stored credentials');
  secrets
    .command('rotate')
    .description(
      'Re-seal every stored credential under a new key, in one transaction (stop other Roster processes first)',
    )
    .option(
      '--new-key <key>',
      'the new ROSTER_SECRET_KEY (32+ characters); without it, an embedded install generates one in its key file',
    )
    .option('--json', 'print JSON')
    .action(async (options: { newKey?: string; json?: boolean }) => {
      const { rotateKey, SecretBox, keyFilePath, promoteNextKeyFile, writeNextKeyFile } = await loadRuntime();
      const json = Boolean(options.json);
      await withRoster(json, async (roster) => {
        const { config } = roster;
        const newKey = options.newKey;
        if (newKey !== undefined && newKey.length < 32)
          throw invalidInput('The new key is too short', [
            { field: 'new-key', message: 'needs 32+ characters' },
          ]);
        if (newKey === undefined && config.secretKey)
          throw invalidInput('This Roster takes its key from ROSTER_SECRET_KEY: name the new one', [
            { field: 'new-key', message: 'is required when ROSTER_SECRET_KEY is set' },
          ]);
        let result: Awaited<ReturnType<typeof rotateKey>>;
        let instruction: string;
        if (newKey !== undefined) {
          result = await rotateKey(roster, cliActor(), SecretBox.fromPassphrase(newKey));
          instruction =
            'Set ROSTER_SECRET_KEY to the new key in every Roster process before starting them again' +
            (config.secretKey ? '.' : `; ${keyFilePath(config.dataDir)} no longer opens this database.`);
        } else {
          // Embedded key file: next key on disk first, then the commit, then the rename (lib/key-file.ts).
          // On an error the next key stays: whether the database committed is settled at the next open
          // (modules/secrets/open-secrets.ts), never guessed here.
          const key = randomBytes(32);
          writeNextKeyFile(config.dataDir, key);
          result = await rotateKey(roster, cliActor(), SecretBox.fromKey(key));
          promoteNextKeyFile(config.dataDir);
          instruction = `The new key is in ${keyFilePath(config.dataDir)}; back it up in place of the old one.`;
        }
        if (json) printJson({ ...result, instruction });
        else
          process.stdout.write(
            `Re-sealed ${result.resealed} stored credentials under key id ${result.toKeyId} (was ${result.fromKeyId}).\n${instruction}\n`,
          );
        return 0;
      });
    });
}
