import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { Config } from '../config.js';

/** One year, subdomains included: what helmet would send, but only where it means something. */
const strictTransportSecurity = 'max-age=31536000; includeSubDomains';
/** Helmet's default; browsers ignore it (and say so in the console) on an origin that is not https. */
const crossOriginOpenerPolicy = 'same-origin';

/**
 * Whether people reach Roster over https: the request came over TLS as Fastify sees it (`request.protocol`,
 * which believes X-Forwarded-Proto only from the proxies ROSTER_TRUST_PROXY names), or the public URL is
 * https (a proxy in front terminates TLS).
 */
export const servedOverHttps = (request: FastifyRequest, config: Config) =>
  request.protocol === 'https' || (config.publicUrl?.startsWith('https:') ?? false);

/**
 * Security headers on every response, with a content security policy that allows only Roster's own
 * scripts (no inline script, no other origin). `upgrade-insecure-requests` and HSTS are sent only over
 * https: on a plain-http install the first makes the browser ask for every script over https, which
 * nothing answers, and the console is a blank page; the second would pin a host to a TLS it does not have.
 * Cross-Origin-Opener-Policy, which browsers ignore over http, is likewise sent only over https.
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: Config) {
  // Built once: Fastify's helmet plugin builds helmet again on every request (its policy parsed each time).
  const setHeaders = helmet({
    hsts: false,
    crossOriginOpenerPolicy: false,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  app.addHook('onRequest', (request, reply, done) => {
    setHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
  // Runs after the hook above (registered first), which has set helmet's headers on the raw response.
  app.addHook('onRequest', async (request, reply) => {
    if (!servedOverHttps(request, config)) return;
    reply.raw.setHeader('strict-transport-security', strictTransportSecurity);
    reply.raw.setHeader('cross-origin-opener-policy', crossOriginOpenerPolicy);
    const policy = reply.raw.getHeader('content-security-policy');
    if (typeof policy === 'string')
      reply.raw.setHeader('content-security-policy', `${policy};upgrade-insecure-requests`);
  });
}
