import type { Command } from 'commander';

// The server, the database drivers and the demo load when a command runs, not when `roster --help` does.
export function registerServeCommands(program: Command) {
  program
    .command('serve')
    .description('Serve the API (and console) over HTTP')
    .option('--port <n>', 'port to listen on (default PORT or 8080)')
    .option('--demo', 'serve the demo organisation from its own data directory (loaded on first start)')
    .action(async (options) => (await import('./serve-run.js')).runServe(options));

  program
    .command('demo')
    .description('Load the demo organisation into an empty database')
    .action(async () => (await import('./serve-run.js')).runDemoLoad());
}
