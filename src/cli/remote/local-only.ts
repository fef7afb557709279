/** A command that needs this machine's data (the database or the data directory itself), not an API. */
export class LocalOnlyError extends Error {}

/** Commands that open this machine's data directly (serve, migrate, secrets, demo…) refuse to run against ROSTER_URL. */
export function refuseRemote(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv) {
  if (!env.ROSTER_URL?.trim()) return;
  const command = argv.slice(2).filter((a) => !a.startsWith('-'))[0] ?? 'this command';
  throw new LocalOnlyError(
    `roster ${command} works only on the machine that holds Roster's data (its data directory or DATABASE_URL), ` +
      'not against ROSTER_URL: unset ROSTER_URL and run it there',
  );
}
