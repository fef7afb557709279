import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useState } from 'react';

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

export type FetchPage<T> = (cursor: string | undefined, limit: number) => Promise<CursorPage<T>>;

/** The page a list opens on. */
export const firstPage = { cursor: undefined, limit: 50 } as const;

/**
 * One page of a list as a query: the hook below reads it, and a route prefetches the first page with it
 * while the page's code loads, so the rows are there when the page first renders.
 */
export const cursorPageQuery = <T>(
  key: readonly unknown[],
  fetchPage: FetchPage<T>,
  page: { cursor: string | undefined; limit: number },
) =>
  queryOptions({
    queryKey: [...key, { cursor: page.cursor, limit: page.limit }],
    queryFn: () => fetchPage(page.cursor, page.limit),
  });

/**
 * Server-side paging over the API's cursors: the console holds one page at a time, however long the
 * list (50,000 people are never downloaded). Earlier pages are revisited through the cursors seen.
 */
export function useCursorPages<T>(
  key: readonly unknown[],
  fetchPage: FetchPage<T>,
  initialLimit: number = firstPage.limit,
) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [limit, setLimitState] = useState(initialLimit);
  const index = cursors.length - 1;
  const cursor = cursors[index];
  const query = useQuery({
    ...cursorPageQuery(key, fetchPage, { cursor, limit }),
    placeholderData: keepPreviousData,
  });
  const nextCursor = query.data?.nextCursor ?? null;
  return {
    query,
    page: index + 1,
    limit,
    hasPrevious: index > 0,
    hasNext: nextCursor !== null && !query.isPlaceholderData,
    /** The page on screen is the whole list: sorting it in the browser sorts the list. */
    complete: index === 0 && query.data !== undefined && nextCursor === null && !query.isPlaceholderData,
    next: () => nextCursor && setCursors((c) => [...c, nextCursor]),
    previous: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    setLimit: (n: number) => {
      setLimitState(n);
      setCursors([undefined]);
    },
    /** Back to the first page, when the search or a filter changes. */
    reset: () => setCursors([undefined]),
  };
}
