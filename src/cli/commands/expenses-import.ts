import { basename } from 'node:path';
import type { Command } from 'commander';
import {
  type DateFormat,
  dateFormats,
  type ExpenseMapping,
  type ExpensePreset,
  expenseColumns,
  expensePresets,
} from '../../connectors/expense-csv/presets.js';
import { invalidInput } from '../../lib/errors.js';
import { expensesClient } from '../clients/expenses-client.js';
import { commandGroup, expensesGroup } from '../command-group.js';
import { withClient, withClientReadOnly } from '../context.js';
import { exitCodes } from '../exit-codes.js';
import { printJson, printTable } from '../output.js';
import { syncProgressReporter } from '../progress.js';
import { readInput } from './imports.js';
import { reportSyncResult } from './sources.js';

function parseMappings(values: string[]): ExpenseMapping {
  const mapping: ExpenseMapping = {};
  for (const value of values) {
    const at = value.indexOf('=');
    const column = value.slice(0, at) as (typeof expenseColumns)[number];
    if (at < 1 || !expenseColumns.includes(column)) {
      throw invalidInput(`--map ${value} is not FIELD=HEADER`, [
        { field: 'map', message: `FIELD is one of ${expenseColumns.join(', ')}` },
      ]);
    }
    mapping[column] = value.slice(at + 1);
  }
  return mapping;
}

function oneOf<T extends string>(
  option: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T))
    throw invalidInput(`Unknown ${option} "${value}"`, [
      { field: option.replace(/^--/, ''), message: `must be one of ${allowed.join(', ')}` },
    ]);
  return value as T;
}

export function registerExpenseImportCommands(program: Command) {
  commandGroup(program, 'import', 'Import data for one app through the sync engine')
    .command('expenses <file>')
    .description(
      'Import expense lines from a CSV or XLSX export (card, expense report, accounts payable). Canonical header: ' +
        `${expenseColumns.join(',')}. Lines are added, never removed; the same file again changes nothing.`,
    )
    .requiredOption('--source <name>', 'the expense source to add the lines to (created on first use)')
    .option('--preset <preset>', `header preset: ${expensePresets.join(', ')}`)
    .option('--map <field=header...>', 'map a field to a header of the file (repeatable)', [])
    .option('--date-format <format>', `how the file writes dates: ${dateFormats.join(', ')}`)
    .option('--currency <code>', 'the currency of lines when the file has no currency column')
    .option('--count-items <mode>', 'lines (default) or main: which items of an expense report count')
    .option('--json', 'print JSON')
    .action(async (file: string, options) => {
      const json = Boolean(options.json);
      await withClient(json, expensesClient, async (client) => {
        const preset = oneOf<ExpensePreset>('--preset', options.preset, expensePresets);
        const dateFormat = oneOf<DateFormat>('--date-format', options.dateFormat, dateFormats);
        const countItems = oneOf('--count-items', options.countItems, ['lines', 'main'] as const);
        const content = await readInput(client.maxUploadBytes, file);
        const progress = syncProgressReporter(options.source, json);
        const result = await client.importFile({
          source: options.source,
          content,
          fileName: basename(file),
          preset,
          mapping: parseMappings(options.map),
          dateFormat,
          countItems,
          currency: options.currency,
          onProgress: progress.onProgress,
        });
        progress.stop();
        if (!json && result.status === 'succeeded') {
          process.stdout.write(`${result.source.name}: ${result.message}\n`);
          return exitCodes.ok;
        }
        return reportSyncResult(result, json);
      });
    });

  const expenses = expensesGroup(program);
  expenses
    .command('accounts <source>')
    .description('List the cards and GL accounts an expense source covers; exclude one to take its lines out')
    .option('--exclude <account>', 'take this account’s lines out of every figure')
    .option('--include <account>', 'count this account’s lines again')
    .option('--json', 'print JSON')
    .action(async (source: string, options) => {
      const json = Boolean(options.json);
      const change = options.exclude ?? options.include;
      const run = change === undefined ? withClientReadOnly : withClient;
      await run(json, expensesClient, async (client) => {
        if (options.exclude !== undefined && options.include !== undefined)
          throw invalidInput('Give --exclude or --include, not both', [
            { field: 'exclude', message: 'cannot be given with --include' },
          ]);
        if (change !== undefined)
          await client.setAccountExcluded(source, String(change), options.exclude !== undefined);
        const listed = await client.accounts(source);
        if (json) printJson(listed);
        else
          printTable(
            listed.accounts.map((a) => ({
              ...a,
              status: a.excludedAt
                ? `excluded by ${a.excludedBy} on ${a.excludedAt.slice(0, 10)}`
                : 'counted',
            })),
            ['account', 'lines', 'status', 'lastSeenAt'],
          );
        return exitCodes.ok;
      });
    });
  expenses
    .command('rates <file>')
    .description(
      'Import exchange rates from CSV: date,currency,rate (units of the organisation’s currency per unit of currency, from that date)',
    )
    .option('--json', 'print JSON')
    .action(async (file: string, options) => {
      const json = Boolean(options.json);
      await withClient(json, expensesClient, async (client) => {
        const result = await client.importRates(await readInput(client.maxUploadBytes, file));
        if (json) printJson(result);
        else
          process.stdout.write(`${result.rates} rate(s): ${result.added} added, ${result.updated} changed\n`);
        return exitCodes.ok;
      });
    });
}
