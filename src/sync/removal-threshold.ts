import { z } from 'zod';
import { defaultRemovalThreshold } from './default-removal-threshold.js';

/**
 * How many removals one run of a source may make before it is held for confirmation. A feed that
 * "succeeds" empty or cut short (a header-only CSV, an identity provider answering an empty list) would
 * otherwise mark every account and employee of the source removed.
 */
export const removalThresholdSchema = z
  .union([
    z.strictObject({
      percent: z.number().min(0).max(100).describe('held when more than this share of the source is removed'),
      count: z.number().int().min(0).describe('… and more than this many'),
    }),
    z.strictObject({ disabled: z.literal(true).describe('never hold a run of this source') }),
  ])
  .meta({ id: 'RemovalThreshold' });

export type RemovalThreshold = z.infer<typeof removalThresholdSchema>;

export { defaultRemovalThreshold };

/** The threshold a source's stored setting means (null: the default). */
export function thresholdOf(stored: unknown): RemovalThreshold {
  const parsed = removalThresholdSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultRemovalThreshold;
}

/**
 * Whether a run removing `removals` of the `of` accounts and employees the source had must be held: when it
 * exceeds both the share and the count, and always when it removes every one (there was at least one).
 */
export function holdsRemovals(threshold: RemovalThreshold, removals: number, of: number): boolean {
  if ('disabled' in threshold || removals === 0) return false;
  if (removals >= of) return true;
  return removals > threshold.count && removals * 100 > threshold.percent * of;
}
