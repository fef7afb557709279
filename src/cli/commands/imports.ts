import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { type ColumnMapping, canonicalColumns, type Preset, presets } from '../../connectors/csv/columns.js';
import { invalidInput, RosterError } from '../../lib/errors.js';
import { importsClient } from '../clients/imports-client.js';
import { commandGroup } from '../command-group.js';
import { withClient } from '../context.js';
import { syncProgressReporter } from '../progress.js';
import { reportSyncResult } from './sources.js';

/** Reads the file to import, refusing at once one over `maxBytes` (when this side knows the limit). */
export async function readInput(maxBytes: number | null, file: string): Promise<Buffer> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw invalidInput(`Cannot read ${file}`, [
      { field: 'file', message: 'does not exist or is not readable' },
    ]);
  }
  if (maxBytes !== null && size > maxBytes) {
    throw new RosterError(
      'payload_too_large',
      `${file} is ${size} bytes; the limit is ${maxBytes} (ROSTER_MAX_UPLOAD_BYTES)`,
    );
  }
  return readFile(file);
}

function parseMappings(values: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const value of values) {
    const at = value.indexOf('=');
    const column = value.slice(0, at) as (typeof canonicalColumns)[number];
    if (at < 1 || !canonicalColumns.includes(column)) {
      throw invalidInput(`--map ${value} is not COLUMN=HEADER`, [
        { field: 'map', message: `COLUMN is one of ${canonicalColumns.join(', ')}` },
      ]);
    }
    mapping[column] = value.slice(at + 1);
  }
  return mapping;
}

export function registerImportCommands(program: Command) {
  const imports = commandGroup(program, 'import', 'Import data for one app through the sync engine');
  imports
    .command('csv <file>')
    .description(
      "Import one app's users from CSV: email,name,status,role,license_types,last_used_at. " +
        "The file REPLACES the app's list from earlier CSV uploads: users it does not list are marked removed.",
    )
    .addHelpText(
      'after',
      "\nThe file is the app's whole list, not an addition: everyone an earlier upload listed and this file does\n" +
        'not is marked removed. An upload that would remove many users (more than 10% and more than 10, or all of\n' +
        'them, unless the source is set otherwise) is held: nothing is applied until you run\n' +
        '  roster sync "<app> (CSV)" --confirm-removals    (or --discard-held)\n',
    )
    .requiredOption(
      '--app <app>',
      'the app the file describes (an app of this organisation or a catalog name)',
    )
    .option('--preset <preset>', `header preset: ${presets.join(', ')}`)
    .option('--map <column=header...>', 'map a canonical column to a header of the file (repeatable)', [])
    .option('--json', 'print JSON')
    .action(async (file: string, options) => {
      const json = Boolean(options.json);
      await withClient(json, importsClient, async (client) => {
        if (options.preset && !presets.includes(options.preset)) {
          throw invalidInput(`Unknown preset "${options.preset}"`, [
            { field: 'preset', message: `must be one of ${presets.join(', ')}` },
          ]);
        }
        const content = await readInput(client.maxUploadBytes, file);
        const progress = syncProgressReporter(options.app, json);
        const result = await client.csv({
          app: options.app,
          content,
          preset: options.preset as Preset | undefined,
          mapping: parseMappings(options.map),
          onProgress: progress.onProgress,
        });
        progress.stop();
        return reportSyncResult(result, json);
      });
    });
  imports
    .command('custom <file>')
    .description("Import a JSON snapshot of a custom app (Roster's or Torii's shape)")
    .requiredOption('--app <app>', 'the app the snapshot describes')
    .option('--json', 'print JSON')
    .action(async (file: string, options) => {
      const json = Boolean(options.json);
      await withClient(json, importsClient, async (client) => {
        const content = await readInput(client.maxUploadBytes, file);
        let snapshot: unknown;
        try {
          snapshot = JSON.parse(content.toString('utf8'));
        } catch (error) {
          throw invalidInput(`${file} is not valid JSON`, [
            { field: 'file', message: (error as Error).message },
          ]);
        }
        const result = await client.custom({ app: options.app, snapshot });
        return reportSyncResult(result, json);
      });
    });
}
