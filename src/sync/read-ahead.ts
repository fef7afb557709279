/**
 * Asks a source for its next page while the engine stages the current one, so the provider's network time
 * and Roster's COPY overlap instead of adding up. At most one page is read ahead: memory stays one page.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  try {
    for (;;) {
      const result = await pending;
      if (result.done) return;
      pending = iterator.next();
      yield result.value;
    }
  } finally {
    // The caller stopped early (a cancelled run, a failed page): a page still in flight must not surface later
    // as an unhandled rejection, and the source gets to close its connections.
    pending.catch(() => {});
    await iterator.return?.().catch(() => {});
  }
}
