import type { Command } from 'commander';
import { formatDetails, invalidInput } from '../../lib/errors.js';
import { defaultRemovalThreshold } from '../../sync/default-removal-threshold.js';
import type { SyncResult } from '../../sync/engine.js';
import type { RemovalThreshold } from '../../sync/removal-threshold.js';
import { sourcesClient } from '../clients/sources-client.js';
import { withClient, withClientReadOnly } from '../context.js';
import { exitCodes } from '../exit-codes.js';
import { parseJsonOption } from '../json-option.js';
import { printJson, printTable } from '../output.js';
import { syncProgressReporter } from '../progress.js';

/** Prints a run's outcome and returns the exit code: a run that applied nothing is a failure. */
export function reportSyncResult(
  result: SyncResult & { source?: { name: string } },
  json: boolean,
  sourceName = result.source?.name,
): number {
  if (json) printJson(result);
  else if (result.status === 'held' && result.held) {
    const name = JSON.stringify(sourceName ?? String(result.sourceId));
    process.stderr.write(
      `Sync run ${result.runId} held: ${result.held.message}\n` +
        `  apply it:   roster sync ${name} --confirm-removals\n` +
        `  discard it: roster sync ${name} --discard-held\n`,
    );
  } else if (result.status === 'succeeded') {
    const c = result.counters;
    process.stdout.write(
      `Sync run ${result.runId} succeeded: ${c.added} added, ${c.updated} updated, ${c.removed} removed, ${c.unchanged} unchanged\n`,
    );
  } else {
    process.stderr.write(`Sync run ${result.runId} ${result.status}: ${result.error?.message ?? ''}\n`);
    for (const line of formatDetails(result.error?.details ?? [])) process.stderr.write(`  ${line}\n`);
  }
  if (result.status === 'succeeded') return exitCodes.ok;
  if (result.status === 'held') return exitCodes.held;
  return result.error?.code === 'invalid_data' ? exitCodes.invalidInput : exitCodes.syncFailed;
}

export async function runSyncCommand(
  name: string,
  options: { json?: boolean; confirmRemovals?: boolean; discardHeld?: boolean },
) {
  const json = Boolean(options.json);
  await withClient(json, sourcesClient, async (client) => {
    if (options.confirmRemovals && options.discardHeld)
      throw invalidInput('Choose one of --confirm-removals and --discard-held', [
        { field: 'confirm-removals', message: 'cannot be used with --discard-held' },
      ]);
    if (options.confirmRemovals) return reportSyncResult(await client.confirmHeld(name), json, name);
    if (options.discardHeld) {
      const discarded = await client.discardHeld(name);
      if (json) printJson(discarded);
      else process.stdout.write(`Discarded held sync run ${discarded.runId}; nothing of it was applied\n`);
      return exitCodes.ok;
    }
    const progress = syncProgressReporter(name, json);
    try {
      const result = await client.sync(name, progress.onProgress);
      progress.stop();
      return reportSyncResult(result, json, name);
    } finally {
      progress.stop();
    }
  });
}

/** `10%,25` (held past 10% and past 25 removals), `off` (never held) or `default`. */
export function parseThresholdOption(value: string): RemovalThreshold | null {
  const text = value.trim().toLowerCase();
  if (text === 'default') return null;
  if (text === 'off') return { disabled: true };
  const match = text.match(/^(\d+(?:\.\d+)?)%?,(\d+)$/);
  const percent = Number(match?.[1]);
  if (!match || percent > 100)
    throw invalidInput(`"${value}" is not a removal threshold`, [
      { field: 'removal-threshold', message: 'use PERCENT%,COUNT (for example 10%,10), off or default' },
    ]);
  return { percent, count: Number(match[2]) };
}

const thresholdHelp =
  `removals a sync may make before it is held for confirmation: PERCENT%,COUNT ` +
  `(default ${defaultRemovalThreshold.percent}%,${defaultRemovalThreshold.count}: held past both, or when all would go), off, or default`;

