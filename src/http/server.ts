import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { LoggerOptions } from 'pino';
import { createMetrics, type Metrics } from '../metrics/metrics.js';
import { appsRoutes } from '../modules/apps/apps.routes.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { authRoutes } from '../modules/auth/auth.routes.js';
import { backupRoutes } from '../modules/backup/backup.routes.js';
import { catalogRoutes } from '../modules/catalog/catalog.routes.js';
import { employeeSourceRoutes } from '../modules/employees/employee-source.routes.js';
import { expenseFiguresRoutes } from '../modules/expenses/expense-figures.routes.js';
import { expenseImportRoutes } from '../modules/expenses/import/expense-import.routes.js';
import { expenseRulesRoutes } from '../modules/expenses/rules/expense-rules.routes.js';
import { explainRoutes } from '../modules/explain/explain.routes.js';
import { extensionRoutes } from '../modules/extension/extension.routes.js';
import { extensionConnectRoutes } from '../modules/extension/extension-connect.routes.js';
import { importsRoutes } from '../modules/imports/imports.routes.js';
import { licensesRoutes } from '../modules/licenses/licenses.routes.js';
import { membersRoutes } from '../modules/members/members.routes.js';
import { mergeRoutes } from '../modules/merge/merge.routes.js';
import { offboardingRoutes } from '../modules/offboarding/offboarding.routes.js';
import { overviewRoutes } from '../modules/overview/overview.routes.js';
import { settingsRoutes } from '../modules/settings/settings.routes.js';
import { sourcesRoutes } from '../modules/sources/sources.routes.js';
import { syncRunsRoutes } from '../modules/sync-runs/sync-runs.routes.js';
import { tokensRoutes } from '../modules/tokens/tokens.routes.js';
import { usersRoutes } from '../modules/users/users.routes.js';
import { actionCredentialsRoutes } from '../modules/workflows/action-credentials.routes.js';
import { workflowsRoutes } from '../modules/workflows/workflows.routes.js';
import type { Roster } from '../roster.js';
import { registerApiDocs } from './api-docs.routes.js';
import { registerApiVersioning, rewriteVersionedUrl } from './api-version.js';
import { registerAuthentication } from './authenticate.js';
import { consoleRoutes } from './console.routes.js';
import { registerErrorHandling } from './error-handler.js';
import { healthRoutes } from './health.routes.js';
import { metricsRoutes } from './metrics.routes.js';
import { polishOpenApi } from './openapi-polish.js';
import { permissionOf, selfAuthenticating } from './permissions.js';
import { registerReadCache } from './read-cache.js';
import type { WorkerProbe } from './readiness.js';
import { redactions } from './redactions.js';
import { registerSecurityHeaders } from './security-headers.js';

export interface RegisteredRoute {
  method: string;
  url: string;
  public: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
    /** This server's metrics registry (also served by ROSTER_METRICS_LISTEN). */
    metrics: Metrics;
  }
}

export interface ServerOptions {
  logger?: LoggerOptions | false;
  /** Where the built console is (tests point it at a folder of their own). */
  consoleRoot?: string;
  /** The job worker of this process, whose liveness `/readyz` reports (none: not ready). */
  worker?: WorkerProbe;
}

/** A number of hops becomes Fastify's own rule for it (trust the nearest `hops` addresses). */
const trustProxyOption = (trust: boolean | number | string[]) =>
  typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;

/** Builds the HTTP server: every module registers its own routes; nothing here knows a route's rules. */
export async function buildServer(roster: Roster, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: roster.config.logLevel,
            redact: redactions,
            // Query strings carry one-time link tokens and authorization codes: log the path only.
            serializers: {
              req: (req: { method: string; url: string; id: string }) => ({
                id: req.id,
                method: req.method,
                path: req.url.split('?')[0],
              }),
            },
            ...options.logger,
          },
    bodyLimit: 1024 * 1024,
    // Behind a reverse proxy every request comes from the proxy: rate limits would count all clients as
    // one. ROSTER_TRUST_PROXY names the proxies whose X-Forwarded-For gives the client's address.
    trustProxy: trustProxyOption(roster.config.trustProxy),
    genReqId: () => crypto.randomUUID(),
    rewriteUrl: rewriteVersionedUrl,
  }).withTypeProvider<ZodTypeProvider>();
  // Every route, as registered: the authentication test walks this list.
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      const permission = permissionOf(method, route.url);
      if (!permission) throw new Error(`${method} ${route.url} has no entry in src/http/permissions.ts`);
      routes.push({ method, url: route.url, public: selfAuthenticating(permission) });
    }
  });
  app.decorate('registeredRoutes', routes);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addContentTypeParser(
    [
      'text/csv',
      'application/octet-stream',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    { parseAs: 'buffer' },
    (_request, body, done) => done(null, body),
  );
  // The one HTML form Roster serves (a sign-in link's button) posts form-encoded.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  await app.register(fastifyCookie);
  await registerSecurityHeaders(app, roster.config);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Roster API',
        version: '1',
        description: 'SaaS management: apps, users, licenses, sources.',
      },
      components: {
        securitySchemes: {
          bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token (roster tokens create)' },
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'roster_session' },
          extensionToken: {
            type: 'http',
            scheme: 'bearer',
            description:
              'A browser extension token (rxt_…, bound to one person’s email; roster extension token): only the /api/extension routes',
          },
        },
      },
      security: [{ bearerToken: [] }, { sessionCookie: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => polishOpenApi(jsonSchemaTransformObject(input), roster.config.publicUrl),
  });
  registerErrorHandling(app);
  registerAuthentication(app, roster);
  registerApiVersioning(app);
  const metrics = createMetrics(roster);
  app.decorate('metrics', metrics);
  registerReadCache(app, roster, metrics);
  app.addHook('onResponse', async (request, reply) => {
    // The route's pattern keeps the label set small and free of emails and names in URLs.
    metrics.observeRequest({
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: reply.statusCode,
      seconds: reply.elapsedTime / 1000,
    });
  });
  await app.register(healthRoutes(roster, options.worker));
  await app.register(metricsRoutes(metrics));
  for (const routes of [
    authRoutes,
    settingsRoutes,
    employeeSourceRoutes,
    sourcesRoutes,
    importsRoutes,
    expenseImportRoutes,
    syncRunsRoutes,
    appsRoutes,
    usersRoutes,
    mergeRoutes,
    licensesRoutes,
    explainRoutes,
    catalogRoutes,
    tokensRoutes,
    membersRoutes,
    auditRoutes,
    overviewRoutes,
    offboardingRoutes,
    backupRoutes,
    expenseRulesRoutes,
    expenseFiguresRoutes,
    workflowsRoutes,
    extensionRoutes,
    extensionConnectRoutes,
    actionCredentialsRoutes,
  ]) {
    await app.register(routes(roster));
  }
  await app.register(consoleRoutes(options.consoleRoot));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await registerApiDocs(app);
  return app;
}
