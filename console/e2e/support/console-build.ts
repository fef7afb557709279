import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { consoleDist } from '../../../src/http/console.routes.js';

/** The tests drive the production build; a checkout that has not built it yet builds it once. */
export function ensureConsoleBuilt(): void {
  if (existsSync(join(consoleDist, 'index.html'))) return;
  execFileSync('npm', ['run', 'build', '--workspace', 'console'], { stdio: 'inherit' });
}
