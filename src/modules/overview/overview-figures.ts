import { readDataGeneration } from '../../db/data-generation.js';
import type { Database } from '../../db/database.js';
import type { Roster } from '../../roster.js';
import { loadOverview, type Overview } from './overview.repo.js';

interface Kept {
  generation: string;
  computedAt: number;
  figures: Promise<Overview>;
}

const kept = new WeakMap<Database, Kept>();

/**
 * The figures read only data (license states are stored and refreshed hourly by the worker, which moves the
 * generation); this bounds how long unchanged data goes without a fresh count all the same.
 */
const maxAgeMs = 10 * 60_000;

/**
 * The Overview's figures for the data's current generation (migrations/0028), computed once per generation and
 * shared by whoever asks meanwhile. The job worker asks after every poll, so at start and after each sync,
 * import, merge or edit the figures are ready before the console's first visit asks.
 */
export async function overviewFigures(roster: Roster, now = Date.now()): Promise<Overview> {
  const generation = await readDataGeneration(roster.database.db);
  const copy = kept.get(roster.database);
  if (copy && copy.generation === generation && now - copy.computedAt < maxAgeMs) return copy.figures;
  const figures = loadOverview(roster);
  kept.set(roster.database, { generation, computedAt: now, figures });
  // A failed computation is not kept: the next reader tries again.
  figures.catch(() => {
    if (kept.get(roster.database)?.figures === figures) kept.delete(roster.database);
  });
  return figures;
}
