import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, sessionCookie } from '../../http/authenticate.js';
import { sendLinkPage } from '../../http/link-page.js';
import { emailField } from '../../lib/email.js';
import { RosterError } from '../../lib/errors.js';
import { hitRateLimit } from '../../lib/rate-limit.js';
import type { Roster } from '../../roster.js';
import { problemPage } from '../extension/connect-pages.js';
import { finishExtensionSso } from '../extension/connect-sso.js';
import {
  completeSetup,
  createSession,
  endAllSessions,
  endSession,
  sessionHours,
  signInWithLink,
} from './auth.repo.js';
import { setPasswordWithLink, signInWithPassword } from './local-passwords.js';
import { finishOidcSignIn, isExtensionOidcLogin, redirectUri, startOidcSignIn } from './oidc.js';
import { auditedSignIn } from './sign-in-audit.js';
import { signInLinkPage, signInLinkTokenPattern } from './sign-in-link-page.js';

/** Binds a started single sign-on to the browser that started it (the extension's connect page sets it too). */
export const oidcBrowserCookie = 'roster_oidc';

const memberSchema = z.object({ id: z.number(), email: z.string(), role: z.string() }).meta({ id: 'Member' });

export function authRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    const secure = roster.config.publicUrl?.startsWith('https://') ?? false;
    // Signing in always starts a new session (the old cookie's session, if any, ends): no fixation.
    const startSession = async (memberId: number, previous?: string) => {
      if (previous) await endSession(roster, previous);
      const session = await createSession(roster, memberId);
      return {
        value: session.token,
        options: { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', maxAge: sessionHours * 3600 },
      };
    };

    app.get(
      '/api/me',
      {
        schema: {
          summary: 'Who is calling',
          response: {
            200: z.object({
              actor: z.string(),
              role: z.string(),
              kind: z.enum(['token', 'session', 'local']),
            }),
          },
        },
      },
      async (request) => {
        const p = request.principal;
        if (!p) throw new RosterError('unauthenticated', 'Not signed in');
        return { actor: p.actor, role: p.role, kind: p.kind };
      },
    );

    app.post(
      '/api/setup',
      {
        schema: {
          summary: 'Create the first admin with the one-time setup token printed at first start',
          body: z.strictObject({ token: z.string().min(10).max(200), email: emailField }),
          response: { 201: memberSchema },
        },
      },
      async (request, reply) => {
        await hitRateLimit(roster.database, `setup:${request.ip}`, 10, 60);
        const member = await completeSetup(roster, request.body.token, request.body.email);
        const cookie = await startSession(member.id, request.cookies[sessionCookie]);
        return reply.setCookie(sessionCookie, cookie.value, cookie.options).status(201).send(member);
      },
    );

    app.get(
      '/auth/link',
      {
        schema: {
          summary: 'The page of a one-time sign-in link: its button signs in (opening the link does not)',
          querystring: z.strictObject({ token: z.string().max(200).optional() }),
        },
      },
      async (request, reply) => sendLinkPage(reply, signInLinkPage(request.query.token)),
    );
    app.post(
      '/auth/link',
      {
        schema: {
          summary: 'Sign in with a one-time link token (the link page posts it), then go to the console',
          body: z.strictObject({ token: z.string().regex(signInLinkTokenPattern) }),
        },
      },
      async (request, reply) => {
        await hitRateLimit(roster.database, `link:${request.ip}`, 10, 60);
        const member = await auditedSignIn(roster, { method: 'link', ip: request.ip }, () =>
          signInWithLink(roster, request.body.token),
        );
        const cookie = await startSession(member.id, request.cookies[sessionCookie]);
        // 303: the browser follows with a GET, so a reload does not post the used token again.
        return reply.setCookie(sessionCookie, cookie.value, cookie.options).redirect('/', 303);
      },
    );

    app.post(
      '/api/session/sign-out',
      {
        schema: { summary: 'End this browser session', response: { 204: z.null() } },
      },
      async (request, reply) => {
        const token = request.cookies[sessionCookie];
        if (token) await endSession(roster, token);
        return reply.clearCookie(sessionCookie, { path: '/' }).status(204).send(null);
      },
    );

    app.post(
      '/api/session/sign-out-everywhere',
      {
        schema: {
          summary: 'End every session of the signed-in member, on every device',
          response: { 200: z.object({ ended: z.number() }) },
        },
      },
      async (request, reply) => {
        const memberId = request.principal?.memberId;
        if (!memberId)
          throw new RosterError('invalid_input', 'API tokens have no sessions: revoke the token instead');
        const ended = await endAllSessions(roster, actorOf(request), memberId);
        return reply.clearCookie(sessionCookie, { path: '/' }).send({ ended });
      },
    );

    app.post(
      '/api/session/sign-in',
      {
        schema: {
          summary: 'Sign in with email and password (local accounts); starts a browser session',
          body: z.strictObject({ email: emailField, password: z.string().min(1).max(256) }),
          response: { 200: memberSchema },
        },
      },
      async (request, reply) => {
        await hitRateLimit(roster.database, `password:${request.ip}`, 20, 60);
        const { email, password } = request.body;
        const member = await auditedSignIn(roster, { method: 'password', ip: request.ip, email }, () =>
          signInWithPassword(roster, email, password),
        );
        const cookie = await startSession(member.id, request.cookies[sessionCookie]);
        return reply.setCookie(sessionCookie, cookie.value, cookie.options).send(member);
      },
    );

    app.post(
      '/api/session/password',
      {
        schema: {
          summary: 'Set or reset a local password with a one-time password link',
          body: z.strictObject({ token: z.string().min(10).max(200), password: z.string().max(256) }),
          response: { 200: memberSchema },
        },
      },
      async (request) => {
        await hitRateLimit(roster.database, `password-link:${request.ip}`, 10, 60);
        return setPasswordWithLink(roster, request.body.token, request.body.password);
      },
    );

    const oidcCookie = oidcBrowserCookie;
    app.get(
      '/auth/oidc/start',
      { schema: { summary: 'Sign in through the organisation’s OpenID Connect provider' } },
      async (request, reply) => {
        // Each start writes a row and calls the provider: a loop of starts must not fill the table.
        await hitRateLimit(roster.database, `oidc-start:${request.ip}`, 20, 60);
        const { authorizationUrl, browserSecret } = await startOidcSignIn(roster);
        return reply
          .setCookie(oidcCookie, browserSecret, {
            httpOnly: true,
            sameSite: 'lax',
            secure,
            path: '/auth/oidc',
            maxAge: 600,
          })
          .redirect(authorizationUrl);
      },
    );
    app.get(
      '/auth/oidc/callback',
      {
        schema: {
          summary: 'Where the OpenID Connect provider returns after sign-in',
          querystring: z.looseObject({
            state: z.string().max(500).optional(),
            code: z.string().max(4000).optional(),
          }),
        },
      },
      async (request, reply) => {
        await hitRateLimit(roster.database, `oidc:${request.ip}`, 20, 60);
        const callbackUrl = new URL(request.url, redirectUri(roster));
        // A sign-in the browser extension's connect page started ends by handing the extension a token.
        if (await isExtensionOidcLogin(roster, callbackUrl, request.cookies[oidcCookie])) {
          try {
            const target = await finishExtensionSso(roster, callbackUrl, request.cookies[oidcCookie]);
            return reply.clearCookie(oidcCookie, { path: '/auth/oidc' }).redirect(target, 303);
          } catch (error) {
            // The employee is in a browser tab the extension opened, not the console: they get a page.
            if (!(error instanceof RosterError)) throw error;
            return sendLinkPage(reply.status(error.status), problemPage(error.message));
          }
        }
        const member = await auditedSignIn(roster, { method: 'oidc', ip: request.ip }, () =>
          finishOidcSignIn(roster, callbackUrl, request.cookies[oidcCookie]),
        );
        const cookie = await startSession(member.id, request.cookies[sessionCookie]);
        return reply
          .clearCookie(oidcCookie, { path: '/auth/oidc' })
          .setCookie(sessionCookie, cookie.value, cookie.options)
          .redirect('/');
      },
    );
  };
}
