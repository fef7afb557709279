import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

/**
 * Server-side paging over the API's cursors: the console holds one page at a time, however long the
 * list (50,000 people are never downloaded). Earlier pages are revisited through the cursors seen.
 */
export function useCursorPages<T>(
  key: readonly unknown[],
  fetchPage: (cursor: string | undefined, limit: number) => Promise<CursorPage<T>>,
  initialLimit = 50,
) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [limit, setLimitState] = useState(initialLimit);
  const index = cursors.length - 1;
  const cursor = cursors[index];
  const query = useQuery({
    queryKey: [...key, { cursor, limit }],
    queryFn: () => fetchPage(cursor, limit),
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
