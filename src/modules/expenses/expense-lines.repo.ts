import { sql } from 'kysely';
import { decodeCursor, encodeCursor, type Page } from '../../lib/cursor.js';
import type { Roster } from '../../roster.js';
import type { ExpenseLine, ExpenseStatus } from './expense-lines.schemas.js';
import { suggestedRuleFor } from './suggested-rule.js';

export interface ExpenseLineFilters {
  status?: ExpenseStatus;
  appId?: number;
}

/** Unmatched lines come biggest first (what to write a rule for first); every other list newest first. */
const orderOf = (filters: ExpenseLineFilters) => (filters.status === 'unmatched' ? 'amount' : 'date');

type Row = Omit<ExpenseLine, 'suggestedRule' | 'suggestions'> & {
  suggestions: unknown;
  sortKey: number | string;
};

function linesQuery(filters: ExpenseLineFilters, after: (string | number)[] | undefined, limit: number) {
  const amountOrder = orderOf(filters) === 'amount';
  const sortKey = amountOrder ? sql`coalesce(l.amount_converted, -1)` : sql`l.date`;
  const keyset = after
    ? amountOrder
      ? sql`and (coalesce(l.amount_converted, -1), l.id) < (${after[0]}::numeric, ${after[1]}::bigint)`
      : sql`and (l.date, l.id) < (${after[0]}::date, ${after[1]}::bigint)`
    : sql``;
  return sql<Row>`
    select l.id, l.date, l.amount, l.currency, l.amount_converted as "amountConverted",
           d.vendor, d.description, s.name as source, l.account, l.report_id as "reportId",
           l.item_type as "itemType", l.employee_email as "employeeEmail", l.status, a.name as app,
           case when l.manual_app_id is not null then 'manual' else d.match_kind end as "matchedBy",
           case when l.manual_app_id is not null then null else d.match_rule_id end as "ruleId",
           case when l.manual_app_id is not null then null else d.match_alias end as alias,
           l.duplicate_of as "duplicateOf", d.suggestions, ${sortKey} as "sortKey"
    from expense_lines l
    join expense_descriptors d on d.id = l.descriptor_id
    join sources s on s.id = l.source_id
    left join apps a on a.id = l.app_id
    where true
      ${filters.status ? sql`and l.status = ${filters.status}` : sql``}
      ${filters.appId !== undefined ? sql`and l.app_id = ${filters.appId}` : sql``}
      ${keyset}
    order by ${sortKey} desc, l.id desc
    limit ${limit}`;
}

function toLine(row: Row): ExpenseLine {
  const { sortKey: _sortKey, suggestions: raw, ...line } = row;
  const suggestions = Array.isArray(raw) ? (raw as ExpenseLine['suggestions']) : [];
  return {
    ...line,
    suggestions,
    suggestedRule: line.status === 'unmatched' ? suggestedRuleFor(line, suggestions[0]?.name ?? null) : null,
  };
}

const keyOf = (row: Row) => [row.sortKey, row.id];

export async function listExpenseLines(
  roster: Roster,
  filters: ExpenseLineFilters,
  options: { cursor?: string; limit?: number } = {},
): Promise<Page<ExpenseLine>> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const after = decodeCursor(options.cursor, 2);
  const { rows } = await linesQuery(filters, after, limit + 1).execute(roster.database.db);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toLine),
    nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null,
  };
}

/**
 * Every line of the filters in keyset batches, each its own short query: nothing stays open between
 * batches, so a slow reader of a download holds no connection (ARCHITECTURE.md, "Downloads hold nothing").
 */
export async function forEachExpenseLine(
  roster: Roster,
  filters: ExpenseLineFilters,
  onBatch: (batch: ExpenseLine[]) => Promise<void>,
  options: { signal?: AbortSignal; batchSize?: number } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 5000;
  let total = 0;
  let after: (string | number)[] | undefined;
  for (;;) {
    options.signal?.throwIfAborted();
    const { rows } = await linesQuery(filters, after, batchSize).execute(roster.database.db);
    if (rows.length === 0) break;
    total += rows.length;
    await onBatch(rows.map(toLine));
    if (rows.length < batchSize) break;
    after = keyOf(rows[rows.length - 1]!);
  }
  return total;
}
