import { type Kysely, sql, type Transaction } from 'kysely';
import type { ExpenseRecord } from '../../../connectors/kit/records.js';
import type { CopyValue } from '../../../db/copy-text.js';
import type { Database } from '../../../db/database.js';
import type { DB } from '../../../db/schema.js';
import { loadConversion } from './conversion.js';
import { numericText } from './line-ids.js';
import { type DescriptorsByText, descriptorOf } from './run-descriptors.js';

/** A run's line with the id it is kept under (its own, or derived: line-ids.ts). */
export interface IdentifiedLine {
  externalId: string;
  line: ExpenseRecord;
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
 * without lines (a first import) has nothing to look up.
 */
export async function updateKnownLines(
  trx: Kysely<DB>,
  sourceId: number,
  lines: readonly IdentifiedLine[],
  descriptors: DescriptorsByText,
): Promise<{ fresh: IdentifiedLine[]; updated: number; hadLines: boolean }> {
  const { rows: any } = await sql<{ found: boolean }>`
    select exists (select 1 from expense_lines where source_id = ${sourceId}) as found`.execute(trx);
  if (!any[0]?.found) return { fresh: [...lines], updated: 0, hadLines: false };
  const fresh: IdentifiedLine[] = [];
  let updated = 0;
  for (let start = 0; start < lines.length; start += lookupBatch) {
    const batch = lines.slice(start, start + lookupBatch);
    const { rows: known } = await sql<{ id: number; external_id: string; fields: string }>`
      select id, external_id,
             concat_ws(chr(31), to_char(date, 'YYYY-MM-DD'), amount::text, currency, descriptor_id::text, coalesce(report_id, chr(30)),
                       item_type, account, coalesce(employee_email, chr(30))) as fields
      from expense_lines
      where source_id = ${sourceId} and external_id = any (${batch.map((l) => l.externalId)}::text[])`.execute(
      trx,
    );
    const byId = new Map(known.map((k) => [k.external_id, k]));
    const changed: { id: number; line: ExpenseRecord; descriptorId: number }[] = [];
    for (const item of batch) {
      const before = byId.get(item.externalId);
      if (!before) {
        fresh.push(item);
        continue;
      }
      const { line } = item;
      const descriptorId = descriptorOf(descriptors, line).id;
      const fields = [
        line.date,
        numericText(line.amount),
        line.currency,
        String(descriptorId),
        line.reportId ?? '\u001e',
        line.itemType,
        line.account,
        line.employeeEmail ?? '\u001e',
      ].join('\u001f');
      if (fields !== before.fields) changed.push({ id: Number(before.id), line, descriptorId });
    }
    if (changed.length === 0) continue;
    await sql`
      update expense_lines l
      set date = u.date, amount = u.amount, currency = u.currency, descriptor_id = u.descriptor_id,
          report_id = u.report_id, item_type = u.item_type, account = u.account, employee_email = u.employee_email
      from unnest(${changed.map((c) => c.id)}::bigint[], ${changed.map((c) => c.line.date)}::date[],
                  ${changed.map((c) => c.line.amount)}::numeric[], ${changed.map((c) => c.line.currency)}::text[],
                  ${changed.map((c) => c.descriptorId)}::bigint[], ${changed.map((c) => c.line.reportId)}::text[],
                  ${changed.map((c) => c.line.itemType)}::text[], ${changed.map((c) => c.line.account)}::text[],
                  ${changed.map((c) => c.line.employeeEmail)}::text[])
           as u(id, date, amount, currency, descriptor_id, report_id, item_type, account, employee_email)
      where l.id = u.id`.execute(trx);
    updated += changed.length;
  }
  return { fresh, updated, hadLines: true };
}

/**
 * Which item kind of a report counts, per the source's `countItems` (as line-flags.ts decides it), over the
 * run's own lines; a report that also has lines from earlier imports is settled by the derivation after.
 */
function countedItems(
  lines: readonly IdentifiedLine[],
  countItems: string | null,
): (line: ExpenseRecord) => boolean {
  const kinds = new Map<string, { main: boolean; line: boolean }>();
  for (const { line } of lines) {
    if (line.reportId === null) continue;
    const kind = kinds.get(line.reportId) ?? { main: false, line: false };
    kind[line.itemType] = true;
    kinds.set(line.reportId, kind);
  }
  const mainMode = countItems === 'main';
  return (line) => {
    if (line.reportId === null) return true;
    const kind = kinds.get(line.reportId);
    if (mainMode && line.itemType === 'line') return !kind?.main;
    if (!mainMode && line.itemType === 'main') return !kind?.line;
    return true;
  };
}

/**
 * Writes the source's new lines with COPY, inside the apply transaction, each already derived as the
 * derivation would (conversion, excluded account, app and ignored flag from its descriptor, counted item
 * kind), so it is written once and the derivation after has nothing to rewrite for it.
 */
export async function copyNewLines(
  database: Database,
  trx: Transaction<DB>,
  input: { sourceId: number; importId: number; now: Date },
  lines: readonly IdentifiedLine[],
  descriptors: DescriptorsByText,
): Promise<void> {
  if (lines.length === 0) return;
  const { sourceId } = input;
  const currencies = [...new Set(lines.map((l) => l.line.currency))];
  const convert = await loadConversion(trx, currencies);
  const { rows: excludedRows } = await sql<{ account: string }>`
    select account from expense_accounts where source_id = ${sourceId} and excluded_at is not null`.execute(
    trx,
  );
  const excluded = new Set(excludedRows.map((r) => r.account));
  const { rows: settings } = await sql<{ count_items: string | null }>`
    select config->>'countItems' as count_items from sources where id = ${sourceId}`.execute(trx);
  const counted = countedItems(lines, settings[0]?.count_items ?? null);
  const createdAt = input.now.toISOString();
  for (let start = 0; start < lines.length; start += copyBatch) {
    const rows: CopyValue[][] = [];
    for (const { externalId, line } of lines.slice(start, start + copyBatch)) {
      const descriptor = descriptorOf(descriptors, line);
      rows.push([
        sourceId,
        externalId,
        input.importId,
        line.date,
        line.amount,
        line.currency,
        descriptor.id,
        line.reportId,
        line.itemType,
        line.account,
        line.employeeEmail,
        createdAt,
        convert(line.amount, line.currency, line.date),
        excluded.has(line.account),
        descriptor.appId,
        descriptor.ignored,
        counted(line),
      ]);
    }
    await database.copyRowsIn(trx, 'expense_lines', newLineColumns, rows);
  }
}

/** The cards and GL accounts the run's lines were paid from; lines from no named account have none. */
export async function recordAccounts(
  trx: Kysely<DB>,
  sourceId: number,
  lines: readonly IdentifiedLine[],
  now: Date,
): Promise<number> {
  const accounts = [...new Set(lines.map((l) => l.line.account))].filter((a) => a !== '');
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
