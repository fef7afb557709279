import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActivityEvent } from './events.js';
import { batchDone, emptyOutbox, nextBatch, type Outbox } from './outbox.js';

const events = (n: number): ActivityEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    type: 'visit',
    domain: `app${i}.com`,
    at: '2026-11-30T09:00:00.000Z',
  }));

describe('batches sent to Roster', () => {
  it('sends at most 500 events in a batch with a new id', () => {
    const { outbox, batch } = nextBatch({ queue: events(1200), pending: null }, () => 'id-1');
    expect(batch?.batchId).toBe('id-1');
    expect(batch?.events).toHaveLength(500);
    expect(outbox.queue).toHaveLength(700);
    expect(outbox.pending).toBe(batch);
  });

  it('sends the batch in flight again under the same id until Roster answers for it', () => {
    const first = nextBatch({ queue: events(3), pending: null }, () => 'id-1');
    const withMore: Outbox = { ...first.outbox, queue: events(2) };
    const again = nextBatch(withMore, () => 'id-2');
    expect(again.batch).toEqual(first.batch);
    const after = nextBatch(batchDone(again.outbox, 'id-1'), () => 'id-2');
    expect(after.batch?.batchId).toBe('id-2');
    expect(after.batch?.events).toEqual(events(2));
  });

  it('sends nothing when nothing waits', () => {
    expect(nextBatch(emptyOutbox, () => 'id').batch).toBeNull();
  });

  it('loses and duplicates no event across batches, whatever the sizes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), (n) => {
        let outbox: Outbox = { queue: events(n), pending: null };
        const sent: ActivityEvent[] = [];
        let id = 0;
        for (;;) {
          const next = nextBatch(outbox, () => `id-${id++}`);
          if (!next.batch) break;
          expect(next.batch.events.length).toBeGreaterThan(0);
          expect(next.batch.events.length).toBeLessThanOrEqual(500);
          sent.push(...next.batch.events);
          outbox = batchDone(next.outbox, next.batch.batchId);
        }
        expect(sent).toEqual(events(n));
      }),
    );
  });
});
