import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import type { CopyValue } from '../src/db/copy-text.js';
import { csvWriter } from '../src/lib/csv-export.js';
import { deriveExpenseLines } from '../src/modules/expenses/derive.js';
import { forEachExpenseLine } from '../src/modules/expenses/expense-lines.repo.js';
import { expenseCsvColumns } from '../src/modules/expenses/expense-lines.schemas.js';
import { refreshExpenseTotals } from '../src/modules/expenses/expense-totals.js';
import { loadAppSpend, loadExpenseSummary } from '../src/modules/expenses/summary.service.js';
import { openRoster, type Roster } from '../src/roster.js';
import { createServerDatabase } from '../test/support/test-roster.js';
import { benchServer, benchServerKey, laneWanted, medianMs, timed } from './server.js';

/**
 * Expenses at scale: BENCH_EXPENSE_LINES lines (1,000,000 by default) over 3 years from 3 sources, on 2,000
 * distinct descriptors and 200 apps, with 50 rules. Measures getting the lines in and derived (COPY +
 * deriveExpenseLines) beside a baseline (COPY of the same lines into an unindexed table, plus a plain
 * multi-pattern scan of the descriptors against the aliases), re-deriving everything after a rule change,
 * the summary and one app's spend beside the same sums written by hand over the lines, and the CSV export
 * of every line with its peak memory.
 */
const LINES = Number(process.env.BENCH_EXPENSE_LINES ?? 1_000_000);
const DESCRIPTORS = 2000;
const APPS = 200;
const RULES = 50;
const DAYS = 1096;
const batch = 50_000;

const descriptorOf = (i: number) => (i * 7919) % DESCRIPTORS;
/** 1,500 descriptors name an app, 300 name none, 200 are not software (an Ignore rule drops them). */
const appOf = (d: number) => (d < 1500 ? (d % APPS) + 1 : null);
const ignoredDescriptor = (d: number) => d >= 1800;
const dateOf = (i: number) =>
  new Date(Date.UTC(2023, 11, 1) + (i % DAYS) * 86_400_000).toISOString().slice(0, 10);

function* lineBatches() {
  for (let start = 0; start < LINES; start += batch) {
    const rows: CopyValue[][] = [];
    for (let i = start; i < Math.min(LINES, start + batch); i++) {
      const d = descriptorOf(i);
      rows.push([
        i % 3,
        `b${i}`,
        dateOf(i),
        ((i * 31) % 50_000) / 100 + 1,
        'USD',
        d,
        `card-${i % 10}`,
        `user${i % 5000}@bench.example`,
      ]);
    }
    yield rows;
  }
}

/** What `importExpenses` and the rules service do once they are part of Roster; null while they are not. */
async function importAndMatchHook(): Promise<string | null> {
  const candidates = [
    '../src/modules/expenses/import/import-expenses.js',
    '../src/modules/expenses/import/index.js',
  ];
  for (const path of candidates) {
    try {
      const module = (await import(path)) as Record<string, unknown>;
      if (typeof module.importExpenses === 'function')
        return 'importExpenses is present: time it here against the same file (not yet wired)';
    } catch {
      // not on this branch
    }
  }
  return null;
}

async function seedReferenceData(roster: Roster) {
  const { db } = roster.database;
  await sql`insert into apps (name) select 'Bench App ' || a from generate_series(1, ${APPS}) a`.execute(db);
  for (const name of ['Card feed', 'Expense reports', 'Accounts payable'])
    await db.insertInto('sources').values({ kind: 'expense-upload', name, config: '{}' }).execute();
  await sql`insert into expense_imports (source_id, file_name) select id, 'bench.csv' from sources order by id`.execute(
    db,
  );
  await sql`
    insert into expense_descriptors (vendor, description, normalised, app_id, match_kind, match_alias, ignored, matched_at)
    select 'VENDOR ' || d, 'REF ' || (d * 37 % 1000), 'vendor ' || d,
           case when d < 1500 then (select id from apps where name = 'Bench App ' || ((d % ${APPS}) + 1)) end,
           case when d < 1500 then 'automatic' end, case when d < 1500 then 'vendor ' || d end,
           d >= 1800, now()
    from generate_series(0, ${DESCRIPTORS - 1}) d`.execute(db);
  await sql`
    insert into expense_rules (action, app_id, field, op, value, priority, created_by)
    select case when r < 40 then 'match' else 'ignore' end,
           case when r < 40 then (select id from apps where name = 'Bench App ' || (r + 1)) end,
           'vendor', 'contains', 'VENDOR ' || (1000 + r), r, 'bench'
    from generate_series(0, ${RULES - 1}) r`.execute(db);
}

