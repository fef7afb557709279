import { describe, expect, it } from 'vitest';
import type { Page } from './cursor.js';
import { forEachPage } from './page-batches.js';

const pages: Record<string, Page<number>> = {
  start: { items: [1, 2], nextCursor: 'b' },
  b: { items: [3, 4], nextCursor: 'c' },
  c: { items: [5], nextCursor: null },
};

describe('forEachPage', () => {
  it('reads every page in turn, each after the previous batch was handled', async () => {
    const events: string[] = [];
    const total = await forEachPage(
      async (cursor) => {
        events.push(`read ${cursor ?? 'start'}`);
        return pages[cursor ?? 'start']!;
      },
      async (batch) => {
        events.push(`batch ${batch.join(' ')}`);
      },
    );
    expect(total).toBe(5);
    expect(events).toEqual(['read start', 'batch 1 2', 'read b', 'batch 3 4', 'read c', 'batch 5']);
  });

  it('stops between pages once its signal aborts', async () => {
    const stop = new AbortController();
    const read: string[] = [];
    const ended = forEachPage(
      async (cursor) => {
        read.push(cursor ?? 'start');
        return pages[cursor ?? 'start']!;
      },
      async () => stop.abort(),
      stop.signal,
    );
    await expect(ended).rejects.toMatchObject({ name: 'AbortError' });
    expect(read).toEqual(['start']);
  });
});
