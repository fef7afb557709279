import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendLinkPage } from '../../http/link-page.js';
import { RosterError } from '../../lib/errors.js';
import { hitRateLimit } from '../../lib/rate-limit.js';
import type { Roster } from '../../roster.js';
import { oidcBrowserCookie } from '../auth/auth.routes.js';
import { startOidcSignIn } from '../auth/oidc.js';
import {
  connectLinkMinutes,
  connectLinkTarget,
  finishConnectLink,
  handoffUrl,
  sendConnectLink,
} from './connect-links.js';
import {
  connectLinkPage,
  connectLinkTokenPattern,
  connectPage,
  linkSentPage,
  problemPage,
  returnToPattern,
  statePattern,
} from './connect-pages.js';

const handoffQuery = z.strictObject({
  return_to: z
    .string()
    .regex(returnToPattern, 'must be chrome-extension://<extension id>/connected.html')
    .describe('The extension’s connected.html, where the token is handed over'),
  state: z.string().regex(statePattern, 'must be 8-200 letters, digits, - or _'),
});

/** A page for a person, not JSON: connect-flow failures are shown in the page with their status. */
async function asPage(reply: FastifyReply, work: () => Promise<unknown>) {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof RosterError)) throw error;
    if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
    return sendLinkPage(reply.status(error.status), problemPage(error.message));
  }
}

/** Lets the page's form post to a handler that redirects to the extension (Chrome applies form-action to redirects). */
function allowFormActionTo(reply: FastifyReply, returnTo: string) {
  const policy = reply.raw.getHeader('content-security-policy');
  if (typeof policy !== 'string') return;
  // An extension page's origin is chrome-extension://<id> (URL.origin says "null" for such schemes).
  const origin = returnTo.replace(/\/connected\.html$/, '');
  reply.raw.setHeader(
    'content-security-policy',
    policy.replace("form-action 'self'", `form-action 'self' ${origin}`),
  );
}

/**
 * Authenticated mode: the extension opens /extension/connect in a tab; the person signs in with single sign-on
 * or a one-time link sent to their work address, and the extension's own page receives a token.
 */
export function extensionConnectRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    const secure = roster.config.publicUrl?.startsWith('https://') ?? false;

    app.get(
      '/extension/connect',
      {
        schema: {
          summary:
            'The page where a person connects the browser extension (single sign-on or an emailed link)',
          querystring: z.looseObject({
            return_to: z.string().max(300).optional(),
            state: z.string().max(300).optional(),
          }),
        },
      },
      async (request, reply) => {
        const handoff = handoffQuery.safeParse({
          return_to: request.query.return_to,
          state: request.query.state,
        });
        if (!handoff.success)
          return sendLinkPage(
            reply.status(400),
            problemPage(
              'This page must be opened by the browser extension: sign in from the extension’s button.',
            ),
          );
        return sendLinkPage(
          reply,
          connectPage({
            returnTo: handoff.data.return_to,
            state: handoff.data.state,
            sso: roster.config.oidc !== null,
          }),
        );
      },
    );

    app.post(
      '/extension/connect/email',
      {
        schema: {
          summary: 'Send a one-time link to connect the extension to a work address',
          body: handoffQuery.extend({ email: z.string().max(320) }),
        },
      },
      async (request, reply) =>
        asPage(reply, async () => {
          await hitRateLimit(roster.database, `extension-connect:${request.ip}`, 10, 60);
          const { email } = await sendConnectLink(roster, request.body.email, {
            returnTo: request.body.return_to,
            state: request.body.state,
          });
          await hitRateLimit(roster.database, `extension-connect-mail:${email}`, 5, 3600);
          return sendLinkPage(reply, linkSentPage(email, connectLinkMinutes));
        }),
    );

    app.get(
      '/extension/connect/link',
      {
        schema: {
          summary:
            'The page of a connect link: its button connects the extension (opening the link does not)',
          querystring: z.strictObject({ token: z.string().max(200).optional() }),
        },
      },
      async (request, reply) => {
        const token = request.query.token;
        const target =
          token && connectLinkTokenPattern.test(token) ? await connectLinkTarget(roster, token) : undefined;
        if (target) allowFormActionTo(reply, target);
        return sendLinkPage(reply, connectLinkPage(token));
      },
    );

    app.post(
      '/extension/connect/link',
      {
        schema: {
          summary: 'Use a connect link (its page posts it): redirects to the extension with its token',
          body: z.strictObject({ token: z.string().regex(connectLinkTokenPattern) }),
        },
      },
      async (request, reply) =>
        asPage(reply, async () => {
          await hitRateLimit(roster.database, `extension-link:${request.ip}`, 10, 60);
          const done = await finishConnectLink(roster, request.body.token);
          return reply
            .header('cache-control', 'no-store')
            .redirect(handoffUrl(done, done.token, done.email), 303);
        }),
    );

    app.get(
      '/extension/connect/sso',
      {
        schema: {
          summary: 'Connect the extension through the organisation’s single sign-on',
          querystring: handoffQuery,
        },
      },
      async (request, reply) =>
        asPage(reply, async () => {
          await hitRateLimit(roster.database, `oidc-start:${request.ip}`, 20, 60);
          const { authorizationUrl, browserSecret } = await startOidcSignIn(roster, {
            returnTo: request.query.return_to,
            state: request.query.state,
          });
          return reply
            .setCookie(oidcBrowserCookie, browserSecret, {
              httpOnly: true,
              sameSite: 'lax',
              secure,
              path: '/auth/oidc',
              maxAge: 600,
            })
            .redirect(authorizationUrl);
        }),
    );
  };
}
