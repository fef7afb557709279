import { sql } from 'kysely';
import type { Roster } from '../../src/roster.js';

export interface LineSeed {
  source: number;
  vendor: string;
  description?: string;
  date?: string;
  amount: number;
  currency?: string;
  /** Defaults to the amount: tests that do not convert count in the organisation's currency. */
  converted?: number | null;
}

/** An expense source as a row (its kind's connector is not what these tests exercise). */
export async function addExpenseSource(roster: Roster, name: string): Promise<number> {
  const row = await roster.database.db
    .insertInto('sources')
    .values({ kind: 'expense-csv', name, config: JSON.stringify({}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * Lines as the import's apply step writes them: descriptors upserted on (vendor, description) with a
 * placeholder normalised form, lines with their import; returns the new lines' ids in order.
 */
export async function insertExpenseLines(roster: Roster, lines: LineSeed[]): Promise<number[]> {
  const { db } = roster.database;
  const ids: number[] = [];
  for (const [i, line] of lines.entries()) {
    const description = line.description ?? '';
    await db
      .insertInto('expense_descriptors')
      .values({ vendor: line.vendor, description, normalised: '' })
      .onConflict((oc) => oc.columns(['vendor', 'description']).doNothing())
      .execute();
    const descriptor = await db
      .selectFrom('expense_descriptors')
      .select('id')
      .where('vendor', '=', line.vendor)
      .where('description', '=', description)
      .executeTakeFirstOrThrow();
    const imp = await db
      .insertInto('expense_imports')
      .values({ source_id: line.source })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await sql<{ id: number }>`
      insert into expense_lines (source_id, external_id, first_import_id, date, amount, currency, descriptor_id,
                                 item_type, amount_converted)
      values (${line.source}, ${`t-${Date.now()}-${i}-${Math.random()}`}, ${imp.id}, ${line.date ?? '2026-01-15'},
              ${line.amount}, ${line.currency ?? 'USD'}, ${descriptor.id}, 'line',
              ${line.converted === undefined ? line.amount : line.converted})
      returning id`.execute(db);
    ids.push(Number(row.rows[0]?.id));
  }
  return ids;
}

export interface LineState {
  id: number;
  app: string | null;
  status: string;
  duplicateOf: number | null;
}

export async function lineStates(roster: Roster): Promise<LineState[]> {
  const rows = await sql<{ id: number; app: string | null; status: string; duplicate_of: number | null }>`
    select l.id, a.name as app, l.status, l.duplicate_of
    from expense_lines l left join apps a on a.id = l.app_id order by l.id`.execute(roster.database.db);
  return rows.rows.map((r) => ({
    id: Number(r.id),
    app: r.app,
    status: r.status,
    duplicateOf: r.duplicate_of === null ? null : Number(r.duplicate_of),
  }));
}
