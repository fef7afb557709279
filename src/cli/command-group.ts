import type { Command } from 'commander';

/** A command several command files add subcommands to (`import`, `expenses`): found when it exists, created otherwise. */
export function commandGroup(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

export const expensesGroup = (program: Command) =>
  commandGroup(program, 'expenses', 'Expenses: what each app costs, from card and expense exports');
