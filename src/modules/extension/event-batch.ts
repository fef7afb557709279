import { z } from 'zod';
import { isValidEmail, normaliseEmail } from '../../lib/email.js';
import { type ErrorDetail, invalidInput } from '../../lib/errors.js';

/** A batch holds at most this many events (the extension sends up to 100 at a time). */
export const maxEventsPerBatch = 500;
/** The body cap of the events route: 500 events of realistic size fit with room to spare. */
export const eventsBodyLimitBytes = 256 * 1024;
/** Clocks on laptops drift: an event dated further ahead than this is refused as wrong, not stored. */
const futureToleranceMs = 24 * 3600_000;

const hostName = z
  .string()
  .min(1)
  .max(253)
  .regex(/^(?=.*[a-z])[a-z0-9-]+(\.[a-z0-9-]+)+\.?$/i, 'must be a host name such as app.slack.com');

export const extensionEventSchema = z
  .strictObject({
    type: z.enum(['visit', 'sign_in', 'sign_up']),
    domain: hostName.describe('The app domain the activity was on (a host name, never a URL)'),
    email: z
      .string()
      .max(320)
      .optional()
      .describe('The address used on the site, when visible; activity counts for it instead of the token’s'),
    at: z.iso.datetime({ offset: true }).describe('When it happened (ISO 8601)'),
  })
  .meta({ id: 'ExtensionEvent' });

export const eventBatchSchema = z
  .strictObject({
    batchId: z.uuid().describe('Chosen by the reporter; a batch sent again with the same id counts once'),
    events: z.array(extensionEventSchema).min(1).max(maxEventsPerBatch),
  })
  .meta({ id: 'ExtensionEventBatch' });

export type ExtensionEvent = z.infer<typeof extensionEventSchema>;
export interface EventBatch {
  batchId: string;
  events: ExtensionEvent[];
}

/** A path as people write it: `events[3].domain`. */
export function fieldOf(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`))
    .join('');
}

/**
 * Checks a whole batch and returns it with emails and domains normalised, or refuses it whole naming every
 * field at fault (at most 50): nothing of a bad batch is stored.
 */
export function parseEventBatch(body: unknown, now: Date): EventBatch {
  const parsed = eventBatchSchema.safeParse(body);
  const details: ErrorDetail[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ field: fieldOf(issue.path) || 'body', message: issue.message }));
  if (parsed.success) {
    parsed.data.events.forEach((event, i) => {
      if (event.email !== undefined && !isValidEmail(normaliseEmail(event.email)))
        details.push({ field: `events[${i}].email`, message: 'is not a valid email address' });
      if (Date.parse(event.at) > now.getTime() + futureToleranceMs)
        details.push({ field: `events[${i}].at`, message: 'is more than a day in the future' });
    });
  }
  if (details.length || !parsed.success)
    throw invalidInput('The batch is not valid; nothing of it was stored', details.slice(0, 50));
  return {
    batchId: parsed.data.batchId.toLowerCase(),
    events: parsed.data.events.map((e) => ({
      ...e,
      domain: e.domain.toLowerCase().replace(/\.$/, ''),
      ...(e.email !== undefined ? { email: normaliseEmail(e.email) } : {}),
    })),
  };
}
