import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ErrorDetail, RosterError } from '../lib/errors.js';

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(
        z.object({
          row: z.number().optional(),
          field: z.string().optional(),
          path: z.string().optional(),
          message: z.string(),
        }),
      ),
      requestId: z.string(),
    }),
  })
  .meta({ id: 'Error' });

/** Every failure leaves the API in one shape: {"error":{"code","message","details","requestId"}}. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (status: number, code: string, message: string, details: ErrorDetail[] = []) =>
      reply.status(status).send({ error: { code, message, details, requestId: request.id } });
    if (error instanceof RosterError) {
      if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
      return send(error.status, error.code, error.message, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'request';
      return send(
        400,
        'invalid_input',
        `The ${where} is not valid`,
        error.validation.map((v) => ({
          field: [
            where,
            ...String(v.instancePath ?? '')
              .split('/')
              .filter(Boolean),
          ].join('.'),
          message: v.message ?? 'is not valid',
        })),
      );
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return send(413, 'payload_too_large', 'The request body is larger than the limit');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return send(415, 'unsupported_media_type', error.message);
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.statusCode === 400)
      return send(400, 'invalid_input', error.message);
    if (error.statusCode === 429) return send(429, 'rate_limited', error.message);
    request.log.error({ err: error }, 'request failed');
    return send(500, 'internal', 'Roster could not complete the request; the server log has the details');
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: {
        code: 'not_found',
        message: `No route ${request.method} ${request.url.split('?')[0]}`,
        details: [],
        requestId: request.id,
      },
    }),
  );
}
