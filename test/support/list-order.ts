/** The documented order of a sorted list, computed in JavaScript to check the database's against. */
export type OrderValue = string | number | null;

/** By the value (rows without one last, in both directions), then by the tie-breakers ascending. */
export function listOrder<T>(
  value: (row: T) => OrderValue,
  descending: boolean,
  ties: ((row: T) => string | number)[],
): (a: T, b: T) => number {
  const compare = (x: string | number, y: string | number) => (x < y ? -1 : x > y ? 1 : 0);
  return (a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else {
      const c = compare(va, vb);
      if (c !== 0) return descending ? -c : c;
    }
    for (const tie of ties) {
      const c = compare(tie(a), tie(b));
      if (c !== 0) return c;
    }
    return 0;
  };
}

/** Every page of a list, following each page's cursor, with a page size drawn for each request. */
export async function walkPages<T>(
  fetchPage: (
    cursor: string | undefined,
    limit: number,
  ) => Promise<{ items: T[]; nextCursor: string | null }>,
  limits: number[],
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pages = 1; ; pages++) {
    const limit = limits[(pages - 1) % limits.length]!;
    const page = await fetchPage(cursor, limit);
    items.push(...page.items);
    if (page.items.length > limit) throw new Error(`a page of ${limit} held ${page.items.length} rows`);
    if (!page.nextCursor) return { items, pages };
    if (pages > 1000) throw new Error('the cursors never reached the end of the list');
    if (page.items.length !== limit) throw new Error('a page before the last was not full');
    cursor = page.nextCursor;
  }
}
