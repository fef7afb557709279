import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { addSource, syncSource } from '../src/modules/sources/sources.service.js';
import { openRoster, type Roster } from '../src/roster.js';
import { graphSimulatorCredentials } from '../src/simulators/microsoft-graph/graph-simulator.js';
import { benchServer, benchServerKey, laneWanted, timed } from './server.js';

/** The simulated provider as the bench sees it: the source settings that point a connector at it. */
interface RemoteProvider {
  kind: string;
  source: { config: Record<string, unknown>; credentials?: Record<string, unknown> };
  close(): void;
}

/** Starts the simulated Graph in its own process (bench/graph-process.ts): it shares no thread with Roster. */
async function startRemoteGraph(people: number): Promise<RemoteProvider> {
  const script = join(process.cwd(), 'bench', 'graph-process.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, String(people)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the simulated Graph exited (${code})`)));
  });
  const { kind, source } = JSON.parse(first) as Omit<RemoteProvider, 'close'>;
  return { kind, source, close: () => child.stdin.end() };
}

/**
 * A full sync of PEOPLE users (3 aliases each, Microsoft 365 licences, enterprise apps) from the simulated
 * Microsoft Graph over loopback, through the Entra ID connector and the sync engine, beside the raw path in
 * the same run: every users page fetched with plain fetch and JSON.parse, and the same number of rows
 * written with COPY into scratch tables of the same database. The simulator runs in its own process, as a
 * real provider is remote.
 */
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 50_000);
const select =
  'id,displayName,mail,userPrincipalName,proxyAddresses,otherMails,accountEnabled,userType,employeeId,createdDateTime,signInActivity,assignedLicenses';

/** Every users page with plain fetch: what reading the tenant costs before Roster does anything. */
async function rawFetch(graph: RemoteProvider): Promise<{ users: number; pages: number; rows: unknown[][] }> {
  const config = graph.source.config as { tokenUrl: string; baseUrl: string };
  const token = (await (
    await fetch(config.tokenUrl, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: graphSimulatorCredentials.clientId,
        client_secret: graphSimulatorCredentials.clientSecret,
        scope: 'https://graph.microsoft.com/.default',
      }),
    })
  ).json()) as { access_token: string };
  let next: string | undefined = `${config.baseUrl}/users?$select=${select}&$top=120`;
  let users = 0;
  let pages = 0;
  const rows: unknown[][] = [];
  while (next) {
    const response = await fetch(next, { headers: { authorization: `Bearer ${token.access_token}` } });
    const body = JSON.parse(await response.text()) as {
      value: {
        id: string;
        mail: string | null;
        userPrincipalName: string;
        displayName: string;
        proxyAddresses: string[];
      }[];
      '@odata.nextLink'?: string;
    };
    for (const u of body.value) {
      rows.push([u.mail ?? u.userPrincipalName, u.id, u.displayName]);
      for (const alias of u.proxyAddresses)
        rows.push([u.mail ?? u.userPrincipalName, 'proxyAddresses', alias]);
    }
    users += body.value.length;
    pages += 1;
    next = body['@odata.nextLink'];
  }
  return { users, pages, rows };
}

/** The rows a sync writes (an account, an employee and the aliases per user), with plain COPY. */
async function rawCopy(roster: Roster, rows: unknown[][]): Promise<void> {
  const { db } = roster.database;
  await sql`create unlogged table if not exists bench_raw (email text, a text, b text)`.execute(db);
  await sql`truncate bench_raw`.execute(db);
  const asText = rows.map((r) => r.map((v) => (v == null ? null : String(v))));
  // Accounts and employees are one row per user each: write the user rows twice, the alias rows once.
  const userRows = asText.filter((r) => r[1] !== 'proxyAddresses');
  for (let i = 0; i < asText.length; i += 10_000)
    await roster.database.copyRows('bench_raw', ['email', 'a', 'b'], asText.slice(i, i + 10_000));
  for (let i = 0; i < userRows.length; i += 10_000)
    await roster.database.copyRows('bench_raw', ['email', 'a', 'b'], userRows.slice(i, i + 10_000));
}

async function lane(label: string, env: Record<string, string>, graph: RemoteProvider) {
  const dataDir = mkdtempSync(join(process.cwd(), 'bench', '.data', `sync-${label}-`));
  // The simulated Graph listens on loopback, opened as an admin would open a mirror.
  const roster = await openRoster(
    loadConfig({
      ROSTER_DATA_DIR: dataDir,
      ROSTER_LOG_LEVEL: 'silent',
      ROSTER_OUTBOUND_ALLOW: '127.0.0.1',
      ...env,
    }),
  );
  try {
    const fetched = await timed(() => rawFetch(graph));
    const copied = await timed(() => rawCopy(roster, fetched.value.rows));
    await addSource(roster, 'bench', {
      kind: graph.kind,
      name: 'Entra ID',
      config: graph.source.config,
      credentials: graph.source.credentials,
      schedule: null,
    });
    const first = await timed(() => syncSource(roster, 'bench', 'Entra ID'));
    if (first.value.status !== 'succeeded') throw new Error(`sync failed: ${first.value.error?.message}`);
    const again = await timed(() => syncSource(roster, 'bench', 'Entra ID'));
    const raw = fetched.seconds + copied.seconds;
    const users = fetched.value.users;
    const rate = (s: number) => `${Math.round(users / s).toLocaleString('en')} users/s`;
    console.log(`${label.padEnd(8)} ${users} users in ${fetched.value.pages} pages`);
    console.log(
      `${''.padEnd(8)} raw: fetch ${fetched.seconds.toFixed(1)} s (${rate(fetched.seconds)}) + COPY of ${fetched.value.rows.length + users} rows ${copied.seconds.toFixed(1)} s = ${raw.toFixed(1)} s (${rate(raw)})`,
    );
    console.log(
      `${''.padEnd(8)} Roster, first sync: ${first.seconds.toFixed(1)} s (${rate(first.seconds)}; ${(first.seconds / raw).toFixed(2)}x raw); counters ${JSON.stringify(first.value.counters)}`,
    );
    console.log(
      `${''.padEnd(8)} Roster, unchanged re-sync: ${again.seconds.toFixed(1)} s (${rate(again.seconds)}; ${(again.seconds / raw).toFixed(2)}x raw)`,
    );
  } finally {
    await roster.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run() {
  console.log(
    `sync: ${PEOPLE} people, 3 aliases each, from the simulated Microsoft Graph; node ${process.version}, ${cpus().length} x ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  );
  const graph = await startRemoteGraph(PEOPLE);
  try {
    if (laneWanted('pglite')) await lane('pglite', {}, graph);
    if (!laneWanted('postgres')) return;
    const server = benchServer();
    if (!server) return;
    try {
      await lane('postgres', { DATABASE_URL: server.url, ROSTER_SECRET_KEY: benchServerKey }, graph);
    } finally {
      server.stop();
    }
  } finally {
    graph.close();
  }
}
