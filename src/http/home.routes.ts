import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Roster } from '../roster.js';

const page = (body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Roster</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}code{background:#eee;padding:0 .2rem}</style>
</head><body>${body}</body></html>`;

/** The signed-in landing page: where the API's resources are. */
export function homeRoutes(_roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/', { schema: { hide: true } }, async (request, reply) => {
      const actor = request.principal?.actor.replace(/^member:/, '') ?? '';
      const escaped = actor.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
      return reply.type('text/html').send(
        page(`<h1>Roster</h1><p>Signed in as ${escaped}.</p>
<ul><li><a href="/api/apps">Apps</a></li><li><a href="/api/users">Users</a></li>
<li><a href="/api/sources">Sources</a></li><li><a href="/api/sync-runs">Sync runs</a></li>
<li><a href="/api/openapi.json">API reference (OpenAPI)</a></li></ul>`),
      );
    });
  };
}
