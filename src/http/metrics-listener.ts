import Fastify, { type FastifyInstance } from 'fastify';
import type { Metrics } from '../metrics/metrics.js';
import { metricsText } from './metrics.routes.js';

/**
 * ROSTER_METRICS_LISTEN: `GET /metrics` alone, without authentication, on an address of its own, for a
 * Prometheus on a private network that should hold no Roster token. Nothing else answers there.
 */
export async function startMetricsListener(
  metrics: Metrics,
  address: { host: string; port: number },
): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.get('/metrics', async (_request, reply) => {
    const { contentType, body } = await metricsText(metrics);
    return reply.type(contentType).send(body);
  });
  await app.listen(address);
  return app;
}
