import { z } from 'zod';
import { secretField } from '../../connectors/kit/settings-schema.js';

/**
 * A webhook action's settings as a workflow document holds them. The secret is stored encrypted by the
 * workflows module and exported as "(kept)"; here it is the secret itself.
 */

/** Headers Roster sets itself on every delivery; `headers` may not replace them. */
export const reservedHeaders = [
  'content-type',
  'content-length',
  'host',
  'connection',
  'transfer-encoding',
  'roster-signature',
  'roster-delivery',
] as const;

const headerName = z
  .string()
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/, 'must be an HTTP header name (letters, digits and -)')
  .refine((name) => !(reservedHeaders as readonly string[]).includes(name.toLowerCase()), {
    message: `may not be one Roster sets: ${reservedHeaders.join(', ')}`,
  });

export const webhookSettingsSchema = z.strictObject({
  type: z.literal('webhook'),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .meta({
      title: 'URL',
      description:
        'Where Roster POSTs the JSON body. http:// is sent only to hosts ROSTER_OUTBOUND_ALLOW lists; internal addresses likewise.',
      examples: ['https://hooks.acme.io/roster'],
    }),
  secret: z
    .string()
    .min(16, 'must be at least 16 characters: it keys the signature receivers check')
    .max(1024)
    .meta({
      title: 'Signing secret',
      description:
        'Keys the HMAC-SHA256 signature in the Roster-Signature header; the receiver keeps the same secret (docs/webhooks.md).',
      ...secretField,
    }),
  headers: z
    .record(
      headerName,
      z
        .string()
        .max(8192)
        .regex(/^[^\r\n]*$/, 'may not hold a line break'),
    )
    .optional()
    .meta({
      title: 'Extra headers',
      description: 'Headers added to every delivery, e.g. {"Authorization": "Bearer …"}.',
    }),
});
export type WebhookSettings = z.output<typeof webhookSettingsSchema>;
