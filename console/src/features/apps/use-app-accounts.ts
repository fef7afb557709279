import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { idOf } from '../../api/id-of';

/** Fetches one page of an app's accounts (the app endpoint pages its accounts by cursor). */
export function useAppAccountsPage(ref: string) {
  return async (cursor: string | undefined, limit: number) => {
    const id = await idOf('apps', ref);
    const app = await unwrap(
      api.GET('/api/v1/apps/{id}', { params: { path: { id }, query: { cursor, limit } } }),
    );
    return app.accounts;
  };
}
