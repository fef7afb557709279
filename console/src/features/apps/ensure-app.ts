import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';

/**
 * Makes sure Roster knows the app before data is pushed to it: linked to the catalog when the name
 * matches, else a custom app. An app that already exists is fine.
 */
export async function ensureApp(name: string): Promise<void> {
  try {
    await unwrap(api.POST('/api/v1/apps', { body: { name } }));
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 409)) throw error;
  }
}
