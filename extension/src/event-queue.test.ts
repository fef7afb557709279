import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enqueue, withoutDomainOnDay } from './event-queue.js';
import type { ActivityEvent } from './events.js';

const visit = (domain: string, at: string, email?: string): ActivityEvent => ({
  type: 'visit',
  domain,
  at,
  ...(email ? { email } : {}),
});

describe('the queue of events waiting for Roster', () => {
  it('keeps one event per type, domain, address and day, at the latest time', () => {
    let queue: ActivityEvent[] = [];
    queue = enqueue(queue, visit('slack.com', '2026-11-30T09:00:00.000Z'));
    queue = enqueue(queue, visit('slack.com', '2026-11-30T17:00:00.000Z'));
    queue = enqueue(queue, visit('slack.com', '2026-11-30T12:00:00.000Z'));
    queue = enqueue(queue, visit('slack.com', '2026-12-01T08:00:00.000Z'));
    queue = enqueue(queue, visit('slack.com', '2026-11-30T10:00:00.000Z', 'ada@acme.io'));
    queue = enqueue(queue, { type: 'sign_in', domain: 'slack.com', at: '2026-11-30T10:00:00.000Z' });
    expect(queue).toEqual([
      visit('slack.com', '2026-11-30T17:00:00.000Z'),
      visit('slack.com', '2026-12-01T08:00:00.000Z'),
      visit('slack.com', '2026-11-30T10:00:00.000Z', 'ada@acme.io'),
      { type: 'sign_in', domain: 'slack.com', at: '2026-11-30T10:00:00.000Z' },
    ]);
  });

  it('drops the oldest events beyond its bound', () => {
    let queue: ActivityEvent[] = [];
    queue = enqueue(queue, visit('b.com', '2026-11-02T00:00:00.000Z'), 2);
    queue = enqueue(queue, visit('a.com', '2026-11-01T00:00:00.000Z'), 2);
    queue = enqueue(queue, visit('c.com', '2026-11-03T00:00:00.000Z'), 2);
    expect(queue.map((e) => e.domain)).toEqual(['b.com', 'c.com']);
  });

  const eventArb = fc.record({
    type: fc.constantFrom('visit', 'sign_in', 'sign_up') as fc.Arbitrary<ActivityEvent['type']>,
    domain: fc.constantFrom('a.com', 'b.com', 'c.com', 'd.com'),
    at: fc
      .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 0, 20) })
      .map((ms) => new Date(ms).toISOString()),
  });

  it('never exceeds its bound, never holds two events for one slot, keeps the latest event (property)', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 80 }), fc.integer({ min: 1, max: 20 }), (events, max) => {
        let queue: ActivityEvent[] = [];
        for (const event of events) {
          queue = enqueue(queue, event, max);
          expect(queue.length).toBeLessThanOrEqual(max);
          const slots = queue.map((e) => `${e.type} ${e.domain} ${e.at.slice(0, 10)}`);
          expect(new Set(slots).size).toBe(slots.length);
        }
        if (events.length > 0) {
          // Events of the same latest time are equally the latest: the queue keeps one of them at least.
          const latestAt = events.reduce((at, e) => (e.at > at ? e.at : at), events[0]!.at);
          const latest = events.filter((e) => e.at === latestAt);
          expect(
            queue.some((e) =>
              latest.some((l) => e.type === l.type && e.domain === l.domain && e.at === l.at),
            ),
          ).toBe(true);
        }
      }),
    );
  });

  it('forgets one domain’s events of one day', () => {
    const queue = [
      visit('slack.com', '2026-11-30T09:00:00.000Z'),
      visit('slack.com', '2026-11-29T09:00:00.000Z'),
      visit('notion.so', '2026-11-30T09:00:00.000Z'),
    ];
    expect(withoutDomainOnDay(queue, 'slack.com', '2026-11-30')).toEqual([queue[1], queue[2]]);
  });
});
