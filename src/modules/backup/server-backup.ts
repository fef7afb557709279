import { spawn } from 'node:child_process';
import { RosterError } from '../../lib/errors.js';

/**
 * PostgreSQL's own tools back up a server database: they copy it consistently while every Roster process
 * keeps running, and restore into any server of that major version or newer. The password travels in the
 * environment, never on a command line other users can read.
 */
function libpqEnvironment(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  env.PGHOST = decodeURIComponent(u.hostname.replace(/^\[|\]$/g, '')) || 'localhost';
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  env.PGDATABASE = databaseName(url);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

async function run(tool: 'pg_dump' | 'pg_restore', args: string[], url: string): Promise<void> {
  const child = spawn(tool, args, { env: libpqEnvironment(url), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT')
      throw new RosterError(
        'conflict',
        `${tool} is not installed here: install PostgreSQL's client tools (the server's major version or newer)`,
      );
    throw error;
  });
  if (code !== 0)
    throw new RosterError('conflict', `${tool} failed: ${stderr.trim() || `exit code ${code}`}`);
}

/** `pg_dump --format=custom`: one file, restored with `roster restore` or `pg_restore`. */
export const dumpServerDatabase = (url: string, file: string) =>
  run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`], url);

/** Into an empty database, in one transaction: an error leaves it empty. */
export const restoreServerDatabase = (url: string, file: string) =>
  run(
    'pg_restore',
    // Without --dbname pg_restore prints SQL instead of restoring; the name alone keeps the password out of argv.
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${databaseName(url)}`,
      file,
    ],
    url,
  );

const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
