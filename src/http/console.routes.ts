import { existsSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../lib/errors.js';

/** The built console (`npm run build` writes it); the same path from src/http and dist/http. */
export const consoleDist = fileURLToPath(new URL('../../console/dist/', import.meta.url));

/** Paths the console never answers: the API's and sign-in's unknown URLs stay errors, not the page. */
export const isServerPath = (path: string) =>
  path === '/api' || path.startsWith('/api/') || path === '/auth' || path.startsWith('/auth/');

const missingBuild =
  'The Roster console is not built. Run `npm run build` in the Roster checkout, then reload this page. The API is at /api/ (see /api/openapi.json).\n';

/**
 * Serves the console at `/`: a file of console/dist when one matches, else index.html so the console's
 * own router shows the page (deep links, reloads). Hashed assets are cached for a year; index.html never,
 * so a new build is picked up at once.
 */
export function consoleRoutes(root = consoleDist): FastifyPluginAsyncZod {
  return async (app) => {
    const built = existsSync(join(root, 'index.html'));
    if (built) await app.register(fastifyStatic, { root, serve: false });
    const handler = async (path: string, reply: FastifyReply) => {
      if (isServerPath(path)) throw notFound(`No route GET ${path}`);
      if (!built) return reply.type('text/plain; charset=utf-8').send(missingBuild);
      const file = resolve(root, `.${decodeURIComponent(path)}`);
      const inside = file.startsWith(root.endsWith(sep) ? root : root + sep);
      if (inside && file !== join(root, 'index.html') && existsSync(file) && statSync(file).isFile()) {
        const hashed = path.startsWith('/assets/');
        return reply.sendFile(file.slice(root.length), { maxAge: hashed ? '365d' : 0, immutable: hashed });
      }
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html', { cacheControl: false });
    };
    app.get('/', { schema: { hide: true } }, (_request, reply) => handler('/', reply));
    app.get('/*', { schema: { hide: true } }, (request, reply) =>
      handler(request.url.split('?')[0] ?? '/', reply),
    );
  };
}
