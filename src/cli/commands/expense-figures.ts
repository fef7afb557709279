import type { Command } from 'commander';
import { invalidInput } from '../../lib/errors.js';
import type { ExpenseStatus } from '../../modules/expenses/expense-lines.schemas.js';
import { expenseStatuses } from '../../modules/expenses/expense-statuses.js';
import { expensesClient } from '../clients/expenses-client.js';
import { expensesGroup } from '../command-group.js';
import { withClientReadOnly } from '../context.js';
import { printTable } from '../output.js';

const money = (amount: number | null, currency: string) =>
  amount === null ? '' : `${amount.toFixed(2)} ${currency}`;

export function registerExpenseFigureCommands(program: Command) {
  const expenses = expensesGroup(program);
  expenses
    .command('summary')
    .description(
      'Total, matched, unmatched, ignored, excluded and duplicate spend, the matching rate, and spend per app',
    )
    .option('--json', 'print JSON')
    .action(async (options) => {
      const json = Boolean(options.json);
      await withClientReadOnly(json, expensesClient, async (client) => {
        const summary = await client.summary();
        if (json) {
          process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
          return 0;
        }
        const c = summary.currency;
        const rate = (r: number | null) => (r === null ? 'unknown' : `${Math.round(r * 1000) / 10}%`);
        process.stdout.write(
          `${[
            `Total       ${money(summary.total, c)} (matched ${money(summary.matched, c)}, unmatched ${money(summary.unmatched, c)})`,
            `Not counted ignored ${money(summary.ignored, c)}, excluded ${money(summary.excluded, c)}, duplicates ${money(summary.duplicates, c)}, itemised ${money(summary.itemised, c)}; ${summary.unconverted} lines without a rate`,
            `Matching    ${rate(summary.matchRate.byAmount)} by amount, ${rate(summary.matchRate.byCount)} by count`,
            `Items       ${summary.countItems.map((s) => `${s.source}: ${s.countItems === 'main' ? 'main items' : 'line items'}`).join(', ') || '(no expense source)'}`,
            summary.annualisedWording
              ? `Annualised  ${money(summary.annualised, c)}. ${summary.annualisedWording}`
              : '',
          ]
            .filter(Boolean)
            .join('\n')}\n\n`,
        );
        printTable(
          summary.apps.map((a) => ({
            ...a,
            total: money(a.total, c),
            annualised: money(a.annualised, c),
            licenseCost: money(a.licenseCost, c),
          })),
          ['app', 'total', 'lines', 'annualised', 'annualisedFrom', 'licenseCost'],
        );
        return 0;
      });
    });

  expenses
    .command('list')
    .description('Expense lines, newest first; unmatched lines biggest first with suggestions')
    .option('--status <status>', `one of ${expenseStatuses.join(', ')}`)
    .option('--app <app>', 'lines of one app')
    .option('--json', 'print JSON (one object with items)')
    .option('--csv', 'print CSV (streamed; cells safe from spreadsheet formulas)')
    .action(async (options) => {
      const json = Boolean(options.json);
      await withClientReadOnly(json, expensesClient, async (client) => {
        if (options.status && !(expenseStatuses as readonly string[]).includes(options.status))
          throw invalidInput(`Unknown status "${options.status}"`, [
            { field: 'status', message: `must be one of ${expenseStatuses.join(', ')}` },
          ]);
        const query = {
          ...(options.status ? { status: options.status as ExpenseStatus } : {}),
          ...(options.app ? { app: String(options.app) } : {}),
        };
        if (options.csv) {
          await client.linesCsv(query, process.stdout);
          return 0;
        }
        const items = await client.lines(query);
        if (json) process.stdout.write(`${JSON.stringify({ items }, null, 2)}\n`);
        else
          printTable(
            items.map((line) => ({
              ...line,
              suggestions: (line.suggestions as { name: string }[]).map((s) => s.name),
              rule: line.suggestedRule
                ? `${(line.suggestedRule as { field: string }).field} ${(line.suggestedRule as { op: string }).op} ${(line.suggestedRule as { value: string }).value}`
                : '',
            })),
            [
              'date',
              'amountConverted',
              'currency',
              'vendor',
              'description',
              'source',
              'status',
              'app',
              'matchedBy',
              'suggestions',
              'rule',
            ],
          );
        return 0;
      });
    });
}
