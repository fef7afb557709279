/**
 * Asks a source for its next page while the engine stages the current one, so the provider's network time
 * and Roster's COPY overlap instead of adding up. At most one page is read ahead: memory stays one page.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  // A page that fails while the caller is still busy with the one before must wait for the caller, not
  // surface as an unhandled rejection: it is handled here and rethrown when the caller asks for it.
  const ask = () => {
    const next = iterator.next();
    next.catch(() => {});
    return next;
  };
  let pending = ask();
  try {
    for (;;) {
      const result = await pending;
      if (result.done) return;
      pending = ask();
      yield result.value;
    }
  } finally {
    // The caller stopped early (a cancelled run, a failed page): the source gets to close its connections.
    await iterator.return?.().catch(() => {});
  }
}
