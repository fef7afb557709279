import { ConnectorError } from '../kit/connector-error.js';
import type { ProviderHttp } from '../kit/provider-http.js';
import type { ScimUser } from './scim-users.js';

/** One page of `GET /Users`, as RFC 7644 §3.4.2 lists it. */
export interface ScimUsersPage {
  /** The 1-based index Roster asked the page from, which names the page in errors. */
  startIndex: number;
  resources: ScimUser[];
  totalResults: number | null;
}

/**
 * Walks `GET {base}/Users` by index (RFC 7644 §3.4.2.4): 1-based `startIndex`, `count` per page. The next
 * page starts after the users this page held, not after `count`, since a service may serve fewer than
 * asked. Reading stops once the index passes `totalResults` or a page is empty, and fails on a page that
 * holds only users already read (a service ignoring `startIndex` would otherwise serve page one forever).
 */
export async function* scimUserPages(
  http: ProviderHttp,
  options: { baseUrl: string; pageSize: number; provider: string },
): AsyncGenerator<ScimUsersPage> {
  const seen = new Set<string>();
  let startIndex = 1;
  for (;;) {
    const url = new URL(`${options.baseUrl}/Users`);
    url.searchParams.set('startIndex', String(startIndex));
    url.searchParams.set('count', String(options.pageSize));
    const where = `the Users page from startIndex ${startIndex}`;
    const page = listResponse(await read(http, url, where), `${options.provider} answered ${where}`);
    if (page.resources.length === 0) return;
    const ids = page.resources.map((u) => (typeof u?.id === 'string' ? u.id : null));
    const known = ids.filter((id): id is string => id !== null);
    if (known.length > 0 && known.every((id) => seen.has(id)))
      throw new ConnectorError(
        'invalid_data',
        `${options.provider} answered ${where} with users it had already listed; it seems to ignore startIndex, so the listing was not read to its end`,
      );
    for (const id of known) seen.add(id);
    yield { startIndex, resources: page.resources, totalResults: page.totalResults };
    startIndex += page.resources.length;
    if (page.totalResults !== null && startIndex > page.totalResults) return;
  }
}

async function read(http: ProviderHttp, url: URL, where: string): Promise<unknown> {
  try {
    return (await http.getJson<unknown>(url)).body;
  } catch (error) {
    // The kit names the path; the page's index says which part of the listing failed.
    if (error instanceof ConnectorError)
      throw new ConnectorError(error.code, `${error.message} (${where})`, error.details);
    throw error;
  }
}

/** A ListResponse's users and total; anything else is the service's bug, named with the page. */
function listResponse(body: unknown, where: string): { resources: ScimUser[]; totalResults: number | null } {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new ConnectorError('invalid_data', `${where} with something other than a SCIM ListResponse`);
  const { Resources, totalResults } = body as { Resources?: unknown; totalResults?: unknown };
  const total = typeof totalResults === 'number' && Number.isInteger(totalResults) ? totalResults : null;
  // RFC 7644 §3.4.2: Resources may be left out when there is nothing to list.
  if (Resources === undefined) return { resources: [], totalResults: total };
  if (!Array.isArray(Resources))
    throw new ConnectorError('invalid_data', `${where} with Resources that is not a list`);
  return { resources: Resources as ScimUser[], totalResults: total };
}