async function loadLines(roster: Roster) {
  const { db } = roster.database;
  const sources = (await db.selectFrom('sources').select('id').orderBy('id').execute()).map((s) => s.id);
  const imports = (await db.selectFrom('expense_imports').select('id').orderBy('source_id').execute()).map(
    (i) => i.id,
  );
  const descriptors = new Map(
    (await db.selectFrom('expense_descriptors').select(['id', 'vendor']).execute()).map((d) => [
      Number(d.vendor.slice(7)),
      d.id,
    ]),
  );
  const appIds = new Map(
    (await db.selectFrom('apps').select(['id', 'name']).execute()).map((a) => [
      Number(a.name.slice(9)),
      a.id,
    ]),
  );
  for (const rows of lineBatches())
    await roster.database.copyRows(
      'expense_lines',
      [
        'source_id',
        'external_id',
        'first_import_id',
        'date',
        'amount',
        'currency',
        'descriptor_id',
        'account',
        'employee_email',
        'item_type',
        'amount_converted',
        'app_id',
        'ignored',
      ],
      rows.map(([s, ext, date, amount, currency, d, account, email]) => {
        const app = appOf(d as number);
        return [
          sources[s as number]!,
          ext,
          imports[s as number]!,
          date,
          amount,
          currency,
          descriptors.get(d as number)!,
          account,
          email,
          'line',
          amount,
          app ? appIds.get(app)! : null,
          ignoredDescriptor(d as number),
        ];
      }),
    );
}

async function baselineLoad(roster: Roster) {
  const { db } = roster.database;
  await sql`create table bench_raw_lines (source integer, external_id text, date date, amount numeric(18, 4), currency text, descriptor integer, account text, employee_email text)`.execute(
    db,
  );
  for (const rows of lineBatches())
    await roster.database.copyRows(
      'bench_raw_lines',
      ['source', 'external_id', 'date', 'amount', 'currency', 'descriptor', 'account', 'employee_email'],
      rows,
    );
  // A plain multi-pattern scan: every descriptor against every alias.
  const aliases = Array.from({ length: APPS * 3 }, (_, a) => `vendor ${a}`);
  let hits = 0;
  for (let d = 0; d < DESCRIPTORS; d++) {
    const text = `vendor ${d} ref ${(d * 37) % 1000}`;
    for (const alias of aliases) if (text.includes(alias)) hits++;
  }
  await sql`drop table bench_raw_lines`.execute(db);
  return hits;
}

