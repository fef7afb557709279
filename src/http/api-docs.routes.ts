import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** Where the browsable API reference is served. */
export const apiDocsPrefix = '/api/docs';

/**
 * The API reference: Swagger UI over Roster's own OpenAPI document, its scripts and styles served from the
 * installed package (no CDN: it works without internet access). The page only loads external scripts of this
 * origin, so the console's strict content security policy (`script-src 'self'`) holds for it unchanged. The
 * page and its files are public, holding no data; the document it loads (`/api/docs/json`) and every route it
 * lets people try need a signed-in member's session (the browser sends its cookie) or an API token.
 */
export async function registerApiDocs(app: FastifyInstance) {
  await app.register(fastifySwaggerUi, {
    routePrefix: apiDocsPrefix,
    uiConfig: { deepLinking: true },
    theme: { title: 'Roster API' },
  });
}
