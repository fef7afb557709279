import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readDataGeneration } from '../db/data-generation.js';
import { ByteLru } from '../lib/byte-lru.js';
import { Flights } from '../lib/flights.js';
import type { Metrics } from '../metrics/metrics.js';
import type { Roster } from '../roster.js';
import { type CachedRead, cachedReadOf } from './cached-reads.js';
import type { Principal } from './principal.js';

interface KeptAnswer {
  generation: string;
  body: string;
  etag: string;
  contentType: string;
}

interface Pending {
  key: string;
  generation: string;
  read: CachedRead;
  /** Hands the answer to the requests waiting for this one's (undefined: they compute their own). */
  land?: (answer: KeptAnswer | undefined) => void;
}

/** Answers depend on the caller: every browser or proxy must ask again, and only for this caller. */
const revalidate = 'private, no-cache';

/**
 * Who sees the same answer: callers of one role, and for app owners (who see only the apps they own) the
 * owner's email too. Nothing in a listed read depends on more of the caller than that.
 */
const audienceOf = (principal: Principal) =>
  principal.role === 'app-owner' ? `app-owner:${principal.email ?? ''}` : principal.role;

const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('base64url')}"`;

/** RFC 9110's If-None-Match: a list of tags (weak ones compare weakly) or `*`. */
function notModified(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/**
 * Keeps the serialised answers of the reads listed in cached-reads.ts, per URL (path and query string, as
 * sent) and audience, for the data generation read before computing them (migrations/0028). A request reads
 * the generation (one small query) and answers from memory when it has not moved; any committed change,
 * through any path and from any process on the database, moves it. Answers carry an ETag, and a matching
 * If-None-Match gets 304. At most `ROSTER_READ_CACHE_BYTES` are kept (0: nothing is cached).
 *
 * Requests that miss together (the console's first visits after a change) compute the answer once: the first
 * leads, and the others asking for the same URL, audience and generation wait for its answer. Should it fail,
 * each computes its own, so an error is never shared.
 */
export function registerReadCache(app: FastifyInstance, roster: Roster, metrics: Metrics) {
  const maxBytes = roster.config.readCacheBytes;
  if (maxBytes === 0) return;
  const answers = new ByteLru<KeptAnswer>(maxBytes);
  const flights = new Flights<KeptAnswer>();
  const pending = new WeakMap<FastifyRequest, Pending>();

  app.addHook('preHandler', async (request, reply) => {
    const route = request.routeOptions.url;
    const read = cachedReadOf(request.method, route);
    if (!read || !request.principal || route === undefined) return;
    const generation = await readDataGeneration(roster.database.db);
    const key = `${audienceOf(request.principal)}\n${request.originalUrl}`;
    const kept = answers.get(key);
    if (kept?.generation === generation) {
      metrics.observeCachedRead({ route, outcome: 'hit' });
      return replyKept(request, reply, kept);
    }
    const flightKey = `${generation}\n${key}`;
    const running = flights.running(flightKey);
    if (running) {
      metrics.observeCachedRead({ route, outcome: 'joined' });
      const answer = await running;
      if (answer) return replyKept(request, reply, answer);
    }
    metrics.observeCachedRead({ route, outcome: 'computed' });
    pending.set(request, { key, generation, read, land: running ? undefined : flights.lead(flightKey) });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const slot = pending.get(request);
    if (!slot) return payload;
    if (reply.statusCode !== 200 || typeof payload !== 'string') {
      slot.land?.(undefined);
      return payload;
    }
    const etag = etagOf(payload);
    const contentType = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
    const answer = { generation: slot.generation, body: payload, etag, contentType };
    const previous = answers.get(slot.key);
    // A slower request for an older generation does not replace a newer generation's answer.
    if (!previous || BigInt(previous.generation) <= BigInt(slot.generation))
      answers.set(slot.key, answer, Buffer.byteLength(payload) + slot.key.length, slot.read.maxAgeMs);
    slot.land?.(answer);
    reply.header('etag', etag).header('cache-control', revalidate);
    if (!notModified(request, etag)) return payload;
    reply.code(304);
    return null;
  });

  // However a request ends (its client gone before an answer was sent included), its waiters are released.
  app.addHook('onResponse', async (request) => {
    pending.get(request)?.land?.(undefined);
  });
}

function replyKept(request: FastifyRequest, reply: FastifyReply, kept: KeptAnswer) {
  reply.header('etag', kept.etag).header('cache-control', revalidate);
  if (notModified(request, kept.etag)) return reply.code(304).send();
  return reply.header('content-type', kept.contentType).send(kept.body);
}
