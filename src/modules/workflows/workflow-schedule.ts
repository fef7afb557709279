import { Cron } from 'croner';
import { z } from 'zod';

/** When a schedule (or a matches trigger's own schedule) fires: at a time of day in an IANA time zone. */
export const scheduleSchema = z
  .object({
    every: z.enum(['daily', 'weekly', 'monthly', 'once']),
    at: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day, HH:MM')
      .meta({ examples: ['09:00'] }),
    timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone, like Europe/Berlin').default('UTC'),
    /** weekly: the day of the week (monday…sunday). */
    weekday: z
      .enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])
      .optional(),
    /** monthly: the day of the month (1–28, so every month has it). */
    day: z.number().int().min(1).max(28).optional(),
    /** once: the date (YYYY-MM-DD). */
    date: z.iso.date().optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.every === 'weekly' && !s.weekday)
      ctx.addIssue({ code: 'custom', path: ['weekday'], message: 'a weekly schedule needs its weekday' });
    if (s.every === 'monthly' && !s.day)
      ctx.addIssue({
        code: 'custom',
        path: ['day'],
        message: 'a monthly schedule needs its day of the month',
      });
    if (s.every === 'once' && !s.date)
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'a schedule run once needs its date' });
  });
export type Schedule = z.infer<typeof scheduleSchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** The first time the schedule fires after `after`, or null when it never fires again (a past `once`). */
export function nextFiring(schedule: Schedule, after: Date): Date | null {
  const [hour, minute] = schedule.at.split(':').map(Number);
  if (schedule.every === 'once') {
    const [, month, day] = (schedule.date ?? '').split('-').map(Number);
    const cron = new Cron(`0 ${minute} ${hour} ${day} ${month} *`, { timezone: schedule.timeZone });
    const next = cron.nextRun(after);
    // The year is not part of a cron pattern: a date of another year never fires.
    return next && next.getUTCFullYear() === Number(schedule.date?.slice(0, 4)) ? next : null;
  }
  const pattern =
    schedule.every === 'daily'
      ? `0 ${minute} ${hour} * * *`
      : schedule.every === 'weekly'
        ? `0 ${minute} ${hour} * * ${weekdays.indexOf(schedule.weekday ?? 'monday')}`
        : `0 ${minute} ${hour} ${schedule.day ?? 1} * *`;
  return new Cron(pattern, { timezone: schedule.timeZone }).nextRun(after);
}

/** The firing due at `now` for a schedule last looked at `since`: the latest one in (since, now], if any. */
export function dueFiring(schedule: Schedule, since: Date, now: Date): Date | null {
  let due: Date | null = null;
  let next = nextFiring(schedule, since);
  while (next && next <= now) {
    due = next;
    next = nextFiring(schedule, next);
  }
  return due;
}
