import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import type { ExpenseRecord } from '../src/connectors/kit/records.js';
import type { CopyValue } from '../src/db/copy-text.js';
import { csvWriter } from '../src/lib/csv-export.js';
import { forEachExpenseLine } from '../src/modules/expenses/expense-lines.repo.js';
import { expenseCsvColumns } from '../src/modules/expenses/expense-lines.schemas.js';
import { refreshExpenseTotals } from '../src/modules/expenses/expense-totals.js';
import { importExpenses } from '../src/modules/expenses/import/expense-import.service.js';
import { addRule } from '../src/modules/expenses/rules/expense-rules.service.js';
import { loadAppSpend, loadExpenseSummary } from '../src/modules/expenses/summary.service.js';
import { openRoster, type Roster } from '../src/roster.js';
import { ExpenseRunLines } from '../src/sync/expense-run-lines.js';
import { medianMs, onEachLane, timed } from './server.js';

/**
 * Expenses at scale: BENCH_EXPENSE_LINES lines (1,000,000 by default) over 3 years from 3 sources, on 2,000
 * distinct descriptors and 200 apps, with 50 rules. Measures, on each lane:
 * - import + match: one CSV file per source through `importExpenses` (the connector reads and checks the
 *   rows, the sync engine's apply decides their descriptors and writes them straight into `expense_lines`,
 *   then duplicates and totals), beside a baseline:
 *   COPY of the same lines into an unindexed table plus a plain scan of the descriptors against the
 *   catalog's aliases and the apps' names;
 * - re-applying every rule after one is added, through the rules service (`addRule`);
 * - the summary and one app's spend beside the same sums written by hand over the lines;
 * - the CSV export of every line with its peak memory.
 * Memory: the heap and array buffers after a forced garbage collection before the import and while each
 * file's checked lines wait for their apply (the largest of the three), and the peak RSS; during the export,
 * the same after a collection every 200,000 rows beside the peak RSS, which tells memory still referenced
 * from memory the allocator keeps. BENCH_EXPENSE_STEPS=import skips the rules, figures and export.
 */
const LINES = Number(process.env.BENCH_EXPENSE_LINES ?? 1_000_000);
const ONLY_IMPORT = process.env.BENCH_EXPENSE_STEPS === 'import';

