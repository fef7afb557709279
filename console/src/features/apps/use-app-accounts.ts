import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

/** Fetches one page of an app's accounts (the app endpoint pages its accounts by cursor). */
export function useAppAccountsPage(ref: string) {
  return async (cursor: string | undefined, limit: number) => {
    const app = await unwrap(
      api.GET('/api/apps/{ref}', { params: { path: { ref }, query: { cursor, limit } } }),
    );
    return app.accounts;
  };
}
