import { describe, expect, it } from 'vitest';
import { readAhead } from './read-ahead.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('readAhead', () => {
  it('yields every page in order, and asks for the next one while the caller works on the current one', async () => {
    const log: string[] = [];
    async function* pages() {
      for (let i = 1; i <= 3; i++) {
        log.push(`fetch ${i}`);
        await tick();
        yield i;
      }
    }
    const seen: number[] = [];
    for await (const page of readAhead(pages())) {
      log.push(`stage ${page}`);
      await tick();
      seen.push(page);
    }
    expect(seen).toEqual([1, 2, 3]);
    // Page 2 is requested before page 1 is staged.
    expect(log.indexOf('fetch 2')).toBeLessThan(log.indexOf('stage 1'));
  });

  it('passes a failing page on to the caller, after the pages before it, and never as an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      async function* pages() {
        yield 1;
        throw new Error('page 2 failed');
      }
      const seen: number[] = [];
      await expect(async () => {
        for await (const page of readAhead(pages())) {
          // The caller is busy with page 1 while page 2 fails.
          await tick();
          await tick();
          seen.push(page);
        }
      }).rejects.toThrow('page 2 failed');
      expect(seen).toEqual([1]);
      await tick();
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('closes the source when the caller stops early, even with a failing page in flight', async () => {
    let closed = false;
    async function* pages() {
      try {
        yield 1;
        throw new Error('never read');
      } finally {
        closed = true;
      }
    }
    for await (const page of readAhead(pages())) {
      expect(page).toBe(1);
      break;
    }
    await tick();
    expect(closed).toBe(true);
  });
});