setFlagsFromString('--expose-gc');
/** A full collection, so the heap measured is what is still referenced. */
const collect = runInNewContext('gc') as () => void;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
/** The heap and the array buffers (typed arrays live outside the heap) still referenced. */
function heapAfterGc(): number {
  collect();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** Samples the process's RSS until stopped, keeping its peak. */
function rssPeak() {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return {
    stop: () => {
      clearInterval(sampler);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}
const DESCRIPTORS = 2000;
const APPS = 200;
const RULES = 50;
const DAYS = 1096;
const SOURCES = ['Card feed', 'Expense reports', 'Accounts payable'];

/** One lower-case word per app, so the matcher finds each app by its name: "Benchab", "Benchac", ... */
const appName = (n: number) =>
  `Bench${String.fromCharCode(97 + (Math.floor(n / 26) % 26))}${String.fromCharCode(97 + (n % 26))}`;
/**
 * Descriptor d: 1,500 name an app (matched automatically), 200 a vendor a Match rule names, 100 a vendor
 * no rule or app knows, 200 travel vendors an Ignore rule drops.
 */
function descriptorOf(d: number): { vendor: string; description: string } {
  const description = `REF ${(d * 37) % 1000}`;
  if (d < 1500) return { vendor: `${appName(d % APPS)} Inc`, description };
  if (d < 1700) return { vendor: `Rulevendor${(d - 1500) % 40}`, description };
  if (d < 1800) return { vendor: `Nobody Knows ${d}`, description };
  return { vendor: `Travelco${(d - 1800) % 10}`, description };
}
const dateOf = (i: number) =>
  new Date(Date.UTC(2023, 11, 1) + (i % DAYS) * 86_400_000).toISOString().slice(0, 10);

interface BenchLine {
  source: number;
  id: string;
  date: string;
  amount: number;
  descriptor: number;
  account: string;
  email: string;
}

/**
 * Line i belongs to source i % 3. One line in ten of the second source repeats the purchase of the first
 * source's line before it (same date, amount and vendor): the duplicates the derivation pairs.
 */
function lineOf(i: number): BenchLine {
  const source = i % 3;
  const k = Math.floor(i / 3);
  const j = source === 1 && k % 10 === 0 ? k * 3 : i;
  return {
    source,
    id: `b${i}`,
    date: dateOf(j),
    amount: Number((((j * 31) % 50_000) / 100 + 1).toFixed(2)),
    descriptor: (j * 7919) % DESCRIPTORS,
    account: `card-${i % 10}`,
    email: `user${i % 5000}@bench.example`,
  };
}

const csvHeader = 'id,date,amount,currency,vendor,description,report_id,item_type,account,employee_email\n';

/** The CSV file of one source, in Roster's own columns. */
function csvOf(source: number): Buffer {
  const parts: string[] = [csvHeader];
  for (let i = source; i < LINES; i += 3) {
    const l = lineOf(i);
    const d = descriptorOf(l.descriptor);
    parts.push(`${l.id},${l.date},${l.amount},USD,${d.vendor},${d.description},,,${l.account},${l.email}\n`);
  }
  return Buffer.from(parts.join(''));
}

async function seedReferenceData(roster: Roster) {
  const { db } = roster.database;
  await db
    .insertInto('apps')
    .values(Array.from({ length: APPS }, (_, n) => ({ name: appName(n) })))
    .execute();
  const ruleApps = await db.selectFrom('apps').select('id').orderBy('id').limit(40).execute();
  // The 50 rules, written before any line (their cost is in the import's matching).
  await db
    .insertInto('expense_rules')
    .values(
      Array.from({ length: RULES }, (_, r) => ({
        action: r < 40 ? 'match' : 'ignore',
        app_id: r < 40 ? ruleApps[r]!.id : null,
        field: 'vendor',
        op: 'equals',
        value: r < 40 ? `Rulevendor${r}` : `Travelco${r - 40}`,
        priority: r,
        created_by: 'bench',
      })),
    )
    .execute();
}

/** `whileHeld` runs once per file, when its lines are all read and checked and wait for the apply. */
async function importAndMatch(roster: Roster, files: Buffer[], whileHeld: () => void = () => {}) {
  const results = [];
  for (const [source, content] of files.entries())
    results.push(
      await importExpenses(roster, 'bench', {
        source: SOURCES[source]!,
        content,
        fileName: `bench-${source}.csv`,
        preset: 'roster',
        onProgress: (progress) => {
          if (progress.phase === 'apply') whileHeld();
        },
      }),
    );
  for (const r of results)
    if (r.status !== 'succeeded')
      throw new Error(`bench import ${r.source.name}: ${r.message} ${JSON.stringify(r.error).slice(0, 800)}`);
  return results;
}

async function baseline(roster: Roster) {
  const { db } = roster.database;
  await sql`create table bench_raw_lines (source integer, external_id text, date date, amount numeric(18, 4), currency text, vendor text, description text, account text, employee_email text)`.execute(
    db,
  );
  const batch = 50_000;
  for (let start = 0; start < LINES; start += batch) {
    const rows: CopyValue[][] = [];
    for (let i = start; i < Math.min(LINES, start + batch); i++) {
      const l = lineOf(i);
      const d = descriptorOf(l.descriptor);
      rows.push([l.source, l.id, l.date, l.amount, 'USD', d.vendor, d.description, l.account, l.email]);
    }
    await roster.database.copyRows(
      'bench_raw_lines',
      [
        'source',
        'external_id',
        'date',
        'amount',
        'currency',
        'vendor',
        'description',
        'account',
        'employee_email',
      ],
      rows,
    );
  }
  // A plain multi-pattern scan: every descriptor against every catalog alias and app name.
  const catalog = await db.selectFrom('catalog_apps').select(['name', 'expense_aliases']).execute();
  const patterns = [
    ...catalog.flatMap((c) => [c.name, ...c.expense_aliases]),
    ...Array.from({ length: APPS }, (_, n) => appName(n)),
  ].map((p) => p.toLowerCase());
  let hits = 0;
  for (let d = 0; d < DESCRIPTORS; d++) {
    const { vendor, description } = descriptorOf(d);
    const text = `${vendor} ${description}`.toLowerCase();
    for (const pattern of patterns) if (text.includes(pattern)) hits++;
  }
  await sql`drop table bench_raw_lines`.execute(db);
  return { hits, patterns: patterns.length };
}

async function lane(label: string, env: Record<string, string>) {
  mkdirSync(join(process.cwd(), 'bench', '.data'), { recursive: true });
  const dataDir = mkdtempSync(join(process.cwd(), 'bench', '.data', `expenses-${label}-`));
  const roster = await openRoster(
    loadConfig({
      ROSTER_DATA_DIR: dataDir,
      ROSTER_LOG_LEVEL: 'silent',
      ROSTER_MAX_UPLOAD_BYTES: String(2 ** 30),
      ...env,
    }),
  );
  const f = (ms: number) => `${ms.toFixed(0)} ms`;
  const s = (seconds: number) => `${seconds.toFixed(1)} s`;
  try {
    const { db } = roster.database;
    await seedReferenceData(roster);
    const files = [0, 1, 2].map(csvOf);
    const fileBytes = files.reduce((n, f) => n + f.byteLength, 0);
    const base = await timed(() => baseline(roster));
    const heapBefore = heapAfterGc();
    let heapHeld = 0;
    let gcSeconds = 0;
    const importRss = rssPeak();
    const rssBefore = process.memoryUsage().rss;
    const timedImport = await timed(() =>
      importAndMatch(roster, files, () => {
        const start = performance.now();
        heapHeld = Math.max(heapHeld, heapAfterGc());
        gcSeconds += (performance.now() - start) / 1000;
      }),
    );
    // The forced collections are the bench's, not the import's.
    const imported = { ...timedImport, seconds: timedImport.seconds - gcSeconds };
    const importPeak = importRss.stop();
    const perSecond = (seconds: number) => Math.round(LINES / seconds).toLocaleString('en');
    const added = imported.value.reduce((n, r) => n + r.counters.added, 0);
    const importLines = () => {
      console.log(
        `${''.padEnd(8)} baseline, COPY into an unindexed table + scan of ${DESCRIPTORS} descriptors against ${base.value.patterns} patterns: ${s(base.seconds)} (${perSecond(base.seconds)} lines/s)`,
      );
      console.log(
        `${''.padEnd(8)} import + match, 3 files through importExpenses: ${s(imported.seconds)} (${perSecond(imported.seconds)} lines/s, ${Math.round((base.seconds / imported.seconds) * 100)}% of the baseline)`,
      );
      console.log(
        `${''.padEnd(8)} import memory: heap + array buffers after GC ${mib(heapBefore)} before, ${mib(heapHeld)} while a file's lines wait for their apply (+${mib(heapHeld - heapBefore)}; the 3 collections took ${s(gcSeconds)}, not counted in the import); peak RSS ${mib(importPeak)} (+${mib(importPeak - rssBefore)})`,
      );
    };
    if (ONLY_IMPORT) {
      console.log(`${label.padEnd(8)} ${added} lines imported (${mib(fileBytes)} of CSV)`);
      importLines();
      return;
    }
    await roster.database.afterLargeChange();
    const totalsOnly = await timed(() => db.transaction().execute((trx) => refreshExpenseTotals(trx)));
    // A rule change re-applies every rule to every descriptor, then duplicates and totals.
    const reapplied = await timed(() =>
      addRule(roster, 'bench', {
        action: 'ignore',
        field: 'vendor',
        op: 'equals',
        value: 'Nobody Knows 1799',
      }),
    );

    const app = await db
      .selectFrom('apps')
      .select('id')
      .where('name', '=', appName(7))
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

    const exportHeapStart = heapAfterGc();
    let exportHeapMax = exportHeapStart;
    let sinceSample = 0;
    const exportRss = rssPeak();
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
        sinceSample += lines.length;
        if (sinceSample >= 200_000) {
          sinceSample = 0;
          exportHeapMax = Math.max(exportHeapMax, heapAfterGc());
        }
      });
      csv.end();
      await piping;
      return rows;
    });
    const peak = exportRss.stop();

    console.log(
      `${label.padEnd(8)} ${added} lines imported (${(fileBytes / 2 ** 20).toFixed(0)} MiB of CSV); ${summary.lines.matched + summary.lines.unmatched} counted; total ${summary.total} ${summary.currency}, match rate ${summary.matchRate.byAmount}`,
    );
    importLines();
    console.log(
      `${''.padEnd(8)} re-apply every rule after a rule change (addRule): ${s(reapplied.seconds)} (totals rewrite alone ${s(totalsOnly.seconds)})`,
    );
    console.log(`${''.padEnd(8)} summary: ${f(summaryMs)} (hand-written over the lines ${f(rawSummaryMs)})`);
    console.log(`${''.padEnd(8)} one app's spend: ${f(appMs)} (hand-written over the lines ${f(rawAppMs)})`);
    console.log(
      `${''.padEnd(8)} CSV export: ${exported.value} rows in ${s(exported.seconds)} (${mib(bytes)}); peak RSS ${mib(peak)} (+${mib(peak - startRss)} over the start); heap + array buffers after GC ${mib(exportHeapStart)} at the start, at most ${mib(exportHeapMax)} during it (every 200,000 rows)`,
    );
  } finally {
    await roster.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Line i as the CSV connector hands it to the engine (fresh strings, the schema's output form). */
function recordOf(i: number): ExpenseRecord {
  const l = lineOf(i);
  const d = descriptorOf(l.descriptor);
  return {
    type: 'expense',
    id: `${l.id}`,
    date: `${l.date}`,
    amount: `${l.amount}`,
    currency: `${'USD'}`,
    vendor: `${d.vendor}`,
    description: `${d.description}`,
    reportId: null,
    itemType: 'line',
    account: `${l.account}`,
    employeeEmail: `${l.email}`,
  };
}

/**
 * A run's lines alone, all LINES of them in one run: held as an object per line (as the engine did until
 * 2026-12-01, the baseline) and by field (sync/expense-run-lines.ts), each measured as the heap and array
 * buffers after a forced collection over the same before.
 */
function heldLines() {
  const measure = (hold: () => unknown) => {
    const before = heapAfterGc();
    const start = performance.now();
    const held = hold();
    const seconds = (performance.now() - start) / 1000;
    const after = heapAfterGc();
    // Kept reachable until measured.
    if (!held) throw new Error('nothing held');
    return { bytes: after - before, seconds };
  };
  const objects = measure(() => {
    const lines: (ExpenseRecord & { seq: number })[] = [];
    for (let i = 0; i < LINES; i++) lines.push({ ...recordOf(i), seq: i + 2 });
    return lines;
  });
  const columns = measure(() => {
    const lines = new ExpenseRunLines();
    for (let i = 0; i < LINES; i++) lines.add(recordOf(i), i + 2);
    return lines;
  });
  const perLine = (bytes: number) => `${Math.round(bytes / LINES)} bytes a line`;
  console.log(
    `held lines, ${LINES} in one run: as objects ${mib(objects.bytes)} (${perLine(objects.bytes)}, held in ${objects.seconds.toFixed(1)} s); by field ${mib(columns.bytes)} (${perLine(columns.bytes)}, held in ${columns.seconds.toFixed(1)} s)`,
  );
}

export async function run() {
  console.log(
    `expenses: ${LINES} lines, ${DESCRIPTORS} descriptors, ${APPS} apps, ${RULES} rules, 3 sources over ${DAYS} days; node ${process.version}, ${cpus().length} x ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  heldLines();
  await onEachLane(lane);
}
