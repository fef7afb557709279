import type { ActivityEvent } from './events.js';

/**
 * How many events wait for Roster at most. Events fold to one per type, app domain, address and day, so this
 * covers weeks offline for a person using a few dozen apps; beyond it the oldest activity goes first.
 */
export const MAX_QUEUED_EVENTS = 2000;

const dayOf = (at: string) => at.slice(0, 10);

function sameSlot(a: ActivityEvent, b: ActivityEvent): boolean {
  return a.type === b.type && a.domain === b.domain && a.email === b.email && dayOf(a.at) === dayOf(b.at);
}

/**
 * The queue with one more event. Roster stores the last activity per app per day, so an event for a type,
 * domain, address and day already queued only moves that event's time forward; the queue never holds more
 * than `max` events, dropping the oldest.
 */
export function enqueue(
  queue: readonly ActivityEvent[],
  event: ActivityEvent,
  max = MAX_QUEUED_EVENTS,
): ActivityEvent[] {
  const index = queue.findIndex((queued) => sameSlot(queued, event));
  if (index >= 0) {
    const queued = queue[index]!;
    if (queued.at >= event.at) return [...queue];
    const next = [...queue];
    next[index] = { ...queued, at: event.at };
    return next;
  }
  const next = [...queue, event];
  if (next.length <= max) return next;
  // Drop the oldest activity, whatever its place in the queue.
  const sorted = [...next].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const dropped = new Set(sorted.slice(0, next.length - max));
  return next.filter((e) => !dropped.has(e));
}

/** The queue without what one app's domain reported today: a sign-in with a personal address voids it. */
export function withoutDomainOnDay(
  queue: readonly ActivityEvent[],
  domain: string,
  day: string,
): ActivityEvent[] {
  return queue.filter((e) => !(e.domain === domain && dayOf(e.at) === day));
}
