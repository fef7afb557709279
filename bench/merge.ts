import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { readCandidates } from '../src/modules/merge/merge.repo.js';
import { applyMerge, configureMerge, previewMerge, revokeMerge } from '../src/modules/merge/merge.service.js';
import { openRoster, type Roster } from '../src/roster.js';
import { seedDirectAccounts } from '../test/support/seed-accounts.js';
import { benchServer, benchServerKey, timed } from './server.js';

/**
 * Merge Users at scale: 100,000 users, 20,000 alias candidates covering every outcome (merged, employee,
 * claimed twice, alias with aliases, undiscovered, ignored values). Timed: preview and apply, beside a
 * plain in-memory grouping of the same pairs (the lower bound).
 */
const USERS = 100_000;
const CANDIDATES = 20_000;

async function seed(roster: Roster) {
  const { db } = roster.database;
  await sql`update organisation_settings set domains = '{acme.io}'`.execute(db);
  await sql`insert into users (email, domain) select 'user' || i || '@acme.io', 'acme.io' from generate_series(0, ${USERS - 1}) i`.execute(
    db,
  );
  const source = await db
    .insertInto('sources')
    .values({ kind: 'microsoft-entra', name: 'Entra ID', config: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const app = await db
    .insertInto('apps')
    .values({ name: 'Bench App' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await seedDirectAccounts(
    db,
    source.id,
    sql`select ${app.id}::bigint as app_id, id as user_id, 'active'::text as status, email as name,
               null::timestamptz as removed_at, null::timestamptz as last_used_at from users`,
  );
  // Primaries are users 0..19,999; alias i → user 20,000 + i, with every rule represented by residue.
  await sql`insert into identity_aliases (source_id, primary_email, field, value)
            select ${source.id}, 'user' || i || '@acme.io',
                   case when i % 10 = 9 then 'proxyAddresses' else 'otherMails' end,
                   case when i % 10 = 9 then 'SIP:user' || i || '@acme.io'              -- ignored: not smtp
                        when i % 10 = 8 then 'nobody' || i || '@acme.io'                -- waits: never discovered
                        when i % 10 = 7 then 'user' || (20000 + i - 1) || '@acme.io'    -- claimed twice
                        when i % 10 = 5 then 'user' || (i + 1) || '@acme.io'            -- alias that has aliases
                        else 'user' || (20000 + i) || '@acme.io' end
            from generate_series(0, ${CANDIDATES - 1}) i`.execute(db);
  // Every 50th alias is an employee.
  await sql`insert into employees (source_id, email, status)
            select ${source.id}, 'user' || (20000 + i) || '@acme.io', 'active' from generate_series(0, ${CANDIDATES - 1}, 50) i`.execute(
    db,
  );
  await roster.database.afterLargeChange();
  return source.id;
}

async function lane(label: string, env: Record<string, string>) {
  const dataDir = mkdtempSync(join(process.cwd(), 'bench', '.data', `merge-${label}-`));
  const roster = await openRoster(
    loadConfig({ ROSTER_DATA_DIR: dataDir, ROSTER_LOG_LEVEL: 'silent', ...env }),
  );
  try {
    const sourceId = await seed(roster);
    await configureMerge(roster, 'bench', [{ source: sourceId, fields: ['otherMails', 'proxyAddresses'] }]);
    const candidates = await readCandidates(roster, [{ sourceId, fields: ['otherMails', 'proxyAddresses'] }]);
    const { seconds: groupSeconds, value: groups } = await timed(async () => {
      const byAlias = new Map<string, string[]>();
      for (const c of candidates) byAlias.set(c.value, [...(byAlias.get(c.value) ?? []), c.primaryEmail]);
      return byAlias.size;
    });
    const { seconds: previewSeconds, value: report } = await timed(() => previewMerge(roster));
    const { seconds: applySeconds, value: applied } = await timed(() => applyMerge(roster, 'bench'));
    const { seconds: revokeSeconds } = await timed(() => revokeMerge(roster, 'bench'));
    const rules = report.skipped.reduce<Record<string, number>>((acc, s) => {
      acc[s.rule] = (acc[s.rule] ?? 0) + 1;
      return acc;
    }, {});
    console.log(
      `${label.padEnd(8)} in-memory grouping ${(groupSeconds * 1000).toFixed(0).padStart(5)} ms (${groups} aliases) | preview ${previewSeconds.toFixed(2)} s | apply ${applySeconds.toFixed(2)} s | revoke ${revokeSeconds.toFixed(2)} s`,
    );
    console.log(
      `${''.padEnd(8)} ${report.merges.length} people, ${applied.merged} merged, skipped ${JSON.stringify(rules)}, ${report.pending.length} waiting, ${report.ignored.length} ignored; users ${report.usersBefore} → ${report.usersAfter}`,
    );
  } finally {
    await roster.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run() {
  console.log(
    `merge: ${USERS} users, ${CANDIDATES} alias candidates; node ${process.version}, ${cpus().length} x ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  );
  await lane('pglite', {});
  const server = benchServer();
  if (!server) return;
  try {
    await lane('postgres', { DATABASE_URL: server.url, ROSTER_SECRET_KEY: benchServerKey });
  } finally {
    server.stop();
  }
}
