import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Roster } from '../roster.js';
import { checkReadiness, type WorkerProbe } from './readiness.js';

const checkSchema = z.union([
  z.object({ ready: z.literal(true) }),
  z.object({ ready: z.literal(false), reason: z.string() }),
]);

const readinessSchema = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    notReady: z.array(z.enum(['database', 'migrations', 'worker'])).describe('the checks that failed'),
    checks: z.object({ database: checkSchema, migrations: checkSchema, worker: checkSchema }),
  })
  .meta({ id: 'Readiness' });

/**
 * Probes for load balancers and orchestrators: no authentication (a probe carries no token) and no rate
 * limit (a limit would fail a probe and take a healthy Roster out of service). Neither returns any data.
 */
export function healthRoutes(roster: Roster, worker: WorkerProbe | undefined): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          summary: 'Liveness: the process answers (touches nothing else)',
          security: [],
          response: { 200: z.object({ status: z.literal('ok') }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );
    app.get(
      '/readyz',
      {
        schema: {
          summary: 'Readiness: the database answers, its migrations are current, and the job worker runs',
          security: [],
          response: { 200: readinessSchema, 503: readinessSchema },
        },
      },
      async (_request, reply) => {
        const readiness = await checkReadiness(roster, worker);
        const notReady = (['database', 'migrations', 'worker'] as const).filter(
          (name) => !readiness.checks[name].ready,
        );
        return reply.status(readiness.ready ? 200 : 503).send({
          status: readiness.ready ? 'ready' : 'not_ready',
          notReady,
          checks: readiness.checks,
        });
      },
    );
  };
}
