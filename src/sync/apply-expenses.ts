import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { deriveExpenseLines, deriveFirstImport } from '../modules/expenses/derive.js';
import { externalIdsOf } from '../modules/expenses/import/line-ids.js';
import { settleRunDescriptors } from '../modules/expenses/import/run-descriptors.js';
import {
  copyNewLines,
  recordAccounts,
  updateKnownLines,
} from '../modules/expenses/import/run-line-writes.js';
import type { RunLines } from '../modules/expenses/import/run-lines.js';
import type { ApplyInput, ExpenseCounters } from './apply-common.js';

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
  /** The run's checked lines, in the order the source gave them (held compactly: expense-run-lines.ts). */
  lines: RunLines;
}

/**
 * Applies a run's checked expense lines, inside the engine's apply transaction: descriptors, lines (by the
 * source's external id; new ones by COPY, known ones written only when they differ), the accounts they were
 * paid from, and the import.
 * Lines are never removed: an export covers a period, so a line missing from the next one is not a refund.
 * Then every derived column of the source's lines is recomputed (derive.ts).
 */
export async function applyExpenses(
  database: Database,
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

  const { lines } = file;
  const descriptors = await settleRunDescriptors(trx, sourceId, lines.descriptors);
  const run = { lines, externalIds: externalIdsOf(lines), descriptors: descriptors.outcomes };

  let first: string | null = null;
  let last: string | null = null;
  for (const date of lines.dates) {
    if (first === null || date < first) first = date;
    if (last === null || date > last) last = date;
  }
  const imported = await trx
    .insertInto('expense_imports')
    .values({
      source_id: sourceId,
      run_id: runId,
      content_sha256: file.contentSha256,
      read_with: readWith,
      file_name: file.fileName,
      lines: lines.length,
      first_date: first,
      last_date: last,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  // New lines go straight into their table, each written once and already derived; the lines the source
  // had are corrected where the file tells otherwise. Staging them first, then inserting from the staged
  // table, cost as much as the baseline's whole COPY (bench/RESULTS.md, "expenses").
  const { fresh, updated, hadLines, formerKeys } = await updateKnownLines(trx, sourceId, run);
  await copyNewLines(database, trx, { sourceId, importId: imported.id, now }, run, fresh);
  // The accounts are recorded after the lines: a new account is not excluded, so its lines were not either.
  const accounts = { added: await recordAccounts(trx, sourceId, lines.accounts, now) };
  const counted = { added: fresh.length, updated };

  // The derivation's plans (duplicates join a source's lines to the others by date and amount) are chosen
  // from the table's statistics: after a large import they must know of its lines, or a first import of
  // 10,000 lines is planned as a nested loop over a table believed empty and takes seconds instead of ms.
  // Only the columns those plans read are analyzed: the whole table's took three times as long
  // (bench/RESULTS.md, "expenses").
  if (counted.added >= largeImportLines)
    await sql`analyze expense_lines (source_id, date, amount, currency, app_id, descriptor_id)`.execute(trx);
  // A source's first import wrote every line already derived; later ones may move lines it had (a report
  // spanning two files, a corrected line, a new count mode), so all of the source's lines are derived again.
  if (hadLines) await deriveExpenseLines(trx, { sourceIds: [sourceId], formerKeys });
  else await deriveFirstImport(trx, sourceId);
  return {
    lines: { ...counted, unchanged: lines.length - counted.added - counted.updated },
    descriptors: { added: descriptors.added },
    accounts,
    importId: imported.id,
    sameFileAs: null,
  };
}
