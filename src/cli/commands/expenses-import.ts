import { readFile, stat } from 'node:fs/promises';
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
import { invalidInput, RosterError } from '../../lib/errors.js';
import type { Roster } from '../../roster.js';
import { commandGroup, expensesGroup } from '../command-group.js';
import { cliActor, withRoster, withRosterReadOnly } from '../context.js';
import { exitCodes } from '../exit-codes.js';
import { printJson, printTable } from '../output.js';
import { syncProgressReporter } from '../progress.js';
import { reportSyncResult } from './sources.js';

/** What the commands below need when they run: `roster --help` loads none of it. */
const loadRuntime = async () => ({
  ...(await import('../../modules/expenses/import/expense-import.service.js')),
  ...(await import('../../modules/expenses/import/expense-accounts.service.js')),
  ...(await import('../../modules/expenses/import/exchange-rates.service.js')),
});

async function readInput(roster: Roster, file: string): Promise<Buffer> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw invalidInput(`Cannot read ${file}`, [
      { field: 'file', message: 'does not exist or is not readable' },
    ]);
  }
  if (size > roster.config.maxUploadBytes) {
    throw new RosterError(
      'payload_too_large',
      `${file} is ${size} bytes; the limit is ${roster.config.maxUploadBytes} (ROSTER_MAX_UPLOAD_BYTES)`,
    );
  }
  return readFile(file);
}

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
      const { importExpenses } = await loadRuntime();
      const json = Boolean(options.json);
      await withRoster(json, async (roster) => {
        const preset = oneOf<ExpensePreset>('--preset', options.preset, expensePresets);
        const dateFormat = oneOf<DateFormat>('--date-format', options.dateFormat, dateFormats);
        const countItems = oneOf('--count-items', options.countItems, ['lines', 'main'] as const);
        const content = await readInput(roster, file);
        const progress = syncProgressReporter(options.source, json);
        const result = await importExpenses(roster, cliActor(), {
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
      const { listExpenseAccounts, setExpenseAccountExcluded } = await loadRuntime();
      const json = Boolean(options.json);
      const change = options.exclude ?? options.include;
      const run = change === undefined ? withRosterReadOnly : withRoster;
      await run(json, async (roster) => {
        if (options.exclude !== undefined && options.include !== undefined)
          throw invalidInput('Give --exclude or --include, not both', [
            { field: 'exclude', message: 'cannot be given with --include' },
          ]);
        if (change !== undefined)
          await setExpenseAccountExcluded(
            roster,
            cliActor(),
            source,
            String(change),
            options.exclude !== undefined,
          );
        const listed = await listExpenseAccounts(roster, source);
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
      const { importExchangeRates } = await loadRuntime();
      const json = Boolean(options.json);
      await withRoster(json, async (roster) => {
        const result = await importExchangeRates(roster, cliActor(), await readInput(roster, file));
        if (json) printJson(result);
        else
          process.stdout.write(`${result.rates} rate(s): ${result.added} added, ${result.updated} changed\n`);
        return exitCodes.ok;
      });
    });
}
