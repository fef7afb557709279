import { z } from 'zod';
import { httpTuningSchema } from '../kit/provider-http.js';
import { advancedField, appSetting, secretField } from '../kit/settings-schema.js';

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** HTTPS, except on loopback (a simulator, a local proxy): the bearer token never crosses a network in clear. */
const serviceRoot = z
  .url({ protocol: /^https?$/ })
  .refine((v) => {
    const url = new URL(v);
    return url.protocol === 'https:' || loopback.has(url.hostname);
  }, 'must be an https:// URL')
  .refine((v) => !new URL(v).search && !new URL(v).hash, 'must be the service root, without ? or #')
  .transform((v) => v.replace(/\/+$/, ''));

/** RFC 7644 sets no ceiling on `count`; servers serve fewer when they cap it, and paging follows what they serve. */
export const MAX_PAGE_SIZE = 1000;

export const scimConfigSchema = z.strictObject({
  app: appSetting(
    'The one app this SCIM service manages: every SCIM user becomes an account of it.',
    'Notion',
  ),
  baseUrl: serviceRoot.meta({
    title: 'SCIM base URL',
    description:
      'The root of the app’s SCIM 2.0 service, https:// included; Roster reads and writes {base URL}/Users.',
    examples: ['https://api.example.com/scim/v2'],
  }),
  deprovision: z.enum(['deactivate', 'delete']).default('deactivate').meta({
    title: 'Offboarding removes access by',
    description:
      'deactivate: sets the user’s `active` to false (PATCH), so the account can be restored; delete: deletes the user (DELETE).',
  }),
  pageSize: z
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(100)
    .meta({
      title: 'Users per page',
      description: `Users asked for per request (SCIM's count). Default 100; a service that serves fewer is followed page by page.`,
      ...advancedField,
    }),
  http: httpTuningSchema,
});
export type ScimConfig = z.output<typeof scimConfigSchema>;

export const scimCredentialsSchema = z.strictObject({
  token: z
    .string()
    .trim()
    .min(1)
    .max(16_384)
    .meta({
      title: 'Bearer token',
      description:
        'The SCIM API token the app issues, sent as Authorization: Bearer. Offboarding needs one allowed to update or delete users.',
      ...secretField,
    }),
});
export type ScimCredentials = z.output<typeof scimCredentialsSchema>;
