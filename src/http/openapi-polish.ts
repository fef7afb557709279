import { z } from 'zod';
import { renameableParams, versionedPath } from './api-version.js';
import { errorBodySchema } from './error-handler.js';
import { permissions, selfAuthenticating } from './permissions.js';

type Operation = {
  operationId?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { in: string; name?: string; schema?: unknown; description?: string }[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
};
type Document = {
  servers?: { url: string }[];
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
};

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;
const errorRef = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorRef } },
});
const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** `GET /api/apps/{ref}/users.csv` → `getAppsByRefUsersCsv`: stable, unique per method and path. */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .split('/')
    .filter((part) => part && part !== 'api' && part !== 'v1')
    .flatMap((part) => {
      const parameter = /^\{(\w+)\}$/.exec(part);
      if (parameter) return [`By${capitalise(parameter[1] ?? '')}`];
      return part
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map(capitalise);
    });
  return method.toLowerCase() + words.join('');
}

/** The feature a path belongs to: its first segment under /api/, else what it is for. */
export function tagOf(path: string): string {
  const api = /^\/api\/(?:v1\/)?([^/{.]+)/.exec(path);
  if (api) return api[1] ?? 'api';
  if (path.startsWith('/auth/')) return 'session';
  if (path.startsWith('/offboarding/')) return 'offboarding';
  return 'operations';
}

const idParameter = /\{(ref|app|name)\}/g;

/**
 * The document shows the API as clients should call it: under /api/v1, where a renameable thing is named by
 * its id (`/api/v1/apps/{id}`). The same routes answer the unprefixed paths too, for one release.
 */
function documentVersionedPaths(paths: Record<string, Record<string, Operation>>) {
  const versioned: Record<string, Record<string, Operation>> = {};
  /** Each operation's route as registered (`GET /api/apps/:ref`), which permissions.ts is keyed by. */
  const routes = new Map<Operation, string>();
  for (const [path, item] of Object.entries(paths)) {
    const route = path.replace(/\{(\w+)\}/g, ':$1');
    const documented = versionedPath(path);
    const renamed = documented === path ? path : documented.replace(idParameter, '{id}');
    for (const method of methods) {
      const operation = item[method];
      if (!operation) continue;
      routes.set(operation, route);
      if (renamed === path) continue;
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in !== 'path' || !renameableParams.includes(parameter.name ?? '')) continue;
        parameter.name = 'id';
        parameter.schema = { type: 'integer', minimum: 1 };
        parameter.description = 'The id (a name goes in the list’s `name` filter)';
      }
    }
    versioned[renamed] = item;
  }
  return { versioned, routes };
}

/**
 * Fills what the route schemas leave out of the OpenAPI document, from the same sources the server uses:
 * operation ids and tags, `security: []` on the routes anyone may call (permissions.ts), the one error
 * shape on every error answer, CSV bodies and answers, and the server's public address.
 */
export function polishOpenApi<T>(input: T, publicUrl: string | undefined): T {
  const doc = input as Document;
  if (publicUrl) doc.servers = [{ url: publicUrl.replace(/\/$/, '') }];
  doc.components ??= {};
  doc.components.schemas ??= {};
  doc.components.schemas.Error ??= z.toJSONSchema(errorBodySchema, { target: 'draft-2020-12' });
  const { versioned, routes } = documentVersionedPaths(doc.paths ?? {});
  doc.paths = versioned;
  for (const [path, item] of Object.entries(versioned)) {
    for (const method of methods) {
      const operation = item[method];
      if (!operation) continue;
      const route = routes.get(operation) ?? path;
      operation.operationId ??= operationIdOf(method, path);
      operation.tags ??= [tagOf(path)];
      const permission = permissions[`${method.toUpperCase()} ${route}`];
      const open = selfAuthenticating(permission);
      if (open) operation.security = [];
      operation.responses ??= {};
      const responses = operation.responses;
      if (/[./]csv$/.test(path) && method === 'get') {
        responses['200'] = {
          description: 'CSV, streamed; cells that a spreadsheet would read as formulas are escaped',
          content: { 'text/csv': { schema: { type: 'string' } } },
        };
      }
      if (method === 'post' && route.startsWith('/api/imports/')) {
        operation.requestBody ??= {
          required: true,
          content: {
            'text/csv': { schema: { type: 'string' } },
            'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
          },
        };
      }
      const takesInput = Boolean(operation.requestBody) || (operation.parameters?.length ?? 0) > 0;
      if (takesInput)
        responses['400'] ??= errorResponse('Invalid input: each problem names its field or row');
      if (!open) {
        responses['401'] ??= errorResponse('No valid token or session');
        responses['403'] ??= errorResponse('The caller’s role may not do this');
      }
      if (path.includes('{')) responses['404'] ??= errorResponse('Not found');
      responses['429'] ??= errorResponse('Too many requests; `Retry-After` says when to try again');
      responses.default ??= errorResponse('Any other failure, in the same shape');
    }
  }
  return input;
}
