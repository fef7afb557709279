import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readDataGeneration } from '../db/data-generation.js';
import { ByteLru } from '../lib/byte-lru.js';
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
 */
export function registerReadCache(app: FastifyInstance, roster: Roster) {
  const maxBytes = roster.config.readCacheBytes;
  if (maxBytes === 0) return;
  const answers = new ByteLru<KeptAnswer>(maxBytes);
  const pending = new WeakMap<FastifyRequest, Pending>();

  app.addHook('preHandler', async (request, reply) => {
    const read = cachedReadOf(request.method, request.routeOptions.url);
    if (!read || !request.principal) return;
    const generation = await readDataGeneration(roster.database.db);
    const key = `${audienceOf(request.principal)}\n${request.originalUrl}`;
    const kept = answers.get(key);
    if (kept?.generation === generation) return replyKept(request, reply, kept);
    pending.set(request, { key, generation, read });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const slot = pending.get(request);
    if (!slot || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const etag = etagOf(payload);
    const contentType = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
    const previous = answers.get(slot.key);
    // A slower request for an older generation does not replace a newer generation's answer.
    if (!previous || BigInt(previous.generation) <= BigInt(slot.generation))
      answers.set(
        slot.key,
        { generation: slot.generation, body: payload, etag, contentType },
        Buffer.byteLength(payload) + slot.key.length,
        slot.read.maxAgeMs,
      );
    reply.header('etag', etag).header('cache-control', revalidate);
    if (!notModified(request, etag)) return payload;
    reply.code(304);
    return null;
  });
}

function replyKept(request: FastifyRequest, reply: FastifyReply, kept: KeptAnswer) {
  reply.header('etag', kept.etag).header('cache-control', revalidate);
  if (notModified(request, kept.etag)) return reply.code(304).send();
  return reply.header('content-type', kept.contentType).send(kept.body);
}
