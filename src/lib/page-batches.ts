import type { Page } from './cursor.js';

/**
 * Reads a cursor-paged list to its end, one page per short keyset query, handing each page to `onBatch`
 * before the next is read. Nothing is held between pages (no transaction, no cursor, no connection), so a
 * download can wait on a slow reader for as long as it likes; `signal` stops the reading between pages.
 * Reading through the list's own page function keeps an export's rows exactly what the list shows.
 */
export async function forEachPage<T>(
  readPage: (cursor: string | undefined) => Promise<Page<T>>,
  onBatch: (batch: T[]) => Promise<void>,
  signal?: AbortSignal,
): Promise<number> {
  let total = 0;
  let cursor: string | undefined;
  for (;;) {
    signal?.throwIfAborted();
    const page = await readPage(cursor);
    total += page.items.length;
    if (page.items.length) await onBatch(page.items);
    if (!page.nextCursor) return total;
    cursor = page.nextCursor;
  }
}
