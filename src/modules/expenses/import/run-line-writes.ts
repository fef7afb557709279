import { type Kysely, sql, type Transaction } from 'kysely';
import type { CopyValue } from '../../../db/copy-text.js';
import type { Database } from '../../../db/database.js';
import type { DB } from '../../../db/schema.js';
import { conflict, type RosterError } from '../../../lib/errors.js';
import type { LineKeys } from '../derive.js';
import { loadConversion } from './conversion.js';
import { type ExternalIds, numericText } from './line-ids.js';
import type { DescriptorOutcome, RunDescriptorOutcomes } from './run-descriptors.js';
import type { RunLines } from './run-lines.js';

/** A run's lines, the id each is kept under (its own, or derived: line-ids.ts) and its descriptor's outcome. */
export interface IdentifiedLines {
  lines: RunLines;
  externalIds: ExternalIds;
  descriptors: RunDescriptorOutcomes;
}

/** Lines looked up per statement when the source already has lines. */
const lookupBatch = 5000;
/** Rows per COPY, so the encoded text stays a few MiB. */
const copyBatch = 50_000;

const newLineColumns = [
  'source_id',
  'external_id',
  'first_import_id',
  'date',
  'amount',
  'currency',
  'descriptor_id',
  'report_id',
  'item_type',
  'account',
  'employee_email',
  'created_at',
  'amount_converted',
  'excluded',
  'app_id',
  'ignored',
  'counted_item',
] as const;

/**
 * Splits a run's lines into those the source does not have yet and those it has, and corrects the ones it
 * has whose fields the source now tells otherwise (their derived columns follow in the derivation). A source
 * without lines (a first import) has nothing to look up. `fresh` lists the new lines' places in the run;
 * `formerKeys` the date, amount and currency of each corrected line whose date, amount or currency changed.
 */
export async function updateKnownLines(
  trx: Kysely<DB>,
  sourceId: number,
  run: IdentifiedLines,
): Promise<{ fresh: Int32Array; updated: number; hadLines: boolean; formerKeys: LineKeys }> {
  const { lines, externalIds, descriptors } = run;
  const formerKeys: LineKeys = { dates: [], amounts: [], currencies: [] };
  const { rows: any } = await sql<{ found: boolean }>`
    select exists (select 1 from expense_lines where source_id = ${sourceId}) as found`.execute(trx);
  if (!any[0]?.found) return { fresh: everyLine(lines.length), updated: 0, hadLines: false, formerKeys };
  const fresh = new Int32Array(lines.length);
  let freshCount = 0;
  let updated = 0;
  for (let start = 0; start < lines.length; start += lookupBatch) {
    const end = Math.min(lines.length, start + lookupBatch);
    const ids: string[] = [];
    for (let i = start; i < end; i++) ids.push(externalIds(i));
    const { rows: known } = await sql<{ id: number; external_id: string; fields: string }>`
      select id, external_id,
             concat_ws(chr(31), to_char(date, 'YYYY-MM-DD'), amount::text, currency, descriptor_id::text, coalesce(report_id, chr(30)),
                       item_type, account, coalesce(employee_email, chr(30))) as fields
      from expense_lines, (select ${ids}::text[] as ids) asked
      where source_id = ${sourceId}
        and hashtextextended(external_id, 0) = any (array(select hashtextextended(id, 0) from unnest(asked.ids) as t(id)))
        and external_id = any (asked.ids)`.execute(trx);
    const byId = new Map(known.map((k) => [k.external_id, k]));
    const changed: { id: number; line: number; descriptorId: number }[] = [];
    for (let i = start; i < end; i++) {
      const before = byId.get(ids[i - start] as string);
      if (!before) {
        fresh[freshCount++] = i;
        continue;
      }
      const descriptorId = (descriptors[lines.descriptor(i)] as DescriptorOutcome).id;
      const fields = [
        lines.date(i),
        numericText(lines.amount(i)),
        lines.currency(i),
        String(descriptorId),
        lines.reportId(i) ?? '\u001e',
        lines.itemType(i),
        lines.account(i),
        lines.employeeEmail(i) ?? '\u001e',
      ].join('\u001f');
      if (fields === before.fields) continue;
      changed.push({ id: Number(before.id), line: i, descriptorId });
      // Date, amount and currency lead both texts: a line that moved leaves the group it was paired in.
      const [date, amount, currency] = before.fields.split('\u001f', 3) as [string, string, string];
      if (!fields.startsWith(`${date}\u001f${amount}\u001f${currency}\u001f`)) {
        formerKeys.dates.push(date);
        formerKeys.amounts.push(amount);
        formerKeys.currencies.push(currency);
      }
    }
    if (changed.length === 0) continue;
    const column = <T>(of: (line: number) => T) => changed.map((c) => of(c.line));
    await sql`
      update expense_lines l
      set date = u.date, amount = u.amount, currency = u.currency, descriptor_id = u.descriptor_id,
          report_id = u.report_id, item_type = u.item_type, account = u.account, employee_email = u.employee_email
      from unnest(${changed.map((c) => c.id)}::bigint[], ${column((i) => lines.date(i))}::date[],
                  ${column((i) => lines.amount(i))}::numeric[], ${column((i) => lines.currency(i))}::text[],
                  ${changed.map((c) => c.descriptorId)}::bigint[], ${column((i) => lines.reportId(i))}::text[],
                  ${column((i) => lines.itemType(i))}::text[], ${column((i) => lines.account(i))}::text[],
                  ${column((i) => lines.employeeEmail(i))}::text[])
           as u(id, date, amount, currency, descriptor_id, report_id, item_type, account, employee_email)
      where l.id = u.id`.execute(trx);
    updated += changed.length;
  }
  return { fresh: fresh.slice(0, freshCount), updated, hadLines: true, formerKeys };
}

