import type { Command } from 'commander';
import { formatDetails, invalidInput } from '../../lib/errors.js';
import { addSource, listSources, removeSource, syncSource } from '../../modules/sources/sources.service.js';
import type { SyncResult } from '../../sync/engine.js';
import { cliActor, withRoster, withRosterReadOnly } from '../context.js';
import { exitCodes } from '../exit-codes.js';
import { printJson, printTable } from '../output.js';
import { syncProgressReporter } from '../progress.js';

function parseJsonOption(value: string | undefined, field: string): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    throw invalidInput(`--${field} is not valid JSON`, [{ field, message: 'must be a JSON object' }]);
  }
}

/** Prints a run's outcome and returns the exit code: a run that applied nothing is a failure. */
export function reportSyncResult(result: SyncResult & { source?: { name: string } }, json: boolean): number {
  if (json) printJson(result);
  else if (result.status === 'succeeded') {
    const c = result.counters;
    process.stdout.write(
      `Sync run ${result.runId} succeeded: ${c.added} added, ${c.updated} updated, ${c.removed} removed, ${c.unchanged} unchanged\n`,
    );
  } else {
    process.stderr.write(`Sync run ${result.runId} ${result.status}: ${result.error?.message ?? ''}\n`);
    for (const line of formatDetails(result.error?.details ?? [])) process.stderr.write(`  ${line}\n`);
  }
  if (result.status === 'succeeded') return exitCodes.ok;
  return result.error?.code === 'invalid_data' ? exitCodes.invalidInput : exitCodes.syncFailed;
}

export async function runSyncCommand(name: string, options: { json?: boolean }) {
  const json = Boolean(options.json);
  await withRoster(json, async (roster) => {
    const progress = syncProgressReporter(name, json);
    try {
      const result = await syncSource(roster, cliActor(), name, { onProgress: progress.onProgress });
      progress.stop();
      return reportSyncResult(result, json);
    } finally {
      progress.stop();
    }
  });
}

export function registerSourcesCommands(program: Command) {
  const sources = program.command('sources').description('Connected data sources');
  sources
    .command('add <kind>')
    .description('Add a source (kinds: roster sources kinds)')
    .requiredOption('--name <name>', 'a name for this source')
    .option('--config <json>', 'the source configuration as JSON', '{}')
    .option('--credentials <json>', 'credentials as JSON (stored encrypted, never shown again)')
    .option('--staleness-days <n>', 'days without a successful sync before the source needs attention')
    .option(
      '--schedule <interval>',
      'sync interval of a pull source: 30m, 6h, 1d (default 24h); "manual" for none',
    )
    .option('--json', 'print JSON')
    .action(async (kind: string, options) => {
      const json = Boolean(options.json);
      await withRoster(json, async (roster) => {
        const source = await addSource(roster, cliActor(), {
          kind,
          name: options.name,
          config: parseJsonOption(options.config, 'config'),
          credentials: parseJsonOption(options.credentials, 'credentials'),
          stalenessDays: options.stalenessDays ? Number(options.stalenessDays) : null,
          ...(options.schedule ? { schedule: options.schedule === 'manual' ? null : options.schedule } : {}),
        });
        if (json) printJson(source);
        else process.stdout.write(`Added source ${source.name} (${source.kind}, id ${source.id})\n`);
        return 0;
      });
    });
  sources
    .command('list')
    .description('List sources with their health')
    .option('--all', 'include removed (disconnected) sources')
    .option('--json', 'print JSON')
    .action(async (options) => {
      const json = Boolean(options.json);
      await withRosterReadOnly(json, async (roster) => {
        const items = await listSources(roster, { includeDisconnected: Boolean(options.all) });
        if (json) printJson({ items });
        else
          printTable(
            items.map((s) => ({ ...s, health: s.health.status, reason: s.health.message })),
            ['id', 'name', 'kind', 'health', 'lastSuccessAt', 'reason'],
          );
        return 0;
      });
    });
  sources
    .command('sync <name>')
    .description('Run a sync of a source now')
    .option('--json', 'print JSON')
    .action(runSyncCommand);
  sources
    .command('remove <name>')
    .description('Remove (disconnect) a source; what it reported is kept')
    .option('--json', 'print JSON')
    .action(async (name: string, options) => {
      const json = Boolean(options.json);
      await withRoster(json, async (roster) => {
        const source = await removeSource(roster, cliActor(), name);
        if (json) printJson(source);
        else process.stdout.write(`Removed source ${source.name}; its data is kept\n`);
        return 0;
      });
    });
  sources
    .command('kinds')
    .description('Source kinds and their capabilities')
    .option('--json', 'print JSON')
    .action(async (options) => {
      const { sourceKinds } = await import('../../connectors/registry.js');
      const items = sourceKinds.map((k) => ({
        kind: k.kind,
        title: k.title,
        mode: k.mode,
        capabilities: k.capabilities,
      }));
      if (options.json) printJson(items);
      else
        printTable(
          items.map((k) => ({
            ...k,
            capabilities: Object.entries(k.capabilities)
              .filter(([, on]) => on)
              .map(([c]) => c),
          })),
          ['kind', 'title', 'mode', 'capabilities'],
        );
    });
  program
    .command('sync <source-name>')
    .description('Run a sync of a source now (same as sources sync)')
    .option('--json', 'print JSON')
    .action(runSyncCommand);
}
