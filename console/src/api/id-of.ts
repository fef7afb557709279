import { api } from './client';
import { ApiError, unwrap } from './errors';

/**
 * The API's paths take ids; the console's addresses may carry a name (`/apps/Slack`, `/workflows/Leavers`),
 * which reads better and is what people share. A digits-only address is an id already; a name is looked up
 * once through the list's exact `name` filter and remembered for the page's life.
 */
const known = new Map<string, number>();

async function lookUp(collection: 'apps' | 'workflows', name: string): Promise<number | undefined> {
  if (collection === 'apps') {
    const page = await unwrap(api.GET('/api/v1/apps', { params: { query: { name, limit: 1 } } }));
    return page.items[0]?.id;
  }
  const page = await unwrap(api.GET('/api/v1/workflows', { params: { query: { name } } }));
  return page.items[0]?.id;
}

export async function idOf(collection: 'apps' | 'workflows', ref: string): Promise<number> {
  if (/^[1-9]\d{0,15}$/.test(ref)) return Number(ref);
  const key = `${collection}:${ref.toLowerCase()}`;
  const remembered = known.get(key);
  if (remembered !== undefined) return remembered;
  const id = await lookUp(collection, ref);
  if (id === undefined) {
    const what = collection === 'apps' ? 'app' : 'workflow';
    throw new ApiError(404, 'not_found', `No ${what} "${ref}"`);
  }
  known.set(key, id);
  return id;
}

/** Forgets a name after a rename, so the new name is looked up afresh. */
export const forgetName = (collection: 'apps' | 'workflows', name: string) =>
  known.delete(`${collection}:${name.toLowerCase()}`);
