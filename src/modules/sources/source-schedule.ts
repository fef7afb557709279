import { invalidInput } from '../../lib/errors.js';

/** A sync schedule is an interval: `30m`, `6h`, `1d` (at least 15 minutes), or null for manual only. */
const units = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const minimum = 15 * 60_000;
export const defaultPullSchedule = '24h';

export function scheduleIntervalMs(schedule: string): number {
  const match = /^(\d{1,4})([mhd])$/.exec(schedule.trim());
  const ms = match ? Number(match[1]) * units[match[2] as keyof typeof units] : Number.NaN;
  if (!Number.isFinite(ms) || ms < minimum) {
    throw invalidInput(`"${schedule}" is not a sync schedule`, [
      { field: 'schedule', message: 'use an interval of at least 15 minutes such as 30m, 6h or 1d' },
    ]);
  }
  return ms;
}
