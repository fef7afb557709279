import { useState } from 'react';
import { firstPage } from './use-cursor-pages';

/**
 * Paging over a list the API answers whole (a merge report, a person's accounts): the browser holds it,
 * but the page renders one screenful at a time, so 10,000 rows stay quick. Same controls as the server's
 * cursor pages, so both lists share one `Pager`.
 */
export function useClientPages<T>(rows: readonly T[] | undefined, initialLimit: number = firstPage.limit) {
  const [page, setPage] = useState(1);
  const [limit, setLimitState] = useState(initialLimit);
  const total = rows?.length ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / limit));
  // A list that shrank (a new report) shows its last page rather than an empty one.
  const current = Math.min(page, pageCount);
  return {
    rows: rows?.slice((current - 1) * limit, current * limit),
    total,
    page: current,
    limit,
    hasPrevious: current > 1,
    hasNext: current < pageCount,
    next: () => setPage(Math.min(current + 1, pageCount)),
    previous: () => setPage(Math.max(current - 1, 1)),
    setLimit: (n: number) => {
      setLimitState(n);
      setPage(1);
    },
  };
}
