import { sql } from 'kysely';
import type { Roster } from '../../../roster.js';

/** The expense tables with each row's version (xmin): two equal snapshots mean nothing was written. */
export async function snapshotExpenses(roster: Roster): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of [
    'expense_lines',
    'expense_descriptors',
    'expense_accounts',
    'expense_imports',
    'exchange_rates',
  ]) {
    const { rows } =
      await sql`select t.*, xmin::text as row_version from ${sql.table(table)} t order by 1, 2`.execute(
        roster.database.db,
      );
    out[table] = rows.map((r) => JSON.parse(JSON.stringify(r)));
  }
  return out;
}

export interface LineRow {
  external_id: string;
  date: string;
  amount: number;
  currency: string;
  vendor: string;
  description: string;
  report_id: string | null;
  item_type: string;
  account: string;
  employee_email: string | null;
  amount_converted: number | null;
  excluded: boolean;
  counted_item: boolean;
}

/** A source's lines with their descriptors, in a fixed order. */
export async function linesOf(roster: Roster, sourceId: number): Promise<LineRow[]> {
  const { rows } = await sql<LineRow>`
    select l.external_id, l.date::text as date, l.amount, l.currency, d.vendor, d.description, l.report_id,
           l.item_type, l.account, l.employee_email, l.amount_converted, l.excluded, l.counted_item
    from expense_lines l join expense_descriptors d on d.id = l.descriptor_id
    where l.source_id = ${sourceId} order by l.date, d.vendor, l.amount, l.external_id`.execute(
    roster.database.db,
  );
  return rows;
}
