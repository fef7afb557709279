import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { invalidInput } from '../lib/errors.js';
import { apiDocsPrefix } from './api-docs.routes.js';

/** The documented API lives under this prefix; the unprefixed `/api/…` paths answer too, for one release. */
export const apiVersionPrefix = '/api/v1';

const versioned = Symbol('roster.apiVersion');
type MarkedRequest = IncomingMessage & { [versioned]?: true };

/** Paths under /api/ that are not API operations, and so have no versioned form. */
const unversioned = ['/api/openapi.json', apiDocsPrefix];
const isUnversioned = (path: string) =>
  unversioned.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/**
 * Fastify's `rewriteUrl`: `/api/v1/apps` is served by the route registered as `/api/apps`, so one route
 * answers both forms. The request remembers that it came versioned: versioned paths take ids, not names
 * (see requireIdsInVersionedPaths).
 */
export function rewriteVersionedUrl(raw: IncomingMessage): string {
  const url = raw.url ?? '/';
  if (
    url === apiVersionPrefix ||
    url.startsWith(`${apiVersionPrefix}/`) ||
    url.startsWith(`${apiVersionPrefix}?`)
  ) {
    (raw as MarkedRequest)[versioned] = true;
    return `/api${url.slice(apiVersionPrefix.length)}`;
  }
  return url;
}

export const cameVersioned = (request: FastifyRequest) => (request.raw as MarkedRequest)[versioned] === true;

/** `/api/apps/7?x=1` → `/api/v1/apps/7?x=1`; other paths unchanged. */
export function versionedPath(path: string): string {
  if (!path.startsWith('/api/') || isUnversioned(path.split('?')[0] ?? path)) return path;
  if (path.startsWith(`${apiVersionPrefix}/`)) return path;
  return `${apiVersionPrefix}${path.slice('/api'.length)}`;
}

/**
 * Path parameters that name something an admin can rename (an app, a source, a workflow, a token). Under
 * /api/v1 they take the thing's id, so a link keeps working after a rename; names go in query filters
 * (`GET /api/v1/apps?name=Slack`). Emails stay in paths (`/api/v1/users/{email}`): an email is the person or
 * member itself, never renamed (a new address is a new email, joined to the person by Merge Users).
 */
export const renameableParams = ['ref', 'app', 'name'];

/** `/api/expenses/apps/:app` → `apps`: the collection whose list filters by name. */
function collectionOf(routeUrl: string, param: string): string {
  const segments = routeUrl.split('/');
  return segments[segments.indexOf(`:${param}`) - 1] ?? 'items';
}

/** When the unprefixed paths were deprecated (RFC 9745 dates them). */
const unprefixedDeprecatedAt = Date.parse('2026-12-01T00:00:00Z') / 1000;

export function registerApiVersioning(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    if (!cameVersioned(request)) return;
    const params = (request.params ?? {}) as Record<string, unknown>;
    for (const key of renameableParams) {
      const value = params[key];
      if (value === undefined || /^[1-9]\d{0,15}$/.test(String(value))) continue;
      const collection = collectionOf(request.routeOptions.url ?? '', key);
      throw invalidInput(`${apiVersionPrefix} paths take ids, not names`, [
        {
          field: `path.${key}`,
          message: `"${String(value)}" is not an id: find it with GET ${apiVersionPrefix}/${collection}?name=…`,
        },
      ]);
    }
  });
  registerUnversionedDeprecation(app);
}

/**
 * An unprefixed API path still answers, marked deprecated (RFC 9745's `Deprecation`, with the path to use
 * instead as the successor), so clients see the change in every answer before the aliases go.
 */
function registerUnversionedDeprecation(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply) => {
    const url = request.raw.url ?? '';
    if (cameVersioned(request) || !url.startsWith('/api/')) return;
    const path = url.split('?')[0] ?? url;
    if (isUnversioned(path)) return;
    reply.header('deprecation', `@${unprefixedDeprecatedAt}`);
    reply.header('link', `<${versionedPath(path)}>; rel="successor-version"`);
  });
}
