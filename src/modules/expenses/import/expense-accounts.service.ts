import { sql } from 'kysely';
import { findSourceKind } from '../../../connectors/registry.js';
import { invalidInput, notFound } from '../../../lib/errors.js';
import type { Roster } from '../../../roster.js';
import { writeAudit } from '../../audit/audit.repo.js';
import { findSourceRow } from '../../sources/sources.repo.js';
import { deriveExpenseLines } from '../derive.js';

export interface ExpenseAccountView {
  account: string;
  /** The source's lines paid from the account. */
  lines: number;
  firstSeenAt: string;
  lastSeenAt: string;
  /** Set while the account is excluded: its lines count in no figure. */
  excludedAt: string | null;
  excludedBy: string | null;
}

async function expenseSourceRow(roster: Roster, ref: string | number) {
  const row = await findSourceRow(roster, ref);
  if (!findSourceKind(row.kind)?.capabilities.expenses)
    throw invalidInput(`"${row.name}" is not a source of expense lines`, [
      { field: 'source', message: 'name an expense source (expense-csv, expense-json-url, expense-push)' },
    ]);
  return row;
}

/** The cards and GL accounts a source's imports covered, excluded ones marked. */
export async function listExpenseAccounts(
  roster: Roster,
  ref: string | number,
): Promise<{ source: { id: number; name: string }; accounts: ExpenseAccountView[] }> {
  const source = await expenseSourceRow(roster, ref);
  const { rows } = await sql<{
    account: string;
    lines: number;
    first_seen_at: Date;
    last_seen_at: Date;
    excluded_at: Date | null;
    excluded_by: string | null;
  }>`
    select a.account, a.first_seen_at, a.last_seen_at, a.excluded_at, a.excluded_by,
           (select count(*)::int from expense_lines l where l.source_id = a.source_id and l.account = a.account) as lines
    from expense_accounts a where a.source_id = ${source.id} order by a.account`.execute(roster.database.db);
  return {
    source: { id: source.id, name: source.name },
    accounts: rows.map((r) => ({
      account: r.account,
      lines: r.lines,
      firstSeenAt: new Date(r.first_seen_at).toISOString(),
      lastSeenAt: new Date(r.last_seen_at).toISOString(),
      excludedAt: r.excluded_at ? new Date(r.excluded_at).toISOString() : null,
      excludedBy: r.excluded_by,
    })),
  };
}

/**
 * Excludes an account (its lines count in no figure, and the figures say so) or includes it again. Audited,
 * and the source's lines are derived again in the same transaction.
 */
export async function setExpenseAccountExcluded(
  roster: Roster,
  actor: string,
  ref: string | number,
  account: string,
  excluded: boolean,
): Promise<ExpenseAccountView> {
  const source = await expenseSourceRow(roster, ref);
  await roster.database.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('expense_accounts')
      .select(['excluded_at', 'excluded_by'])
      .where('source_id', '=', source.id)
      .where('account', '=', account)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound(`"${source.name}" has no account "${account}"`);
    if ((before.excluded_at !== null) === excluded) return;
    const now = new Date();
    await trx
      .updateTable('expense_accounts')
      .set(excluded ? { excluded_at: now, excluded_by: actor } : { excluded_at: null, excluded_by: null })
      .where('source_id', '=', source.id)
      .where('account', '=', account)
      .execute();
    await writeAudit(trx, {
      actor,
      action: excluded ? 'expense_account.exclude' : 'expense_account.include',
      targetType: 'source',
      targetId: source.id,
      before: { account, excluded: !excluded },
      after: { account, excluded },
    });
    await deriveExpenseLines(trx, { sourceIds: [source.id] });
  });
  const { accounts } = await listExpenseAccounts(roster, source.id);
  const view = accounts.find((a) => a.account === account);
  if (!view) throw notFound(`"${source.name}" has no account "${account}"`);
  return view;
}
