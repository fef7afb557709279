import type { QueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { cursorPageQuery, type FetchPage, firstPage } from '../../components/use-cursor-pages';

/** One page of the people list, searched on the server. */
export const fetchPeople =
  (search: string): FetchPage<Schemas['UserSummary']> =>
  (cursor, limit) =>
    unwrap(api.GET('/api/users', { params: { query: { search: search || undefined, cursor, limit } } }));

/**
 * The list's first page, asked for by the router on each visit as the page's code loads (this module is
 * part of the first download, so the request starts at once, alongside "who is signed in").
 */
export const prefetchPeople = (client: QueryClient) =>
  client.prefetchQuery(cursorPageQuery(['people', ''], fetchPeople(''), firstPage));
