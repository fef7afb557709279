import { type Kysely, sql } from 'kysely';
import type { ExpenseRecord } from '../../../connectors/kit/records.js';
import type { DB } from '../../../db/schema.js';
import { decideDescriptors } from '../matching/apply-matching.js';

/** What a new line takes from its descriptor. */
export interface DescriptorOutcome {
  id: number;
  appId: number | null;
  ignored: boolean;
}

/** Descriptors keyed by vendor, then description. */
export type DescriptorsByText = Map<string, Map<string, DescriptorOutcome>>;

export function descriptorOf(descriptors: DescriptorsByText, line: ExpenseRecord): DescriptorOutcome {
  const found = descriptors.get(line.vendor)?.get(line.description);
  if (!found) throw new Error(`The descriptor of "${line.vendor}" "${line.description}" was not written`);
  return found;
}

/**
 * Writes the run's new descriptors and decides them (rules, automatic matching, discovered apps) before any
 * line is written, then answers every descriptor of the run with its outcome, so each new line is written
 * once, already matched. `added` counts the descriptors the run brought.
 */
export async function settleRunDescriptors(
  trx: Kysely<DB>,
  sourceId: number,
  lines: readonly ExpenseRecord[],
): Promise<{ added: number; descriptors: DescriptorsByText }> {
  const vendors: string[] = [];
  const descriptions: string[] = [];
  const seen = new Map<string, Set<string>>();
  for (const line of lines) {
    const ofVendor = seen.get(line.vendor) ?? new Set<string>();
    if (ofVendor.has(line.description)) continue;
    ofVendor.add(line.description);
    seen.set(line.vendor, ofVendor);
    vendors.push(line.vendor);
    descriptions.push(line.description);
  }
  const { rows: inserted } = await sql<{ added: number }>`
    with ins as (
      insert into expense_descriptors (vendor, description, normalised)
      select v, d, '' from unnest(${vendors}::text[], ${descriptions}::text[]) as t(v, d)
      on conflict (vendor, description) do nothing
      returning 1
    ) select count(*)::int as added from ins`.execute(trx);
  await decideDescriptors(trx, { sourceIds: [sourceId] });
  const { rows } = await sql<{
    id: number;
    vendor: string;
    description: string;
    app_id: number | null;
    ignored: boolean;
  }>`
    select d.id, d.vendor, d.description, d.app_id, d.ignored
    from unnest(${vendors}::text[], ${descriptions}::text[]) as t(v, d)
    join expense_descriptors d on d.vendor = t.v and d.description = t.d`.execute(trx);
  const descriptors: DescriptorsByText = new Map();
  for (const row of rows) {
    const ofVendor = descriptors.get(row.vendor) ?? new Map<string, DescriptorOutcome>();
    ofVendor.set(row.description, {
      id: Number(row.id),
      appId: row.app_id === null ? null : Number(row.app_id),
      ignored: row.ignored,
    });
    descriptors.set(row.vendor, ofVendor);
  }
  return { added: inserted[0]?.added ?? 0, descriptors };
}
