import { ConnectorError } from './connector-error.js';

/**
 * Walks a provider's pages, following whatever `next` returns (a next link, a page token), and stops a
 * provider that hands back a token it already gave: a loop would otherwise never end and, worse, count the
 * same users again.
 */
export async function* followPages<Page>(
  provider: string,
  first: string,
  load: (cursor: string) => Promise<Page>,
  next: (page: Page) => string | null | undefined,
): AsyncGenerator<Page> {
  const seen = new Set<string>([first]);
  let cursor: string | null | undefined = first;
  let pageNumber = 0;
  while (cursor) {
    pageNumber += 1;
    const page: Page = await load(cursor);
    yield page;
    cursor = next(page);
    if (cursor && seen.has(cursor))
      throw new ConnectorError(
        'invalid_data',
        `${provider} returned a page link it had already given (after page ${pageNumber}); the listing was not read to its end`,
      );
    if (cursor) seen.add(cursor);
  }
}

/**
 * Keeps the first record of each key: providers can list a user on two pages when the directory changes
 * while Roster reads it, and a user must be counted once.
 */
export function firstOfEach<T>(key: (item: T) => string): (items: readonly T[]) => T[] {
  const seen = new Set<string>();
  return (items) =>
    items.filter((item) => {
      const k = key(item);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}
