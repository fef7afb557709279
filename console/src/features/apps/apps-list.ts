import type { QueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { cursorPageQuery, type FetchPage, firstPage } from '../../components/use-cursor-pages';

/** One page of the apps list, searched on the server. */
export const fetchApps =
  (search: string): FetchPage<Schemas['AppSummary']> =>
  (cursor, limit) =>
    unwrap(api.GET('/api/apps', { params: { query: { search: search || undefined, cursor, limit } } }));

/**
 * The list's first page, asked for by the router on each visit as the page's code loads (this module is
 * part of the first download, so the request starts at once, alongside "who is signed in").
 */
export const prefetchApps = (client: QueryClient) =>
  client.prefetchQuery(cursorPageQuery(['apps', ''], fetchApps(''), firstPage));
