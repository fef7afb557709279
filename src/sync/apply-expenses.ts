import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { deriveExpenseLines } from '../modules/expenses/derive.js';
import { convertedAmount } from '../modules/expenses/line-flags.js';
import { applyMatching } from '../modules/expenses/matching/apply-matching.js';
import { type ApplyInput, type ExpenseCounters, one } from './apply-common.js';

/** Lines added by one import past which the table's statistics are refreshed before deriving. */
const largeImportLines = 5000;

/**
 * The import a run of an expense source records: the uploaded file's sha256, name and how its rows were read
 * (columns, date format, default currency), or nulls for pulls and pushes.
 */
export interface ExpenseImportInput {
  contentSha256: string | null;
  fileName: string | null;
  readWith: Record<string, unknown> | null;
}

/**
 * Applies a run's staged expense lines, inside the engine's apply transaction: descriptors, lines (by the
 * source's external id, written only when they differ), the accounts they were paid from, and the import.
 * Lines are never removed: an export covers a period, so a line missing from the next one is not a refund.
 * Then every derived column of the source's lines is recomputed (derive.ts).
 */
export async function applyExpenses(
  trx: Transaction<DB>,
  input: ApplyInput,
  file: ExpenseImportInput,
): Promise<ExpenseCounters> {
  const { runId, sourceId, now } = input;
  // The same bytes read with another preset or mapping give other lines: only the same file read the same
  // way is the same import.
  const readWith = file.readWith ? JSON.stringify(file.readWith) : null;
  if (file.contentSha256 && readWith) {
    const earlier = await trx
      .selectFrom('expense_imports')
      .select('created_at')
      .where('source_id', '=', sourceId)
      .where('content_sha256', '=', file.contentSha256)
      .where('read_with', '=', sql<unknown>`${readWith}::jsonb`)
      .orderBy('id')
      .executeTakeFirst();
    if (earlier) {
      // Nothing of the file is written; derivations still follow the source's settings, which an admin may
      // have changed with this upload (count mode).
      await deriveExpenseLines(trx, { sourceIds: [sourceId] });
      return {
        lines: { added: 0, updated: 0, unchanged: 0 },
        descriptors: { added: 0 },
        accounts: { added: 0 },
        importId: null,
        sameFileAs: new Date(earlier.created_at).toISOString(),
      };
    }
  }

  await sql`analyze staged_expense_lines`.execute(trx);
  // A line without an id of its own gets one from its fields and its occurrence among identical lines of
  // the run: the same export uploaded again, or an overlapping one, finds the same ids (and adds nothing),
  // while two identical purchases in one file stay two lines. Amount and date are hashed in a canonical text
  // (numeric's own, and an ISO date whatever the server's DateStyle), so `12.5` and `12.50` are one line.
  await sql`create temporary table run_expense_lines on commit drop as
    select case when s.external_id <> '' then s.external_id
                else 'h:' || left(encode(sha256(convert_to(concat_ws(chr(31),
                         to_char(s.date, 'YYYY-MM-DD'), s.amount::text, s.currency, s.vendor, s.description,
                         coalesce(s.report_id, ''), s.item_type, s.account, coalesce(s.employee_email, '')
                       ), 'UTF8')), 'hex'), 32)
                     || ':' || row_number() over (
                          partition by s.external_id = '', s.date, s.amount, s.currency, s.vendor, s.description,
                                       s.report_id, s.item_type, s.account, s.employee_email
                          order by s.seq)
           end as external_id,
           s.seq, s.date, s.amount, s.currency, s.vendor, s.description, s.report_id, s.item_type,
           s.account, s.employee_email
    from staged_expense_lines s where s.run_id = ${runId}`.execute(trx);

  const descriptors = await one<{ added: number }>(
    trx,
    sql`with ins as (
          insert into expense_descriptors (vendor, description, normalised)
          select distinct vendor, description, '' from run_expense_lines
          on conflict (vendor, description) do nothing
          returning 1
        ) select count(*)::int as added from ins`,
  );

  const dates = await one<{ lines: number; first: string | null; last: string | null }>(
    trx,
    sql`select count(*)::int as lines, min(date)::text as first, max(date)::text as last from run_expense_lines`,
  );
  const imported = await trx
    .insertInto('expense_imports')
    .values({
      source_id: sourceId,
      run_id: runId,
      content_sha256: file.contentSha256,
      read_with: readWith,
      file_name: file.fileName,
      lines: dates.lines,
      first_date: dates.first,
      last_date: dates.last,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  // New lines are written once, already derived: their descriptors are matched first, and the insert sets
  // their conversion, excluded account, app and ignored flag as the derivation below would (it then writes
  // only what differs: report items, duplicates, and the lines an update changed). Writing a million lines
  // and then rewriting each of them twice was most of an import's time (bench/RESULTS.md, "expenses").
  await applyMatching(trx, { sourceIds: [sourceId] });
  const lines = await one<{ added: number; updated: number }>(
    trx,
    sql`with up as (
          insert into expense_lines as l (source_id, external_id, first_import_id, date, amount, currency,
                                          descriptor_id, report_id, item_type, account, employee_email, created_at,
                                          amount_converted, excluded, app_id, ignored)
          select ${sourceId}::bigint, r.external_id, ${imported.id}::bigint, r.date, r.amount, r.currency,
                 d.id, r.report_id, r.item_type, r.account, r.employee_email, ${now}::timestamptz,
                 ${convertedAmount('r', sql`(select currency from organisation_settings limit 1)`)},
                 coalesce(a.excluded_at is not null, false), d.app_id, d.ignored
          from run_expense_lines r
          join expense_descriptors d on d.vendor = r.vendor and d.description = r.description
          left join expense_accounts a on a.source_id = ${sourceId}::bigint and a.account = r.account
          on conflict (source_id, external_id) do update
            set date = excluded.date, amount = excluded.amount, currency = excluded.currency,
                descriptor_id = excluded.descriptor_id, report_id = excluded.report_id,
                item_type = excluded.item_type, account = excluded.account,
                employee_email = excluded.employee_email
            where (l.date, l.amount, l.currency, l.descriptor_id, l.report_id, l.item_type, l.account, l.employee_email)
                  is distinct from
                  (excluded.date, excluded.amount, excluded.currency, excluded.descriptor_id, excluded.report_id,
                   excluded.item_type, excluded.account, excluded.employee_email)
          returning (xmax = 0) as inserted
        ) select count(*) filter (where inserted)::int as added, count(*) filter (where not inserted)::int as updated
          from up`,
  );

  // Lines paid from no named account (an export without a card or GL column) have none to list or exclude.
  const accounts = await one<{ added: number }>(
    trx,
    sql`with up as (
          insert into expense_accounts as a (source_id, account, first_seen_at, last_seen_at)
          select distinct ${sourceId}::bigint, account, ${now}::timestamptz, ${now}::timestamptz
          from run_expense_lines where account <> ''
          on conflict (source_id, account) do update set last_seen_at = excluded.last_seen_at
            where a.last_seen_at < excluded.last_seen_at
          returning (xmax = 0) as inserted
        ) select count(*) filter (where inserted)::int as added from up`,
  );

  // The derivation's plans (duplicates join a source's lines to the others by date and amount) are chosen
  // from the table's statistics: after a large import they must know of its lines, or a first import of
  // 10,000 lines is planned as a nested loop over a table believed empty and takes seconds instead of ms.
  if (lines.added >= largeImportLines) await sql`analyze expense_lines`.execute(trx);
  await deriveExpenseLines(trx, { sourceIds: [sourceId] });
  return {
    lines: { ...lines, unchanged: dates.lines - lines.added - lines.updated },
    descriptors,
    accounts,
    importId: imported.id,
    sameFileAs: null,
  };
}
