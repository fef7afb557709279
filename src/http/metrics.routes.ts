import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Metrics } from '../metrics/metrics.js';

/** Prometheus text exposition of this server's registry; the gauges read the database now. */
export async function metricsText(metrics: Metrics): Promise<{ contentType: string; body: string }> {
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}

/** `GET /metrics` for an admin token or a `metrics` token (permissions.ts), which may call nothing else. */
export function metricsRoutes(metrics: Metrics): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/metrics',
      {
        schema: {
          summary:
            'Metrics in Prometheus text format: requests by route, sync runs, sources needing attention, jobs, license state age',
        },
      },
      async (_request, reply) => {
        const { contentType, body } = await metricsText(metrics);
        return reply.type(contentType).send(body);
      },
    );
  };
}
