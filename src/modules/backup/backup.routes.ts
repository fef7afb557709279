import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/authenticate.js';
import type { Roster } from '../../roster.js';
import { createBackup } from './backup.js';

export function backupRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/backup',
      {
        schema: {
          summary:
            'A consistent copy of the embedded database while Roster runs (gzipped tar; restore with `roster restore`). ' +
            'A PostgreSQL server answers 409: back it up with pg_dump.',
        },
      },
      async (request, reply) => {
        const backup = await createBackup(roster, actorOf(request));
        return reply
          .header('content-type', 'application/gzip')
          .header('content-disposition', `attachment; filename="${backup.fileName}"`)
          .header('cache-control', 'no-store')
          .send(Buffer.from(await backup.blob.arrayBuffer()));
      },
    );
  };
}
