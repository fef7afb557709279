import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { decideDescriptors } from '../matching/apply-matching.js';
import type { RunLines } from './run-lines.js';

/** What a new line takes from its descriptor. */
export interface DescriptorOutcome {
  id: number;
  appId: number | null;
  ignored: boolean;
}

/** Each of a run's descriptors' outcome, by its place in the run's list (RunLines.descriptors). */
export type RunDescriptorOutcomes = readonly DescriptorOutcome[];

/**
 * Writes the run's new descriptors and decides them (rules, automatic matching, discovered apps) before any
 * line is written, then answers every descriptor of the run with its outcome, so each new line is written
 * once, already matched. `added` counts the descriptors the run brought.
 */
export async function settleRunDescriptors(
  trx: Kysely<DB>,
  sourceId: number,
  run: RunLines['descriptors'],
): Promise<{ added: number; outcomes: RunDescriptorOutcomes }> {
  const { vendors, descriptions } = run;
  const { rows: inserted } = await sql<{ added: number }>`
    with ins as (
      insert into expense_descriptors (vendor, description, normalised)
      select v, d, '' from unnest(${vendors}::text[], ${descriptions}::text[]) as t(v, d)
      on conflict (vendor, description) do nothing
      returning 1
    ) select count(*)::int as added from ins`.execute(trx);
  await decideDescriptors(trx, { sourceIds: [sourceId] });
  const { rows } = await sql<{ place: number; id: number; app_id: number | null; ignored: boolean }>`
    select t.place::int as place, d.id, d.app_id, d.ignored
    from unnest(${vendors}::text[], ${descriptions}::text[]) with ordinality as t(v, d, place)
    join expense_descriptors d on d.vendor = t.v and d.description = t.d`.execute(trx);
  const outcomes: DescriptorOutcome[] = new Array(vendors.length);
  for (const row of rows)
    outcomes[row.place - 1] = {
      id: Number(row.id),
      appId: row.app_id === null ? null : Number(row.app_id),
      ignored: row.ignored,
    };
  for (let i = 0; i < vendors.length; i++)
    if (!outcomes[i])
      throw new Error(`The descriptor of "${vendors[i]}" "${descriptions[i]}" was not written`);
  return { added: inserted[0]?.added ?? 0, outcomes };
}
