import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const cliEntry = fileURLToPath(new URL('../../src/cli/index.ts', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the roster CLI from source in a child process, as a user would run the installed command. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  options: { onStderr?: (text: string, kill: () => void) => void; nodeOptions?: string[] } = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [...(options.nodeOptions ?? []), '--import', 'tsx', cliEntry, ...args],
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