async function lane(label: string, env: Record<string, string>) {
  const dataDir = mkdtempSync(join(process.cwd(), 'bench', '.data', `expenses-${label}-`));
  const roster = await openRoster(
    loadConfig({ ROSTER_DATA_DIR: dataDir, ROSTER_LOG_LEVEL: 'silent', ...env }),
  );
  const f = (ms: number) => `${ms.toFixed(0)} ms`;
  const s = (seconds: number) => `${seconds.toFixed(1)} s`;
  try {
    const { db } = roster.database;
    await seedReferenceData(roster);
    const baseline = await timed(() => baselineLoad(roster));
    const loaded = await timed(() => loadLines(roster));
    const derived = await timed(() => db.transaction().execute((trx) => deriveExpenseLines(trx)));
    await roster.database.afterLargeChange();
    const totalsOnly = await timed(() => db.transaction().execute((trx) => refreshExpenseTotals(trx)));
    // A rule change re-derives every line: matching per descriptor, duplicates, totals.
    await db
      .insertInto('expense_rules')
      .values({
        action: 'ignore',
        field: 'vendor',
        op: 'equals',
        value: 'VENDOR 1999',
        priority: 0,
        created_by: 'bench',
      })
      .execute();
    const reapplied = await timed(() => db.transaction().execute((trx) => deriveExpenseLines(trx)));
    const hook = await importAndMatchHook();

    const app = await db
      .selectFrom('apps')
      .select('id')
      .where('name', '=', 'Bench App 7')
      .executeTakeFirstOrThrow();
    const summary = await loadExpenseSummary(roster);
    const summaryMs = await medianMs(() => loadExpenseSummary(roster));
    const appMs = await medianMs(() => loadAppSpend(roster, app.id));
    const rawSummaryMs = await medianMs(
      () =>
        sql`select status, count(*), sum(amount_converted) from expense_lines group by status`.execute(db),
      3,
    );
    const rawAppMs = await medianMs(() =>
      sql`select date_trunc('month', date), count(*), sum(amount_converted) from expense_lines
          where app_id = ${app.id} and status = 'matched' group by 1`.execute(db),
    );

    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const startRss = process.memoryUsage().rss;
    let bytes = 0;
    const exported = await timed(async () => {
      const csv = csvWriter(expenseCsvColumns);
      const sink = new Writable({
        write(chunk, _encoding, done) {
          bytes += chunk.length;
          done();
        },
      });
      const piping = pipeline(csv, sink);
      const rows = await forEachExpenseLine(roster, {}, async (lines) => {
        for (const row of lines)
          if (!csv.write(row)) await new Promise((resolve) => csv.once('drain', resolve));
      });
      csv.end();
      await piping;
      return rows;
    });
    clearInterval(sampler);

    const perSecond = (seconds: number) => Math.round(LINES / seconds).toLocaleString('en');
    const inAndDerived = loaded.seconds + derived.seconds;
    console.log(
      `${label.padEnd(8)} ${summary.lines.matched + summary.lines.unmatched} counted lines; total ${summary.total} ${summary.currency}, match rate ${summary.matchRate.byAmount}`,
    );
    console.log(
      `${''.padEnd(8)} baseline, COPY into an unindexed table + descriptor scan: ${s(baseline.seconds)} (${perSecond(baseline.seconds)} lines/s)`,
    );
    console.log(
      `${''.padEnd(8)} COPY into expense_lines ${s(loaded.seconds)} + deriveExpenseLines ${s(derived.seconds)} = ${s(inAndDerived)} (${perSecond(inAndDerived)} lines/s, ${Math.round((baseline.seconds / inAndDerived) * 100)}% of the baseline)`,
    );
    console.log(
      `${''.padEnd(8)} import + match through importExpenses: ${hook ?? 'not on this branch: measured above with COPY + deriveExpenseLines'}`,
    );
    console.log(
      `${''.padEnd(8)} re-derive every line after a rule change: ${s(reapplied.seconds)} (totals rewrite alone ${s(totalsOnly.seconds)})`,
    );
    console.log(`${''.padEnd(8)} summary: ${f(summaryMs)} (hand-written over the lines ${f(rawSummaryMs)})`);
    console.log(`${''.padEnd(8)} one app's spend: ${f(appMs)} (hand-written over the lines ${f(rawAppMs)})`);
    console.log(
      `${''.padEnd(8)} CSV export: ${exported.value} rows in ${s(exported.seconds)} (${(bytes / 2 ** 20).toFixed(0)} MiB); peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (+${((peak - startRss) / 2 ** 20).toFixed(0)} MiB over the start)`,
    );
  } finally {
    await roster.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run() {
  console.log(
    `expenses: ${LINES} lines, ${DESCRIPTORS} descriptors, ${APPS} apps, ${RULES} rules, 3 sources over ${DAYS} days; node ${process.version}, ${cpus().length} x ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (laneWanted('pglite')) await lane('pglite', {});
  if (!laneWanted('postgres')) return;
  // The test server when one is given (a database of its own), else a server started for the run.
  if (process.env.ROSTER_TEST_DATABASE_URL && !process.env.ROSTER_BENCH_DATABASE_URL) {
    const database = await createServerDatabase();
    try {
      await lane('postgres', { DATABASE_URL: database.url, ROSTER_SECRET_KEY: benchServerKey });
    } finally {
      await database.drop();
    }
    return;
  }
  const server = benchServer();
  if (!server) return;
  try {
    await lane('postgres', { DATABASE_URL: server.url, ROSTER_SECRET_KEY: benchServerKey });
  } finally {
    server.stop();
  }
}
