import { z } from 'zod';

/** Schemas shared by several resources. */
export const pageQuery = z.strictObject({
  search: z.string().max(200).optional(),
  cursor: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/**
 * Every list answers in one envelope: `items`, and `nextCursor` (null on the last page, and always on lists
 * that come whole). Lists that count their matches add `total`.
 */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** A list answered whole, in the list envelope. */
export const wholeList = <T>(items: T[]) => ({ items, nextCursor: null });

/** The exact-name filter of the lists of things with renameable names (paths take their ids). */
export const nameFilter = z.string().trim().min(1).max(200).optional();

/** Keeps the items whose name equals `name`, ignoring case (all of them without a filter). */
export function withName<T extends { name: string }>(items: T[], name: string | undefined): T[] {
  if (name === undefined) return items;
  const wanted = name.toLowerCase();
  return items.filter((item) => item.name.toLowerCase() === wanted);
}

export const errorDetailSchema = z.object({
  row: z.number().optional(),
  field: z.string().optional(),
  path: z.string().optional(),
  message: z.string(),
});

/** Every status a sync run can have; `held` and `discarded` come from accidental-removal protection. */
export const runStatusSchema = z
  .enum(['running', 'succeeded', 'failed', 'cancelled', 'held', 'discarded'])
  .meta({ id: 'RunStatus' });

/** What a held run would remove (it applied nothing). */
export const heldRemovalsSchema = z
  .object({
    removals: z
      .number()
      .describe("accounts (this source's observations of them) and employees it would remove"),
    accounts: z.number(),
    employees: z.number(),
    of: z.number().describe("the source's accounts and employees before the run"),
    message: z.string(),
  })
  .meta({ id: 'HeldRemovals' });

export const syncResultSchema = z
  .object({
    runId: z.number(),
    sourceId: z.number(),
    status: z
      .enum(['succeeded', 'failed', 'cancelled', 'held'])
      .describe('held: complete, but past the removal threshold; nothing was applied until confirmed'),
    counters: z.object({
      added: z.number(),
      updated: z.number(),
      removed: z.number(),
      unchanged: z.number(),
      rejected: z.number(),
    }),
    detail: z.unknown(),
    held: heldRemovalsSchema.nullable(),
    error: z
      .object({ code: z.string(), message: z.string(), details: z.array(errorDetailSchema) })
      .nullable(),
  })
  .meta({ id: 'SyncResult' });

export const idOrNameParams = z.strictObject({ ref: z.string().min(1).max(200) });
