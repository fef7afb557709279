import type { QueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { cursorPageQuery, type FetchPage, firstPage } from '../../components/use-cursor-pages';
import type { SortParam } from '../../components/use-server-sort';

/** Columns the API sorts apps by; `name` is its default order. */
export const appsSortFields = ['name', 'users', 'activeAccounts', 'licenseTypes', 'category'] as const;

/** One page of the apps list, searched and sorted on the server (no sort: the default order). */
export const fetchApps =
  (search: string, sort?: SortParam<(typeof appsSortFields)[number]>): FetchPage<Schemas['AppSummary']> =>
  (cursor, limit) =>
    unwrap(
      api.GET('/api/v1/apps', { params: { query: { search: search || undefined, sort, cursor, limit } } }),
    );

/**
 * The list's first page, asked for by the router on each visit as the page's code loads (this module is
 * part of the first download, so the request starts at once, alongside "who is signed in").
 */
export const prefetchApps = (client: QueryClient) =>
  client.prefetchQuery(cursorPageQuery(['apps', '', undefined], fetchApps(''), firstPage));
