import type { SortParam } from '../../lib/list-sort.js';
import type { AppSortField } from '../../modules/apps/app-sort-fields.js';
import type { AppDetail, AppSummary } from '../../modules/apps/apps.repo.js';
import type { UserSortField } from '../../modules/users/user-sort-fields.js';
import type { UserDetail, UserSummary } from '../../modules/users/users.repo.js';
import type { Roster } from '../../roster.js';
import type { ClientFactory } from '../context.js';
import type { ApiClient } from '../remote/api-client.js';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The organisation's apps and people, page by page (the commands read every page). */
export interface BrowseClient {
  listApps(query: {
    search?: string;
    sort?: SortParam<AppSortField>;
    cursor?: string;
  }): Promise<Page<AppSummary>>;
  showApp(ref: string, query: { includeRemoved: boolean; cursor?: string }): Promise<AppDetail>;
  listUsers(query: {
    search?: string;
    sort?: SortParam<UserSortField>;
    cursor?: string;
  }): Promise<Page<UserSummary>>;
  showUser(email: string): Promise<UserDetail>;
}

/** Lists are read 500 at a time (the API's largest page); an app's accounts 1000 at a time. */
const listPage = 500;
const accountsPage = 1000;

const services = async () => ({
  ...(await import('../../modules/apps/apps.repo.js')),
  ...(await import('../../modules/users/users.repo.js')),
});

const local = (roster: Roster): BrowseClient => ({
  listApps: async (query) => (await services()).listApps(roster, { ...query, limit: listPage }),
  showApp: async (ref, query) => (await services()).showApp(roster, ref, { ...query, limit: accountsPage }),
  listUsers: async (query) => (await services()).listUsers(roster, { ...query, limit: listPage }),
  showUser: async (email) => (await services()).showUser(roster, email),
});

const api = (client: ApiClient): BrowseClient => ({
  listApps: (query) => client.call('GET', '/api/apps', { query: { ...query, limit: listPage } }),
  showApp: async (ref, { includeRemoved, cursor }) =>
    client.call('GET', `/api/apps/${await client.idOf('apps', ref)}`, {
      query: { includeRemoved: includeRemoved ? 'true' : undefined, cursor, limit: accountsPage },
    }),
  listUsers: (query) => client.call('GET', '/api/users', { query: { ...query, limit: listPage } }),
  showUser: (email) => client.call('GET', `/api/users/${encodeURIComponent(email)}`),
});

export const browseClient: ClientFactory<BrowseClient> = { local, api };
