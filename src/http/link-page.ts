import type { FastifyReply } from 'fastify';

/**
 * Sends the page a one-time link opens: never cached, and its address (which holds the token) never sent
 * on as a referrer.
 */
export function sendLinkPage(reply: FastifyReply, html: string) {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send(html);
}
