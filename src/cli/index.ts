#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerAdminCommands } from './commands/admin.js';
import { registerBackupCommands } from './commands/backup.js';
import { registerBrowseCommands } from './commands/browse.js';
import { registerExpenseFigureCommands } from './commands/expense-figures.js';
import { registerExpenseRuleCommands } from './commands/expense-rules.js';
import { registerExpenseImportCommands } from './commands/expenses-import.js';
import { registerExtensionCommands } from './commands/extension.js';
import { registerImportCommands } from './commands/imports.js';
import { registerLicenseCommands } from './commands/licenses.js';
import { registerMergeCommands } from './commands/merge.js';
import { registerOffboardingCommands } from './commands/offboarding.js';
import { registerSecretsCommands } from './commands/secrets.js';
import { registerServeCommands } from './commands/serve.js';
import { registerSourcesCommands } from './commands/sources.js';
import { exitCodes } from './exit-codes.js';

// A closed pipe (roster users list | head) ends the output, not the process with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(exitCodes.ok);
  throw error;
});

/** The same path from src/cli and dist/cli: the package's own package.json. */
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const program = new Command('roster')
  .description('Roster: which SaaS apps your organisation uses, who uses them, what they cost')
  .version(version, '-V, --version', 'print the version of Roster')
  .showHelpAfterError()
  .exitOverride((error) => {
    process.exit(error.exitCode === 0 ? 0 : exitCodes.usage);
  });

registerServeCommands(program);
registerSourcesCommands(program);
registerImportCommands(program);
registerExpenseImportCommands(program);
registerBrowseCommands(program);
registerMergeCommands(program);
registerOffboardingCommands(program);
registerLicenseCommands(program);
registerExpenseRuleCommands(program);
registerExpenseFigureCommands(program);
registerAdminCommands(program);
registerSecretsCommands(program);
registerBackupCommands(program);
registerExtensionCommands(program);

await program.parseAsync(process.argv);
