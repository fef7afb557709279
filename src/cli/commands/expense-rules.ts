import { type Command, InvalidArgumentError, Option } from 'commander';
import { invalidInput } from '../../lib/errors.js';
import type { RuleInput, RuleTest } from '../../modules/expenses/rules/expense-rules.schemas.js';
import { expensesClient } from '../clients/expenses-client.js';
import { expensesGroup } from '../command-group.js';
import { withClient, withClientReadOnly } from '../context.js';
import { printJson, printTable } from '../output.js';

const integer = (value: string) => {
  if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError('not a whole number');
  return Number(value);
};

/** The options of a rule, for `rules add` and `rules test`. */
function ruleOptions(command: Command, required: boolean): Command {
  const option = (flags: string, description: string, choices?: string[]) => {
    const o = new Option(flags, description);
    if (choices) o.choices(choices);
    return required && flags !== '--app <app>' ? o.makeOptionMandatory() : o;
  };
  return command
    .addOption(
      option('--action <action>', 'match: give the lines an app; ignore: drop them', ['match', 'ignore']),
    )
    .addOption(option('--app <app>', 'the app a match rule gives its lines (name or id)'))
    .addOption(
      option('--field <field>', "which of the line's texts the rule reads", ['vendor', 'description']),
    )
    .addOption(
      option('--op <op>', 'contains, equals (both ignore case) or an RE2 regular expression', [
        'contains',
        'equals',
        'regex',
      ]),
    )
    .addOption(option('--value <text>', 'the text or pattern'))
    .option('--priority <n>', 'lower runs first (default: after every rule)', integer);
}

function ruleInputOf(options: Record<string, unknown>): RuleInput {
  const missing = ['action', 'field', 'op', 'value'].filter((k) => options[k] === undefined);
  if (missing.length)
    throw invalidInput(
      'A rule needs --action, --field, --op and --value (or test an existing rule with --id)',
      missing.map((field) => ({ field, message: 'required' })),
    );
  return {
    action: options.action as RuleInput['action'],
    field: options.field as RuleInput['field'],
    op: options.op as RuleInput['op'],
    value: String(options.value),
    ...(options.app !== undefined ? { app: String(options.app) } : {}),
    ...(options.priority !== undefined ? { priority: Number(options.priority) } : {}),
  };
}

/** A positional id: refused as bad input (exit code and message like every other), not as usage. */
const idArgument = (value: string, field: string) => {
  if (!/^\d+$/.test(value))
    throw invalidInput(`"${value}" is not an id`, [{ field, message: 'a positive whole number' }]);
  return Number(value);
};

const money = (n: number) => n.toFixed(2);

function printRuleTest(test: RuleTest) {
  const r = test.rule;
  const target = r.action === 'match' ? `→ ${r.app}` : '(ignore)';
  process.stdout.write(
    `Rule ${r.id ?? '(new)'}: ${r.field} ${r.op} "${r.value}" ${target}, priority ${r.priority}\n` +
      `Meets ${test.meets.lines} lines (${money(test.meets.amount)}), decides ${test.decides.lines} (${money(test.decides.amount)})\n`,
  );
  printTable(
    (['matched', 'ignored', 'unmatched'] as const).map((k) => ({
      lines: k,
      before: `${test.before[k].lines} (${money(test.before[k].amount)})`,
      after: `${test.after[k].lines} (${money(test.after[k].amount)})`,
    })),
    ['lines', 'before', 'after'],
  );
  if (test.takes.length === 0) return;
  process.stdout.write('Lines it takes:\n');
  printTable(
    test.takes.map((t) => ({
      from:
        t.from === 'rule'
          ? `rule ${t.ruleId}`
          : t.from === 'automatic'
            ? `automatic (${t.alias})`
            : 'unmatched',
      was: t.ignored ? 'ignored' : (t.app ?? ''),
      lines: t.lines,
      amount: money(t.amount),
      examples: t.examples.join('; '),
    })),
    ['from', 'was', 'lines', 'amount', 'examples'],
  );
}

export function registerExpenseRuleCommands(program: Command) {
  const expenses = expensesGroup(program);
  const rules = expenses
    .command('rules')
    .description(
      'Match and Ignore rules: applied in priority order before automatic matching, to past and future lines',
    );

  ruleOptions(rules.command('add').description('Add a rule and apply it to every line'), true)
    .option('--json', 'print JSON')
    .action(async (options) => {
      const json = Boolean(options.json);
      await withClient(json, expensesClient, async (client) => {
        const rule = await client.addRule(ruleInputOf(options));
        if (json) printJson(rule);
        else
          process.stdout.write(
            `Added rule ${rule.id} (priority ${rule.priority}): it decides ${rule.lines} lines\n`,
          );
        return 0;
      });
    });

  rules
    .command('list')
    .description('The rules in the order they apply, with the lines each decides')
    .option('--json', 'print JSON')
    .action(async (options) => {
      const json = Boolean(options.json);
      await withClientReadOnly(json, expensesClient, async (client) => {
        const items = await client.rules();
        if (json) printJson(items);
        else
          printTable(
            items.map((r) => ({ ...r, app: r.app ?? '', amount: money(r.amount) })),
            ['id', 'priority', 'action', 'app', 'field', 'op', 'value', 'lines', 'amount'],
          );
        return 0;
      });
    });

  rules
    .command('remove <id>')
    .description('Remove a rule; its lines go to the next rule or to automatic matching')
    .action(async (id: string) => {
      await withClient(false, expensesClient, async (client) => {
        await client.removeRule(idArgument(id, 'id'));
        process.stdout.write(`Removed rule ${id}\n`);
        return 0;
      });
    });

  ruleOptions(
    rules
      .command('test')
      .description('What a rule would match in the history: lines before and after, and the lines it takes'),
    false,
  )
    .option('--id <id>', 'test an existing rule (compared with the history without it)', integer)
    .option('--json', 'print JSON')
    .action(async (options) => {
      const json = Boolean(options.json);
      await withClientReadOnly(json, expensesClient, async (client) => {
        const test = await client.testRule(
          options.id !== undefined ? { id: Number(options.id) } : ruleInputOf(options),
        );
        if (json) printJson(test);
        else printRuleTest(test);
        return 0;
      });
    });

  expenses
    .command('set-app <line-id> [app]')
    .description("Set one line's app by hand, over any rule; --clear returns it to its rules")
    .option('--clear', 'remove the app set by hand')
    .option('--json', 'print JSON')
    .action(async (lineId: string, app: string | undefined, options) => {
      const json = Boolean(options.json);
      await withClient(json, expensesClient, async (client) => {
        if ((app === undefined) === !options.clear)
          throw invalidInput('Give an app or --clear', [
            { field: 'app', message: 'an app name or id, or --clear' },
          ]);
        const line = await client.setLineApp(
          idArgument(lineId, 'line-id'),
          options.clear ? null : (app as string),
        );
        if (json) printJson(line);
        else process.stdout.write(`Line ${line.id}: ${line.app ?? 'no app'} (${line.status})\n`);
        return 0;
      });
    });
}