function everyLine(count: number): Int32Array {
  const all = new Int32Array(count);
  for (let i = 0; i < count; i++) all[i] = i;
  return all;
}

/**
 * Which item kind of a report counts, per the source's `countItems` (as line-flags.ts decides it), over the
 * run's own lines; a report that also has lines from earlier imports is settled by the derivation after.
 */
function countedItems(lines: RunLines, countItems: string | null): (line: number) => boolean {
  const kinds = new Map<string, { main: boolean; line: boolean }>();
  for (let i = 0; i < lines.length; i++) {
    const reportId = lines.reportId(i);
    if (reportId === null) continue;
    const kind = kinds.get(reportId) ?? { main: false, line: false };
    kind[lines.itemType(i)] = true;
    kinds.set(reportId, kind);
  }
  const mainMode = countItems === 'main';
  return (i) => {
    const reportId = lines.reportId(i);
    if (reportId === null) return true;
    const kind = kinds.get(reportId);
    const itemType = lines.itemType(i);
    if (mainMode && itemType === 'line') return !kind?.main;
    if (!mainMode && itemType === 'main') return !kind?.line;
    return true;
  };
}

/**
 * Writes the source's new lines (`fresh`: their places in the run) with COPY, inside the apply transaction,
 * each already derived as the derivation would (conversion, excluded account, app and ignored flag from its
 * descriptor, counted item kind), so it is written once and the derivation after has nothing to rewrite for
 * it. Rows are built a batch at a time from the run's compact lines.
 */
export async function copyNewLines(
  database: Database,
  trx: Transaction<DB>,
  input: { sourceId: number; importId: number; now: Date },
  run: IdentifiedLines,
  fresh: Int32Array,
): Promise<void> {
  if (fresh.length === 0) return;
  const { lines, externalIds, descriptors } = run;
  const { sourceId } = input;
  const currencies = new Set<string>();
  for (const i of fresh) currencies.add(lines.currency(i));
  const convert = await loadConversion(trx, [...currencies]);
  const { rows: excludedRows } = await sql<{ account: string }>`
    select account from expense_accounts where source_id = ${sourceId} and excluded_at is not null`.execute(
    trx,
  );
  const excluded = new Set(excludedRows.map((r) => r.account));
  const { rows: settings } = await sql<{ count_items: string | null }>`
    select config->>'countItems' as count_items from sources where id = ${sourceId}`.execute(trx);
  const counted = countedItems(lines, settings[0]?.count_items ?? null);
  const createdAt = input.now.toISOString();
  for (let start = 0; start < fresh.length; start += copyBatch) {
    const rows: CopyValue[][] = [];
    for (const i of fresh.subarray(start, start + copyBatch)) {
      const descriptor = descriptors[lines.descriptor(i)] as DescriptorOutcome;
      const date = lines.date(i);
      const amount = lines.amount(i);
      const currency = lines.currency(i);
      const account = lines.account(i);
      rows.push([
        sourceId,
        externalIds(i),
        input.importId,
        date,
        amount,
        currency,
        descriptor.id,
        lines.reportId(i),
        lines.itemType(i),
        account,
        lines.employeeEmail(i),
        createdAt,
        convert(amount, currency, date),
        excluded.has(account),
        descriptor.appId,
        descriptor.ignored,
        counted(i),
      ]);
    }
    await database.copyRowsIn(trx, 'expense_lines', newLineColumns, rows).catch((error: unknown) => {
      throw sharedKeyRefusal(error) ?? error;
    });
  }
}

/**
 * The new lines are those whose ids the source did not have, so the one key they can break is two different
 * ids of the source sharing a hash (migrations/0030): too rare to look for ahead of every import, named here
 * when the database refuses one. Anything else is passed on as it is.
 */
export function sharedKeyRefusal(error: unknown): RosterError | undefined {
  const { code, constraint, detail } = error as { code?: string; constraint?: string; detail?: string };
  if (code !== '23505' || constraint !== 'expense_lines_source_key') return undefined;
  return conflict(
    'Two different line ids of this source share one 64-bit key, which Roster keeps once per source; ' +
      `nothing was imported. Change the id of one of the lines and import again (${detail ?? 'no detail'}).`,
  );
}

/** The cards and GL accounts the run's lines were paid from; lines from no named account have none. */
export async function recordAccounts(
  trx: Kysely<DB>,
  sourceId: number,
  runAccounts: readonly string[],
  now: Date,
): Promise<number> {
  const accounts = runAccounts.filter((a) => a !== '');
  if (accounts.length === 0) return 0;
  const { rows } = await sql<{ added: number }>`
    with up as (
      insert into expense_accounts as a (source_id, account, first_seen_at, last_seen_at)
      select ${sourceId}::bigint, account, ${now}::timestamptz, ${now}::timestamptz
      from unnest(${accounts}::text[]) as t(account)
      on conflict (source_id, account) do update set last_seen_at = excluded.last_seen_at
        where a.last_seen_at < excluded.last_seen_at
      returning (xmax = 0) as inserted
    ) select count(*) filter (where inserted)::int as added from up`.execute(trx);
  return rows[0]?.added ?? 0;
}