function addSyncOptions(command: Command) {
  return command
    .option('--json', 'print JSON')
    .option('--confirm-removals', 'apply the sync run held for confirmation, removals included (no refetch)')
    .option('--discard-held', 'discard the sync run held for confirmation; nothing of it is applied');
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
    .option('--removal-threshold <threshold>', thresholdHelp)
    .option('--json', 'print JSON')
    .action(async (kind: string, options) => {
      const json = Boolean(options.json);
      await withClient(json, sourcesClient, async (client) => {
        const source = await client.add({
          kind,
          name: options.name,
          config: parseJsonOption(options.config, 'config'),
          credentials: parseJsonOption(options.credentials, 'credentials'),
          stalenessDays: options.stalenessDays ? Number(options.stalenessDays) : null,
          ...(options.schedule ? { schedule: options.schedule === 'manual' ? null : options.schedule } : {}),
          ...(options.removalThreshold
            ? { removalThreshold: parseThresholdOption(options.removalThreshold) }
            : {}),
        });
        if (json) printJson(source);
        else process.stdout.write(`Added source ${source.name} (${source.kind}, id ${source.id})\n`);
        return 0;
      });
    });
  sources
    .command('set <source>')
    .description(
      "Change a source's name, config, credentials or schedule; credentials are merged field by field (an empty field keeps its value)",
    )
    .option('--config <json>', 'the whole new configuration as JSON')
    .option(
      '--credentials <json>',
      'credential fields to change as JSON (stored encrypted, never shown again)',
    )
    .option('--name <name>', 'a new name')
    .option('--schedule <interval>', 'sync interval of a pull source: 30m, 6h, 1d; "manual" for none')
    .option('--json', 'print JSON')
    .action(async (ref: string, options) => {
      const json = Boolean(options.json);
      await withClient(json, sourcesClient, async (client) => {
        const source = await client.update(ref, {
          name: options.name,
          config: parseJsonOption(options.config, 'config'),
          credentials: parseJsonOption(options.credentials, 'credentials'),
          ...(options.schedule ? { schedule: options.schedule === 'manual' ? null : options.schedule } : {}),
        });
        if (json) printJson(source);
        else process.stdout.write(`Updated source ${source.name} (${source.kind}, id ${source.id})\n`);
        return exitCodes.ok;
      });
    });
  sources
    .command('list')
    .description('List sources with their health')
    .option('--all', 'include removed (disconnected) sources')
    .option('--json', 'print JSON')
    .action(async (options) => {
      const json = Boolean(options.json);
      await withClientReadOnly(json, sourcesClient, async (client) => {
        const items = await client.list({ includeDisconnected: Boolean(options.all) });
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
    .command('show <source>')
    .description('One source (by name or id) with its health and settings (never its credentials)')
    .option('--json', 'print JSON')
    .action(async (ref: string, options) => {
      const json = Boolean(options.json);
      await withClientReadOnly(json, sourcesClient, async (client) => {
        const source = await client.get(ref);
        if (json) printJson(source);
        else {
          process.stdout.write(
            `${source.name} (${source.kind}, id ${source.id}): ${source.health.status}` +
              `${source.health.message ? ` — ${source.health.message}` : ''}\n`,
          );
          printTable(
            [{ ...source, config: JSON.stringify(source.config) }],
            ['mode', 'app', 'schedule', 'lastSuccessAt', 'hasCredentials', 'config'],
          );
        }
        return exitCodes.ok;
      });
    });
  addSyncOptions(sources.command('sync <name>').description('Run a sync of a source now')).action(
    runSyncCommand,
  );
  sources
    .command('removal-threshold <name> <threshold>')
    .description(`Set how many removals a sync may make before it is held: ${thresholdHelp}`)
    .option('--json', 'print JSON')
    .action(async (name: string, threshold: string, options) => {
      const json = Boolean(options.json);
      await withClient(json, sourcesClient, async (client) => {
        const source = await client.setRemovalThreshold(name, parseThresholdOption(threshold));
        if (json) printJson(source);
        else process.stdout.write(`Removal threshold of ${source.name}: ${threshold}\n`);
        return 0;
      });
    });
  sources
    .command('remove <name>')
    .description('Remove (disconnect) a source; what it reported is kept')
    .option('--json', 'print JSON')
    .action(async (name: string, options) => {
      const json = Boolean(options.json);
      await withClient(json, sourcesClient, async (client) => {
        const source = await client.remove(name);
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
  addSyncOptions(
    program.command('sync <source-name>').description('Run a sync of a source now (same as sources sync)'),
  ).action(runSyncCommand);
}
