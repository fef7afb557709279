import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * How a test starts the `roster` command: from the sources through tsx, or — with ROSTER_TEST_CLI=dist,
 * as CI sets it right after `npm ci` built Roster — from the build, which starts a second sooner in each
 * of the suite's many child processes. A build older than a source file is refused, never run.
 */
export const cliArgs: string[] =
  process.env.ROSTER_TEST_CLI === 'dist'
    ? [freshBuildEntry()]
    : ['--import', 'tsx', join(repoRoot, 'src/cli/index.ts')];

function freshBuildEntry(): string {
  const entry = join(repoRoot, 'dist/cli/index.js');
  const built = statSync(entry, { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined)
    throw new Error('ROSTER_TEST_CLI=dist, but dist/cli/index.js is missing: run npm run build');
  const newest = newestSource(join(repoRoot, 'src'));
  if (newest.mtimeMs > built)
    throw new Error(`ROSTER_TEST_CLI=dist, but ${newest.path} is newer than the build: run npm run build`);
  return entry;
}

function newestSource(folder: string): { path: string; mtimeMs: number } {
  let newest = { path: folder, mtimeMs: 0 };
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    const candidate = entry.isDirectory()
      ? newestSource(path)
      : entry.name.endsWith('.test.ts')
        ? newest
        : { path, mtimeMs: statSync(path).mtimeMs };
    if (candidate.mtimeMs > newest.mtimeMs) newest = candidate;
  }
  return newest;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * V8 flags for a command's process: compile the embedded database's WebAssembly once, with the baseline
 * compiler, and never again with the optimising one. A command lives a second or two, too short to earn back
 * optimising PostgreSQL's hot functions, which cost the process a third of its CPU time across the suite's
 * hundreds of commands. What the code does is the same either way; `roster serve` children keep the default.
 */
export const shortLivedNodeOptions = ['--liftoff-only'];

/** Runs the roster CLI from source in a child process, as a user would run the installed command. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  options: { onStderr?: (text: string, kill: () => void) => void; nodeOptions?: string[] } = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [...shortLivedNodeOptions, ...(options.nodeOptions ?? []), ...cliArgs, ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, ROSTER_LOG_LEVEL: 'silent', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      options.onStderr?.(stderr, () => child.kill('SIGKILL'));
    });
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
